import { describe, expect, it } from "vitest";
import { assignFingerprints, hashText, normaliseSpan } from "../../src/engine/fingerprint.js";

describe("fingerprints", () => {
  it("do not depend on the line, only on rule, file, span and occurrence", () => {
    const span = hashText(normaliseSpan("DROP  COLUMN x"));
    const [a] = assignFingerprints([{ ruleId: "r", file: "f.sql", spanHash: span, line: 1 }]);
    const [b] = assignFingerprints([
      { ruleId: "r", file: "f.sql", spanHash: hashText(normaliseSpan("DROP COLUMN x")), line: 40 },
    ]);
    expect(a?.fingerprint).toBe(b?.fingerprint);
  });

  it("tell identical findings apart by occurrence", () => {
    const span = hashText("same");
    const [first, second] = assignFingerprints([
      { ruleId: "r", file: "f", spanHash: span },
      { ruleId: "r", file: "f", spanHash: span },
    ]);
    expect(first?.fingerprint).not.toBe(second?.fingerprint);
  });
});
