// --shard i/n and deploylint merge (issue 22): the merge of every shard's partial report is the
// report of a single run, byte for byte (fingerprints, suppressions and exit code included), also
// when the facts a project rule compares come from different shards; partials that are not one
// run's shards are refused; a partial holds no secret.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeRepository } from "../../tools/bench/generate.mjs";
import { git, runCli, tempRepos } from "../support/cli.js";

const tempRepo = tempRepos();

/** A repository of these files with one commit: shards key their secret hashes off HEAD's tree. */
function committed(files: Record<string, string>): string {
  const cwd = tempRepo(files);
  git(cwd, "init", "-q");
  git(cwd, "add", "-A");
  git(cwd, "commit", "-qm", "one");
  return cwd;
}

const PASSWORD = "Zx9qT4mW2vB7kLp3";

interface Partial {
  shard: { index: number; total: number };
  files: string[];
}

/** Pads a file to exactly `size` bytes with comment lines, so the split of the shards is known. */
function padded(text: string, size: number, comment: string): string {
  let out = text;
  while (Buffer.byteLength(out) + comment.length + 2 <= size)
    out += `${comment} ${"x".repeat(Math.min(60, size - Buffer.byteLength(out) - comment.length - 2))}\n`;
  while (Buffer.byteLength(out) < size) out += "\n";
  return out;
}

// Three pairs of files whose facts a project rule compares. Each pair's files are the heaviest of
// the repository, sized so that the split (heaviest first, to the lightest shard) puts the two
// files of every pair in different shards for n = 2, 3 and 7; the test checks that it did.
const S = 30_000;
const PAIRS: [string, string][] = [
  ["db/migrations/000002_orders.up.sql", "db/migrations/000002_invoices.up.sql"],
  [".env.production", ".env.staging"],
  ["src/server.ts", ".env.example"],
];

function spanningRepo(): string {
  return committed({
    "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
    "db/migrations/000001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
    "db/migrations/000001_users.down.sql": "DROP TABLE users;\n",
    // Two migrations with the same version (migrations/unique-version).
    "db/migrations/000002_orders.up.sql": padded("CREATE TABLE orders (id bigint PRIMARY KEY);\n", S, "--"),
    "db/migrations/000002_orders.down.sql": "DROP TABLE orders;\n",
    "db/migrations/000002_invoices.up.sql": padded("CREATE TABLE invoices (id bigint PRIMARY KEY);\n", S + 10, "--"),
    "db/migrations/000002_invoices.down.sql": "DROP TABLE invoices;\n",
    // A credential shared between environments (secrets/no-shared-credentials-across-environments).
    ".env.production": padded(
      `DATABASE_URL=postgres://app:${PASSWORD}@db.internal:5432/app\nLOG_LEVEL=warn\n`,
      S + 20,
      "#",
    ),
    ".env.staging": padded(
      // A project finding suppressed by a directive in this shard's file.
      `# deploylint-disable-next-line secrets/no-shared-credentials-across-environments -- rotated next week\nDATABASE_URL=postgres://app:${PASSWORD}@db-staging.internal:5432/app\nLOG_LEVEL=info\n`,
      S + 40,
      "#",
    ),
    // PORT read in one shard and documented in another (env-docs/no-undocumented-var must stay quiet),
    // REGION read and documented nowhere (it must report), ZONE suppressed by a directive.
    "src/server.ts": padded(
      "export const port = Number(process.env.PORT ?? 3000);\nexport const region = process.env.REGION;\n// deploylint-disable-next-line env-docs/no-undocumented-var -- set by the platform\nexport const zone = process.env.ZONE;\n",
      S + 30,
      "//",
    ),
    ".env.example": padded(
      "# Where the app keeps its data.\nDATABASE_URL=postgres://localhost/app\n# How much to log.\nLOG_LEVEL=info\n# The port to listen on.\nPORT=3000\n",
      S + 50,
      "#",
    ),
  });
}

