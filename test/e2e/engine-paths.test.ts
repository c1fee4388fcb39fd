// The engine's less visible paths, end to end: start-up that loads no parser, the worker pool
// giving the same report as the main thread, the cache, and secrets never leaving in output.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, runJson, tempRepo } from "../support/cli.js";
import { loadedModules as loadedBy } from "../support/loaded-modules.js";

function loadedModules(args: string[], cwd: string): string[] {
  const run = loadedBy(args, { cwd });
  expect(run.status).toBe(0);
  return run.urls;
}

const PARSERS =
  /sql-parser-cst|typescript-estree|typescript\/lib|\/yaml\/dist|\/ajv\/|sources\/(sql|script|yaml|json|dotenv)/;

describe("start-up", () => {
  it("--version loads no parser, no rule pack and not the engine", () => {
    const loaded = loadedModules(["--version"], ROOT);
    // The bin starts the bundle when the build made one (bundle.test.ts checks what that loads).
    expect(loaded.some((url) => /\/packages\/cli\/(bundle\/bin\.cjs|dist\/bin\.js)$/.test(url))).toBe(true);
    expect(
      loaded.filter(
        (url) => PARSERS.test(url) || /rules\/|packages\/core|bundle\/(?!chunk-)[\w-]+-[A-Z0-9]{8}\.js$/.test(url),
      ),
    ).toEqual([]);
  });

  it("a run loads only the parsers its enabled rules need", () => {
    const dir = tempRepo({ "notes.txt": "nothing to see\n" });
    const loaded = loadedModules(["--only", "secrets/no-private-key"], dir);
    expect(
      // Parser modules are sources/<kind>.js in dist/ and <kind>-<hash>.js chunks in the bundle.
      loaded.filter((url) =>
        /sql-parser-cst|typescript-estree|sources\/(sql|script|dotenv)\.js|bundle\/(sql|script|dotenv)-[A-Z0-9]{8}\.js/.test(
          url,
        ),
      ),
    ).toEqual([]);
  });
});

function manyFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {
    "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
  };
  for (let i = 1; i <= count; i++) {
    const version = String(i).padStart(6, "0");
    files[`db/migrations/${version}_step.up.sql`] =
      i % 7 === 0 ? `ALTER TABLE t${i} DROP COLUMN c;\n` : `CREATE TABLE t${i} (id bigint);\n`;
    files[`db/migrations/${version}_step.down.sql`] = `DROP TABLE t${i};\n`;
    files[`config/service-${i}.env`] = i % 50 === 0 ? `LOG_LEVEL=info\nLOG_LEVEL=debug\n` : `LOG_LEVEL=info\n`;
  }
  return files;
}

describe("worker pool", () => {
  it("gives exactly the main thread's report", () => {
    const dir = tempRepo(manyFiles(220));
    const pooled = runCli(["--format", "json", "--workers", "2", "--debug"], { cwd: dir });
    expect(pooled.stderr).toMatch(/worker threads/);
    const single = runCli(["--format", "json", "--workers", "0"], { cwd: dir });
    expect(JSON.parse(pooled.stdout).summary.files).toBe(661);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(single.stdout).findings.length).toBeGreaterThan(30);
  });
});

