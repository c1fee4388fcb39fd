// One fixture repository per platform reader: the base ladder (manifest and a sound deploy
// workflow) plus the platform's files; every env-ladder finding must match expected.txt.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readFixture } from "./helpers/fixture-files.js";
import { describeFindings, runPack } from "./helpers/run-pack.js";

const root = fileURLToPath(new URL("./fixtures/platforms/", import.meta.url));
const base = readFixture(join(root, "_base"));
const platforms = readdirSync(root).filter((name) => name !== "_base");

describe("platform fixtures", () => {
  it("has a fixture for every platform and CI reader", () => {
    expect(platforms.sort()).toEqual([
      "fly",
      "github-actions",
      "gitlab-ci",
      "helm",
      "kustomize",
      "netlify",
      "render",
      "serverless",
      "vercel",
      "wrangler",
    ]);
  });

  it("the base ladder alone is clean", async () => {
    expect(describeFindings(await runPack({ files: base }))).toEqual([]);
  });

  for (const platform of platforms) {
    it(platform, async () => {
      const expectedPath = join(root, platform, "expected.txt");
      expect(existsSync(expectedPath), `${platform} has no expected.txt`).toBe(true);
      const expected = readFileSync(expectedPath, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "");
      const files = { ...base, ...readFixture(join(root, platform), ["expected.txt"]) };
      expect(describeFindings(await runPack({ files }))).toEqual(expected);
    });
  }
});