/** Lints shard by shard, merges, and returns the partials and the merged run (stdout, exit code). */
function shardAndMerge(cwd: string, total: number, extra: string[] = []) {
  const names: string[] = [];
  for (let index = 1; index <= total; index++) {
    const name = `shard-${index}-of-${total}.partial.json`;
    const run = runCli(["--shard", `${index}/${total}`, "--no-cache", "-o", name, ...extra], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    names.push(name);
  }
  const partials = names.map((name) => JSON.parse(readFileSync(join(cwd, name), "utf8")) as Partial);
  const merged = runCli(["merge", ...names, "--format", "json"], { cwd });
  expect(merged.stderr).toBe("");
  return { names, partials, merged };
}

function singleRun(cwd: string, extra: string[] = []) {
  return runCli(["--format", "json", "--no-cache", ...extra], { cwd });
}

describe("merge of n shards equals a single run", () => {
  it("on a repository whose project rules compare files of different shards", { timeout: 600_000 }, () => {
    const cwd = spanningRepo();
    // Partials are written into the repository here: ignore them, as a CI workspace would.
    writeFileSync(join(cwd, ".gitignore"), "*.partial.json\n");
    git(cwd, "add", "-A");
    git(cwd, "commit", "-qm", "ignore partials");
    const single = singleRun(cwd);
    expect(single.status).toBe(1);
    const report = JSON.parse(single.stdout) as {
      findings: { ruleId: string; file: string; message: string }[];
      summary: { suppressed: number };
    };
    const rules = new Set(report.findings.map((f) => f.ruleId));
    expect(rules).toContain("migrations/unique-version");
    expect(rules).toContain("secrets/no-shared-credentials-across-environments");
    const undocumented = report.findings.filter((f) => f.ruleId === "env-docs/no-undocumented-var");
    expect(undocumented.map((f) => f.message)).toEqual([expect.stringContaining("REGION")]);
    expect(report.summary.suppressed).toBe(2);

    for (const total of [1, 2, 3, 7]) {
      const { partials, merged } = shardAndMerge(cwd, total);
      if (total > 1)
        for (const [a, b] of PAIRS) {
          const shardOf = (file: string) => partials.findIndex((p) => p.files.includes(file));
          expect(shardOf(a), `${a} and ${b} with n=${total}`).not.toBe(shardOf(b));
          expect(shardOf(a)).toBeGreaterThanOrEqual(0);
        }
      expect(merged.stdout, `n=${total}`).toBe(single.stdout);
      expect(merged.status).toBe(single.status);
    }
  });

  it("on the generated bench corpus, exit code included", { timeout: 600_000 }, () => {
    const cwd = tempRepo();
    writeRepository({ dir: cwd, scale: "tiny", git: true });
    // The partials go outside the repository, so its file set stays that of the commit.
    const out = tempRepo();
    const single = singleRun(cwd);
    expect(JSON.parse(single.stdout).summary.files).toBeGreaterThan(50);
    for (const total of [1, 2, 3, 7]) {
      const names: string[] = [];
      for (let index = 1; index <= total; index++) {
        const name = join(out, `g-${index}-${total}.partial.json`);
        const run = runCli(["--shard", `${index}/${total}`, "--format", "partial", "--no-cache", "-o", name], { cwd });
        expect(run.status, run.stderr).toBe(0);
        names.push(name);
      }
      const merged = runCli(["merge", ...names, "--format", "json"], { cwd });
      expect(merged.stdout, `n=${total}`).toBe(single.stdout);
      expect(merged.status).toBe(single.status);
    }
  });
});

describe("merge equals a single run with a scope or a baseline", () => {
  it("--changed-since, a path, and the baseline applied by the merge", { timeout: 600_000 }, () => {
    const cwd = spanningRepo();
    writeFileSync(join(cwd, ".gitignore"), "*.partial.json\n*.baseline.json\n");
    git(cwd, "add", "-A");
    git(cwd, "commit", "-qm", "ignore outputs");
    // A second commit: the change set --changed-since judges.
    writeFileSync(join(cwd, "src/extra.ts"), "export const extra = process.env.EXTRA_FLAG;\n");
    git(cwd, "add", "-A");
    git(cwd, "commit", "-qm", "extra");
    for (const scope of [["--changed-since", "HEAD~1"], ["src"]]) {
      const single = singleRun(cwd, scope);
      const { merged } = shardAndMerge(cwd, 2, scope);
      expect(merged.stdout, scope.join(" ")).toBe(single.stdout);
      expect(merged.status).toBe(single.status);
    }
    // The baseline: written by a single run, applied to both (stylish output and exit code alike).
    const written = runCli(["--update-baseline", "--baseline", "b.baseline.json", "--no-cache"], { cwd });
    expect(written.status).toBe(0);
    writeFileSync(join(cwd, "src/late.ts"), "export const late = process.env.LATE_FLAG;\n");
    const single = runCli(["--baseline", "b.baseline.json", "--no-cache"], { cwd });
    expect(single.stdout).toContain("LATE_FLAG");
    const names = [1, 2].map((index) => {
      const name = `b-${index}.partial.json`;
      expect(runCli(["--shard", `${index}/2`, "--no-cache", "-o", name], { cwd }).status).toBe(0);
      return name;
    });
    const merged = runCli(["merge", ...names, "--baseline", "b.baseline.json"], { cwd });
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.stderr).toBe(single.stderr);
    expect(merged.status).toBe(single.status);
  });
});

