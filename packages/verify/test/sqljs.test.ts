// verify on sql.js (SQLite): a right down, an incomplete one, a lost column default after a table
// rebuild, and a down that fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type VerifyResult, verifyMigrations } from "../src/index.js";
import { migrationRepo } from "./repo.js";

const REBUILD = (statusColumn: string) =>
  `CREATE TABLE accounts_new (id integer PRIMARY KEY, email text NOT NULL, ${statusColumn});\nINSERT INTO accounts_new SELECT id, email, status FROM accounts;\nDROP TABLE accounts;\nALTER TABLE accounts_new RENAME TO accounts;\n`;

const FILES: Record<string, string> = {
  "migrations/20260101000000_accounts/up.sql":
    "CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, status text DEFAULT 'new');\n",
  "migrations/20260101000000_accounts/down.sql": "DROP TABLE accounts;\n",
  "migrations/20260102000000_email_index/up.sql": "CREATE UNIQUE INDEX accounts_email ON accounts (email);\n",
  "migrations/20260102000000_email_index/down.sql": "SELECT 1;\n",
  "migrations/20260103000000_status_active/up.sql": REBUILD("status text DEFAULT 'active'"),
  "migrations/20260103000000_status_active/down.sql": REBUILD("status text"),
  "migrations/20260104000000_plan/up.sql": "ALTER TABLE accounts ADD COLUMN plan text;\n",
  "migrations/20260104000000_plan/down.sql": "ALTER TABLE accounts DROP COLUMN plann;\n",
};

describe("migrations verify on sql.js", () => {
  const repo = migrationRepo(FILES);
  let verified: VerifyResult;

  beforeAll(async () => {
    verified = await verifyMigrations({ cwd: repo.dir, settings: { dialect: "sqlite" } });
  });
  afterAll(() => repo.remove());

  it("runs diesel-style folders on sql.js, in version order", () => {
    expect(verified.engine).toBe("sqljs");
    expect(verified.verdicts.map((v) => [v.migration, v.status])).toEqual([
      ["20260101000000_accounts", "passed"],
      ["20260102000000_email_index", "rollback-incomplete"],
      ["20260103000000_status_active", "rollback-incomplete"],
      ["20260104000000_plan", "failed"],
    ]);
  });

  it("names the index left behind and the default the down lost", () => {
    const messages = verified.result.findings
      .filter((f) => f.ruleId === "migrations/rollback-incomplete")
      .map((f) => f.message);
    expect(messages[0]).toContain("index accounts_email is left after down");
    // The rebuild also loses the index of 20260102 (SQLite drops a table's indexes with it): both are named.
    expect(messages[1]).toContain("index accounts_email is missing after down");
    expect(messages[1]).toContain(`column accounts.status is "TEXT" after down, was "TEXT DEFAULT 'new'"`);
  });

  it("reports the failing down statement with SQLite's message", () => {
    expect(verified.result.findings.filter((f) => f.ruleId === "migrations/verify-failed")).toEqual([
      expect.objectContaining({
        file: "migrations/20260104000000_plan/down.sql",
        line: 1,
        message: expect.stringContaining("no such column"),
      }),
    ]);
  });

  it("passes a history whose downs are right", async () => {
    const clean = migrationRepo({
      "migrations/20260101000000_accounts/up.sql": FILES["migrations/20260101000000_accounts/up.sql"] ?? "",
      "migrations/20260101000000_accounts/down.sql": "DROP TABLE accounts;\n",
      "migrations/20260102000000_plan/up.sql": "ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';\n",
      "migrations/20260102000000_plan/down.sql": "ALTER TABLE accounts DROP COLUMN plan;\n",
    });
    try {
      const result = await verifyMigrations({ cwd: clean.dir, settings: { dialect: "sqlite" } });
      expect(result.verdicts.map((v) => v.status)).toEqual(["passed", "passed"]);
      expect(result.result.findings).toEqual([]);
    } finally {
      clean.remove();
    }
  });
});
