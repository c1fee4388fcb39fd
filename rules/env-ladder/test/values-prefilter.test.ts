// The values extractor asks for a YAML parse only where one of its readers can find values: a
// lockfile or an unrelated config is not parsed for the ladder (it was ~0.4 s of umami's run).
import { describe, expect, it } from "vitest";
import { SOUND } from "./helpers/ladder.js";
import { runPack } from "./helpers/run-pack.js";

const broken = "lockfileVersion: '9.0'\npackages: [unclosed\n";

describe("env-ladder values extractor: YAML prefilter", () => {
  it("does not parse YAML no reader knows (a lockfile that does not parse gives nothing)", async () => {
    expect(await runPack({ files: { "pnpm-lock.yaml": broken, "config/app.yml": broken } })).toEqual([]);
  });

  // With a manifest: without one the values extractor is idle (manifest-gate.test.ts) and nothing parses them.
  it("still parses the YAML its readers read, whose syntax error is then reported", async () => {
    for (const path of ["render.yaml", "serverless.yml", "k8s/overlays/staging/kustomization.yaml"]) {
      const findings = await runPack({ files: { "company.config.yaml": SOUND, [path]: broken } });
      const onPath = findings.filter((f) => f.file === path);
      expect(onPath.map((f) => [f.ruleId, f.file])).toEqual([["deploylint/parse-error", path]]);
    }
  });
});