describe("--cache", () => {
  it("reuses results, gives the same report, and notices edits", () => {
    const dir = tempRepo({
      "db/migrations/000001_a.up.sql": "ALTER TABLE a DROP COLUMN b;\n",
      "db/migrations/000001_a.down.sql": "SELECT 1;\n",
    });
    const first = runJson(["--cache"], { cwd: dir });
    const cacheDir = join(dir, "node_modules", ".cache", "deploylint");
    expect(existsSync(cacheDir)).toBe(true);
    expect(readdirSync(cacheDir).some((f) => f.endsWith(".json"))).toBe(true);
    const second = runJson(["--cache"], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(first.report.findings.map((f) => f.ruleId)).toContain("migrations/no-drop-column");
    writeFileSync(join(dir, "db/migrations/000001_a.up.sql"), "ALTER TABLE a ADD COLUMN b text;\n");
    const edited = runJson(["--cache"], { cwd: dir });
    expect(edited.report.findings.map((f) => f.ruleId)).not.toContain("migrations/no-drop-column");
  });
});

describe("companion files", () => {
  const UP = "migrations/2024-01-19-140000_index_users/up.sql";
  const METADATA = "migrations/2024-01-19-140000_index_users/metadata.toml";
  const concurrent = (run: ReturnType<typeof runJson>) =>
    run.report.findings.filter((f) => f.ruleId === "migrations/no-concurrent-in-transaction").map((f) => f.file);

  it("a cached result is served only while the companions it read are unchanged", () => {
    const dir = tempRepo({
      [UP]: "CREATE INDEX CONCURRENTLY users_email ON users (email);\n",
      "migrations/2024-01-19-140000_index_users/down.sql": "DROP INDEX CONCURRENTLY users_email;\n",
    });
    // diesel wraps the migration: CONCURRENTLY fails inside its transaction.
    expect(concurrent(runJson(["--cache"], { cwd: dir }))).toEqual([UP]);
    writeFileSync(join(dir, METADATA), "run_in_transaction = false\n");
    const optedOut = runCli(["--cache", "--format", "json", "--debug"], { cwd: dir });
    expect(optedOut.stderr).toMatch(/cache: \d+ hits, [1-9]\d* misses/);
    expect(JSON.parse(optedOut.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain(
      "migrations/no-concurrent-in-transaction",
    );
    writeFileSync(join(dir, METADATA), "run_in_transaction = true\n");
    expect(concurrent(runJson(["--cache"], { cwd: dir }))).toEqual([UP]);
  });

  it("are read the same by the worker pool as by the main thread", () => {
    const files = manyFiles(220);
    for (let i = 0; i < 4; i++) {
      const folder = `migrations/2024-01-1${i}-140000_index_${i}`;
      files[`${folder}/up.sql`] = `CREATE INDEX CONCURRENTLY i${i} ON t${i} (c);\n`;
      files[`${folder}/down.sql`] = `DROP INDEX CONCURRENTLY i${i};\n`;
      if (i % 2 === 0) files[`${folder}/metadata.toml`] = "run_in_transaction = false\n";
    }
    files["deploylint.config.yaml"] = "settings:\n  migrations: { dialect: postgresql }\n";
    const dir = tempRepo(files);
    const pooled = runCli(["--format", "json", "--workers", "2"], { cwd: dir });
    const single = runCli(["--format", "json", "--workers", "0"], { cwd: dir });
    expect(pooled.stdout).toBe(single.stdout);
    const flagged = JSON.parse(single.stdout)
      .findings.filter((f: { ruleId: string }) => f.ruleId === "migrations/no-concurrent-in-transaction")
      .map((f: { file: string }) => f.file);
    expect(flagged).toEqual([
      "migrations/2024-01-11-140000_index_1/up.sql",
      "migrations/2024-01-13-140000_index_3/up.sql",
    ]);
  });
});

describe("secret values never leave", () => {
  const body = Array.from(
    { length: 10 },
    (_, i) => `MIIEow${String(i).repeat(4)}IBAAKCAQEAx${i}Zq9Lk3Vb7Tn2Wc4Rd8Ye6Uf0Ig1Hj5Kl7Mn9Op3Qr`,
  ).join("\n");
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;

  it("is absent from every reporter's output and from the cache", () => {
    const dir = tempRepo({ "deploy/key.pem": pem });
    const outputs = ["stylish", "json"].map((format) => runCli(["--format", format, "--cache"], { cwd: dir }));
    for (const output of outputs) {
      expect(output.status).toBe(1);
      expect(output.stdout).toContain("secrets/no-private-key");
    }
    const cacheDir = join(dir, "node_modules", ".cache", "deploylint");
    const cached = readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), "utf8"));
    for (const text of [...outputs.map((o) => o.stdout + o.stderr), ...cached]) {
      for (const line of body.split("\n")) expect(text).not.toContain(line.slice(0, 16));
    }
  });
});
