// Issue 13: a file nested thousands of levels deep (brackets, parentheses, flow collections) is that
// file's parse-error, never a crashed run: the recursive parsers and walks run out of stack on it.
import { describe, expect, it } from "vitest";
import { runJson, tempRepo } from "../../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

/** Files nested `depth` levels deep, each of a kind some enabled rule parses. */
function deepFiles(depth: number): Record<string, string> {
  return {
    "deploylint.config.yaml": CONFIG,
    ".env.example": "FOO=\n",
    // A destructured read: env-docs needs the script's tree for it (plain member reads it takes from the text).
    "src/brackets.ts": `const { FOO } = process.env;\nexport const x = ${"[".repeat(depth)}${"]".repeat(depth)};\n`,
    "src/parens.js": `const { FOO } = process.env;\nexport const y = ${"(".repeat(depth)}1${")".repeat(depth)};\n`,
    // A CI workflow: YAML the ladder parses while the repository has a manifest (a YAML file no
    // rule or extractor reads is never parsed; without a manifest the ladder reads no workflow).
    "company.config.yaml": "environments:\n  production:\n    purpose: Live\n",
    ".github/workflows/deep.yml": `nested: ${"[".repeat(depth)}${"]".repeat(depth)}\n`,
    "db/migrations/000001_deep.up.sql": `SELECT ${"(".repeat(depth)}1${")".repeat(depth)};\nDROP TABLE users;\n`,
    "db/migrations/000001_deep.down.sql": "CREATE TABLE users (id bigint);\n",
  };
}

const DEEP_FILES = [
  ".github/workflows/deep.yml",
  "db/migrations/000001_deep.up.sql",
  "src/brackets.ts",
  "src/parens.js",
];

function lintDeepRepo(args: string[], depth: number) {
  const dir = tempRepo(deepFiles(depth));
  const run = runJson(args, { cwd: dir });
  // A crash exits 2 with no report (runJson throws then); a judged run with errors exits 1.
  expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
  expect(run.status).toBe(1);
  const parseErrors = run.report.findings.filter((f) => f.ruleId.endsWith("parse-error"));
  for (const finding of parseErrors) {
    expect(finding.severity).toBe("error");
    expect(finding.message).toMatch(/nested too deeply/);
  }
  // The statement after the deep one is still judged.
  expect(run.report.findings.map((f) => f.ruleId)).toContain("migrations/no-drop-table");
  return parseErrors.map((f) => f.file).sort();
}

describe("deeply nested files", () => {
  for (const args of [[], ["--workers", "2"]]) {
    const mode = args.length === 0 ? "main thread" : "worker pool (--workers 2)";

    it(`1,000 levels (${mode}): a file the parser cannot follow is a parse-error, the run goes on`, () => {
      // A worker's stack is larger than the main thread's: there a file this deep may parse and be judged.
      lintDeepRepo(args, 1_000);
    });

    it(`100,000 levels (${mode}): every deep file is a parse-error finding`, () => {
      expect(lintDeepRepo(args, 100_000)).toEqual(DEEP_FILES);
    });
  }

  it("two YAML files of deep flow collections in one run are two parse-errors, not an aborted process", () => {
    // Composed one after the other, the second went deep enough for V8 to compile a regular
    // expression with no stack left, which aborts the process (exit 134, no report).
    const dir = tempRepo({
      "a/docker-compose.yml": `${"[".repeat(1_000)}${"]".repeat(1_000)}\n`,
      "b/docker-compose.yml": `${"[".repeat(3_000)}${"]".repeat(3_000)}\n`,
    });
    const { status, stderr, report } = runJson([], { cwd: dir });
    expect(stderr).not.toMatch(/internal error|FATAL/);
    expect(status).toBe(1);
    const parseErrors = report.findings.filter((f) => f.ruleId === "deploylint/parse-error");
    expect(parseErrors.map((f) => f.file).sort()).toEqual(["a/docker-compose.yml", "b/docker-compose.yml"]);
    for (const finding of parseErrors) expect(finding.message).toMatch(/nested too deeply/);
  });

  it("a rule whose own recursion runs out of stack leaves a parse-error for that file, not a crash", () => {
    // A plain-object pack (definePack and defineRule are identities), loaded by path from the repository.
    const pack = `export default {
  name: "deep",
  rules: [{
    id: "recurse",
    meta: { description: "Walks as deep as the file goes.", kinds: ["yaml"], presets: { recommended: "error", strict: "error" }, messages: { m: "Never." } },
    create() {
      const walk = (n) => (n === 0 ? 0 : 1 + walk(n - 1));
      return { yaml() { walk(1e7); } };
    },
  }],
};
`;
    const dir = tempRepo({
      "deploylint.config.yaml": "plugins: [./tools/deep-pack.mjs]\nrules:\n  deep/recurse: error\n",
      "tools/deep-pack.mjs": pack,
      "config/app.yaml": "name: app\n",
      "config/other.yaml": "name: other\n",
    });
    const { status, stderr, report } = runJson([], { cwd: dir });
    expect(stderr).not.toMatch(/internal error|crashed/);
    expect(status).toBe(1);
    const parseErrors = report.findings.filter((f) => f.ruleId === "deploylint/parse-error");
    // Every YAML file, the config included, goes through the rule.
    expect(parseErrors.map((f) => f.file).sort()).toEqual([
      "config/app.yaml",
      "config/other.yaml",
      "deploylint.config.yaml",
    ]);
    for (const finding of parseErrors) expect(finding.message).toMatch(/nested too deeply for deep\/recurse/);
  });
});
