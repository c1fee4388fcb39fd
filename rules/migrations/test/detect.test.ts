// Repository-wide detection (what init, --debug and --print-config report): the same per-file
// answers as the lint, summed up per migrations folder, each with its reason.
import { parseScript } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { detectMigrations } from "../src/index.js";

function detect(files: Record<string, string>) {
  return detectMigrations({
    files: Object.keys(files).sort(),
    read: (path) => files[path] ?? null,
    parseScript: (text, path) => {
      const parsed = parseScript(text, path);
      return parsed.ok ? parsed.source.program : null;
    },
  });
}

describe("detectMigrations", () => {
  it("takes a Prisma project's dialect from migration_lock.toml, not from backticks in its SQL comments", () => {
    const [root, ...rest] = detect({
      "packages/prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n}\n',
      "packages/prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
      "packages/prisma/migrations/20240101000000_init/migration.sql":
        '-- Renamed `name` to `title` by hand\nCREATE TABLE "Link" ("id" SERIAL NOT NULL);\n',
      "packages/prisma/migrations/20240201000000_more/migration.sql":
        '-- `a` `b` `c`\nALTER TABLE "Link" ADD COLUMN "x" TEXT;\n',
    });
    expect(rest).toEqual([]);
    expect(root?.path).toBe("packages/prisma/migrations");
    expect(root?.framework.value).toBe("prisma");
    expect(root?.framework.reason).toContain("migration.sql");
    expect(root?.dialect).toEqual({
      value: "postgresql",
      reason: "packages/prisma/migrations/migration_lock.toml names postgresql",
    });
    expect(root?.newestVersion).toBe("20240201000000");
  });

  it("reads knex's dialect from the knexfile's client, not from a comment", () => {
    const [root] = detect({
      "knexfile.js": '// client: "pg" was the old one\nmodule.exports = { client: "mysql2" };\n',
      "migrations/20240101_users.js":
        "exports.up = (knex) => knex.schema.createTable('users', (t) => t.increments());\nexports.down = (knex) => knex.schema.dropTable('users');\n",
    });
    expect(root?.framework.value).toBe("knex");
    expect(root?.dialect?.value).toBe("mysql");
    expect(root?.dialect?.reason).toBe("knexfile.js names mysql");
  });

  it("finds a tagged-SQL history kept outside a migrations folder, and skips a migration feature's code", () => {
    const roots = detect({
      "packages/schemas/alterations/1.0.0-1674032095.1-add-x.ts":
        "import { sql } from '@silverhand/slonik';\nconst alteration = {\n  up: async (pool) => { await pool.query(sql`alter table users add column x text`); },\n  down: async (pool) => { await pool.query(sql`alter table users drop column x`); },\n};\nexport default alteration;\n",
      "apps/web/lib/api/controllers/migration/importFromHTMLFile.ts":
        "export default async function importFromHTMLFile(userId: number, data: string) { return { userId, data }; }\n",
    });
    expect(roots.map((r) => [r.path, r.framework.value])).toEqual([["packages/schemas/alterations", "tagged-sql"]]);
    expect(roots[0]?.newestVersion).toBe("1674032095.1");
  });

  it("falls back to the SQL's own keywords outside comments and strings, and says so", () => {
    const [root] = detect({
      "db/migration/V1__init.sql": "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n",
      "db/migration/V2__note.sql":
        "-- SERIAL and JSONB are PostgreSQL's\nINSERT INTO t (name) VALUES ('BIGSERIAL JSONB');\n",
    });
    expect(root?.framework.value).toBe("flyway");
    expect(root?.dialect?.value).toBe("mysql");
    expect(root?.dialect?.reason).toContain("no config names a dialect");
  });

  it("reports a folder of a dialect the pack leaves alone as such", () => {
    const roots = detect({
      "db/clickhouse/migrations/01_init.sql": "CREATE TABLE e (id UInt64) ENGINE = MergeTree;\n",
    });
    expect(roots[0]?.unchecked?.value).toBe("ClickHouse");
  });
});