describe("deploylint merge --help", () => {
  it("prints its usage and exits 0", () => {
    const run = runCli(["merge", "--help"], { cwd: tempRepo() });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: deploylint merge <partial reports…>/);
  });

  it("without partials exits 2, and says how to lint a folder named merge", () => {
    const run = runCli(["merge"], { cwd: tempRepo({ "merge/a.sql": "SELECT 1;\n" }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "deploylint: merge needs the partial reports of every shard, e.g. deploylint merge partials/*.partial.json. To lint the folder merge, run deploylint ./merge.\n",
    );
  });
});

describe("deploylint --shard", () => {
  it("refuses a malformed shard in one line, exit 2", { timeout: 120_000 }, () => {
    const cwd = committed({ "a.ts": "export {};\n" });
    for (const value of ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2", "1.5/2"]) {
      const run = runCli([`--shard=${value}`, "--format", "partial"], { cwd });
      expect(run.status, value).toBe(2);
      expect(run.stderr).toBe(`deploylint: --shard takes <i>/<n> with 1 ≤ i ≤ n (e.g. --shard 2/4), not "${value}".\n`);
    }
  });

  it("writes only a partial report, and leaves the baseline and the gate to the merge", () => {
    const cwd = tempRepo({ "a.ts": "export {};\n" });
    const stylish = runCli(["--shard", "1/2", "--format", "stylish"], { cwd });
    expect(stylish.status).toBe(2);
    expect(stylish.stderr).toMatch(/^deploylint: --shard writes a partial report for deploylint merge/);
    const baseline = runCli(["--shard", "1/2", "--format", "partial", "--max-warnings", "0"], { cwd });
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toBe(
      "deploylint: --max-warnings applies to the whole run: give it to deploylint merge, not to a shard.\n",
    );
  });

  it("outside git, needs DEPLOYLINT_SHARD_KEY", { timeout: 120_000 }, () => {
    const cwd = tempRepo({ ".env.production": "API_TOKEN=abc\n" });
    const refused = runCli(["--shard", "1/1", "--format", "partial"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^deploylint: --shard needs a key all shards share .*DEPLOYLINT_SHARD_KEY/);
    const short = runCli(["--shard", "1/1", "--format", "partial"], {
      cwd,
      env: { DEPLOYLINT_SHARD_KEY: "short" },
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toBe("deploylint: DEPLOYLINT_SHARD_KEY must be at least 16 characters long.\n");
    const env = { DEPLOYLINT_SHARD_KEY: "a-ci-secret-of-some-length" };
    const partial = runCli(["--shard", "1/1", "--format", "partial"], { cwd, env });
    expect(partial.status).toBe(0);
    expect(JSON.parse(partial.stdout).commit).toBeNull();
  });

  it("with --cache, twice, gives the same partial as without it", { timeout: 120_000 }, () => {
    const cwd = spanningRepo();
    const out = tempRepo();
    const run = (name: string, cache: string[]) => {
      const file = join(out, name);
      const result = runCli(["--shard", "2/3", ...cache, "-o", file], { cwd });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(file, "utf8");
    };
    const uncached = run("none.partial.json", ["--no-cache"]);
    const cold = run("cold.partial.json", ["--cache"]);
    const warm = run("warm.partial.json", ["--cache"]);
    expect(cold).toBe(uncached);
    expect(warm).toBe(uncached);
  });
});

describe("a partial report", () => {
  it("holds no secret value, nor a plain hash of one, nor the key", { timeout: 120_000 }, () => {
    const cwd = spanningRepo();
    const out = tempRepo();
    const key = "a-ci-secret-of-some-length";
    const texts: string[] = [];
    for (let index = 1; index <= 2; index++) {
      const file = join(out, `${index}.partial.json`);
      const run = runCli(["--shard", `${index}/2`, "-o", file, "--no-cache"], {
        cwd,
        env: { DEPLOYLINT_SHARD_KEY: key },
      });
      expect(run.status, run.stderr).toBe(0);
      texts.push(readFileSync(file, "utf8"));
    }
    const all = texts.join("\n");
    // The shared credential's facts are there (as keyed hashes), or this test proves nothing.
    expect(all).toContain("secrets:env-secret");
    const forms = [PASSWORD, key];
    for (const algorithm of ["sha1", "sha256", "md5"])
      for (const form of [PASSWORD, `postgres://app:${PASSWORD}@db.internal:5432/app`])
        forms.push(createHash(algorithm).update(form).digest("hex").slice(0, 16));
    for (const form of forms) expect(all).not.toContain(form);
  });
});

describe("deploylint merge refuses partials that are not one run's shards", () => {
  const setup = () => {
    const cwd = committed({
      "src/a.ts": "export const a = process.env.A;\n",
      "src/b.ts": "export const b = process.env.B;\n",
      "src/c.ts": "export const c = process.env.C;\n",
    });
    const out = tempRepo();
    const shard = (spec: string, name: string, env: Record<string, string> = {}) => {
      const file = join(out, name);
      const run = runCli(["--shard", spec, "--no-cache", "-o", file], { cwd, env });
      expect(run.status, run.stderr).toBe(0);
      return file;
    };
    const merge = (...files: string[]) => runCli(["merge", ...files, "--format", "json"], { cwd });
    return { cwd, out, shard, merge };
  };

  it("a shard missing, repeated, or of another n", { timeout: 300_000 }, () => {
    const { shard, merge } = setup();
    const one = shard("1/3", "1.partial.json");
    const two = shard("2/3", "2.partial.json");
    const three = shard("3/3", "3.partial.json");
    const otherN = shard("2/2", "2of2.partial.json");
    expect([0, 1]).toContain(merge(one, two, three).status);
    const missing = merge(one, three);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("deploylint: shard 2/3 missing: merge needs every shard's partial report.\n");
    const twice = merge(one, two, two, three);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^deploylint: shard 2\/3 is given twice/);
    const mixed = merge(one, two, three, otherN);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/differ in shard count/);
    expect(merge().stderr).toMatch(/^deploylint: merge needs the partial reports/);
  });

  it("another commit, config, version or key", { timeout: 300_000 }, () => {
    const { cwd, out, shard, merge } = setup();
    const one = shard("1/2", "1.partial.json");
    const otherKey = shard("2/2", "2-key.partial.json", { DEPLOYLINT_SHARD_KEY: "a-ci-secret-of-some-length" });
    expect(merge(one, otherKey).stderr).toMatch(/differ in secret key/);
    // Another version: a partial edited to claim one.
    const two = shard("2/2", "2.partial.json");
    const edited = JSON.parse(readFileSync(two, "utf8"));
    edited.deploylint = "0.0.0-other";
    const otherVersion = join(out, "2-version.partial.json");
    writeFileSync(otherVersion, JSON.stringify(edited));
    expect(merge(one, otherVersion).stderr).toMatch(/differ in deploylint version/);
    // Another commit.
    writeFileSync(join(cwd, "src/a.ts"), "export const a = process.env.AA;\n");
    git(cwd, "commit", "-qam", "two");
    const later = shard("2/2", "2-later.partial.json");
    const commits = merge(one, later);
    expect(commits.status).toBe(2);
    expect(commits.stderr).toMatch(/differ in commit/);
    // The merge's own config differs from the shards'.
    const laterOne = shard("1/2", "1-later.partial.json");
    expect([0, 1]).toContain(merge(laterOne, later).status);
    writeFileSync(join(cwd, "deploylint.config.yaml"), "rules:\n  env-docs/no-undocumented-var: warn\n");
    const config = merge(laterOne, later);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/linted under another config than this one/);
    // Not a partial at all.
    const junk = join(out, "junk.json");
    writeFileSync(junk, "{}");
    expect(merge(junk).stderr).toBe(
      `deploylint: ${junk} is not a partial report (written by deploylint --shard i/n).\n`,
    );
  });
});
