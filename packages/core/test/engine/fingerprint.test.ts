import { describe, expect, it } from "vitest";
import { assignFingerprints, fingerprintSource, hashText, normaliseSpan } from "../../src/engine/fingerprint.js";

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

describe("fingerprintSource", () => {
  const base = {
    fingerprintText: undefined,
    reportsSecrets: false,
    kind: "sql",
    messageId: "dropColumn",
    message: "Dropping column x.",
    spanText: () => "DROP COLUMN x",
  };

  it("is the span's text for an ordinary finding, and the rule's fingerprintText when it gives one", () => {
    expect(fingerprintSource(base)).toBe("DROP COLUMN x");
    expect(fingerprintSource({ ...base, fingerprintText: "x" })).toBe("x");
  });

  it("never reads the span of a rule that reports secrets", () => {
    const spanText = () => {
      throw new Error("the span holds the secret");
    };
    expect(fingerprintSource({ ...base, reportsSecrets: true, spanText })).toBe("dropColumn");
    expect(fingerprintSource({ ...base, reportsSecrets: true, spanText, fingerprintText: "key:API_KEY" })).toBe(
      "key:API_KEY",
    );
  });

  it("uses the message, which names keys, for a finding in a dotenv file, whose spans hold values", () => {
    const spanText = () => "PASSWORD=hunter2";
    expect(fingerprintSource({ ...base, kind: "dotenv", message: "Key PASSWORD has a space.", spanText })).toBe(
      "Key PASSWORD has a space.",
    );
  });

  it("hashes an SQL span without its string literals, which may be values", () => {
    const spanText = () =>
      "UPDATE users SET password = 'hunter2', note = E'it\\'s', body = $x$ secret $x$ WHERE id = 1";
    expect(fingerprintSource({ ...base, spanText })).toBe(
      "UPDATE users SET password = '…', note = '…', body = '…' WHERE id = 1",
    );
  });
});
