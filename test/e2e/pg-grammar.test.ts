// Issue 14: PostgreSQL migrations are parsed by PostgreSQL's grammar (libpg-query) in the built CLI:
// the WebAssembly loads once before the per-file phase (its time under --debug), a statement
// PostgreSQL rejects is a parse-error with the server's message at the offending token, and valid
// PostgreSQL that sql-parser-cst could not read is judged like any other statement.
import { describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../support/cli.js";

const MIGRATION = [
  "CREATE STATISTICS order_stats (dependencies) ON customer_id, region FROM orders;",
  "ANALYZE orders (customer_id);",
  "ALTER TABLE orders ADD COLUMN note text,, DROP COLUMN legacy;",
  "DROP TABLE audit_log;",
  "",
].join("\n");

describe("PostgreSQL's grammar in the CLI", () => {
  it("reports only the broken statement, with PostgreSQL's message and position, and judges the rest", () => {
    const dir = tempRepo({ "db/migrations/000001_orders.up.sql": MIGRATION });
    const run = runJson(["--only", "migrations/*"], { cwd: dir });
    const found = run.report.findings.map((f) => [f.ruleId, f.line, f.column]);
    expect(found).toContainEqual(["migrations/parse-error", 3, 41]);
    expect(found).toContainEqual(["migrations/no-drop-table", 4, 1]);
    const parseErrors = run.report.findings.filter((f) => f.ruleId === "migrations/parse-error");
    expect(parseErrors).toHaveLength(1);
    expect(parseErrors[0]?.message).toContain('(syntax error at or near ",")');
  });

  it("says under --debug how long loading the grammar took", () => {
    const dir = tempRepo({ "db/migrations/000001_orders.up.sql": "DROP TABLE audit_log;\n" });
    const run = runCli(["--debug"], { cwd: dir });
    expect(run.stderr).toMatch(/PostgreSQL's grammar \(libpg-query\) loaded in \d+ ms/);
  });
});
