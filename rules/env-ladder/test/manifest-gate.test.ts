// The values, CI-job and flag-read extractors run only in a repository with a ladder manifest:
// every ladder rule returns without one, so their facts could change nothing (hatchet: 31 of its 35
// YAML parses were workflows read for the ladder). These tests count the work the extractors do
// through the real engine, and hold that the cache never mixes runs with and without a manifest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Extractor, lintProject, type Pack, type ResolvedConfig } from "@deploylint/core";
import { afterEach, describe, expect, it } from "vitest";
import ladderPack from "../src/index.js";
import { SOUND } from "./helpers/ladder.js";
import { runPack } from "./helpers/run-pack.js";

// Production deployed on a push to any branch: notMainOnly, a finding only the CI-job facts give.
const ANY_BRANCH_WORKFLOW = `name: deploy
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci && npm test
  deploy-production:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: ./scripts/deploy.sh
`;

/** Files every gated extractor reads: a workflow, a platform file, an env file, a flag read. */
const LADDER_INPUTS = {
  ".github/workflows/deploy.yml": ANY_BRANCH_WORKFLOW,
  "render.yaml":
    "services:\n  - type: web\n    name: api\n    envVars:\n      - key: LOG_LEVEL\n        value: debug\n",
  ".env.staging": "LOG_LEVEL=debug\n",
  "src/flags.ts": 'export const on = isEnabled("new-billing");\n',
};

/** The pack with extractors that count the files they are created for (non-null) and the YAML they visit. */
function countingPack() {
  const created = new Map<string, number>();
  let yamlVisits = 0;
  const counted = (extractor: Extractor): Extractor => ({
    ...extractor,
    create(context) {
      const visitors = extractor.create(context);
      if (visitors === null) return null;
      created.set(extractor.id, (created.get(extractor.id) ?? 0) + 1);
      const { yaml } = visitors;
      if (!yaml) return visitors;
      return {
        ...visitors,
        yaml(source) {
          yamlVisits++;
          yaml(source);
        },
      };
    },
  });
  const pack: Pack = { ...ladderPack, extractors: (ladderPack.extractors ?? []).map(counted) };
  return { pack, created, yamlVisits: () => yamlVisits };
}

describe("env-ladder extractors without a manifest", () => {
  it("creates no values, ci-job or flag-read extractor and parses no workflow for them", async () => {
    const counting = countingPack();
    expect(await runPack({ files: LADDER_INPUTS, pack: counting.pack })).toEqual([]);
    expect(Object.fromEntries(counting.created)).toEqual({});
    expect(counting.yamlVisits()).toBe(0);
  });

  it("runs them all, with the findings their facts give, when the manifest is there", async () => {
    const counting = countingPack();
    const findings = await runPack({
      files: { "company.config.yaml": SOUND, ...LADDER_INPUTS },
      pack: counting.pack,
    });
    expect(counting.created.get("env-ladder:values")).toBeGreaterThan(0);
    expect(counting.created.get("env-ladder:ci-job")).toBe(1);
    expect(counting.created.get("env-ladder:flag-read")).toBe(1);
    expect(counting.yamlVisits()).toBeGreaterThan(1);
    expect(findings.map((f) => `${f.ruleId} ${f.file}`)).toContain(
      "env-ladder/production-deploy-via-ci .github/workflows/deploy.yml",
    );
  });

  it("runs them when settings.ladder.manifest names a manifest elsewhere", async () => {
    const counting = countingPack();
    await runPack({
      files: { "ops/ladder.yaml": SOUND, ...LADDER_INPUTS },
      settings: { ladder: { manifest: "./ops/ladder.yaml" } },
      pack: counting.pack,
    });
    expect(counting.created.get("env-ladder:ci-job")).toBe(1);
  });

  it("stays idle when the configured manifest is absent, even beside a company.config.yaml", async () => {
    const counting = countingPack();
    await runPack({
      files: { "company.config.yaml": SOUND, ...LADDER_INPUTS },
      settings: { ladder: { manifest: "ops/ladder.yaml" } },
      pack: counting.pack,
    });
    expect(counting.created.get("env-ladder:ci-job")).toBeUndefined();
  });
});

describe("env-ladder's manifest gate and the cache", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  const config = (): ResolvedConfig => {
    const rules: ResolvedConfig["rules"] = {};
    for (const rule of ladderPack.rules)
      rules[`env-ladder/${rule.id}`] = { severity: "error", options: rule.meta.defaultOptions };
    return {
      configFile: null,
      packs: [{ pack: ladderPack, specifier: null }],
      rules,
      overrides: [],
      settings: {},
      ignores: [],
      maxFileSize: 1 << 20,
    };
  };
  const write = (root: string, path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const lint = async (root: string) => {
    const result = await lintProject({
      config: config(),
      cwd: root,
      version: "test",
      workers: 0,
      cacheLocation: join(root, ".cache"),
    });
    return result.findings.map((f) => `${f.ruleId} ${f.file}`);
  };

  it("does not serve results cached without a manifest to a run that has one, nor the reverse", async () => {
    const root = mkdtempSync(join(tmpdir(), "ladder-gate-"));
    roots.push(root);
    write(root, ".github/workflows/deploy.yml", ANY_BRANCH_WORKFLOW);
    expect(await lint(root)).toEqual([]);

    write(root, "company.config.yaml", SOUND);
    const withManifest = await lint(root);
    expect(withManifest).toContain("env-ladder/production-deploy-via-ci .github/workflows/deploy.yml");
    // The same run again, now from the cache the manifest run filled.
    expect(await lint(root)).toEqual(withManifest);

    rmSync(join(root, "company.config.yaml"));
    expect(await lint(root)).toEqual([]);
  });
});
