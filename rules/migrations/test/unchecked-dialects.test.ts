// Migrations of a dialect the pack does not check (ClickHouse, …) are not the pack's: no rule judges
// them, and an unreadable one is no core/file-not-checked finding.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../src/index.js";

describe("owns", () => {
  const owns = pack.owns as NonNullable<typeof pack.owns>;
  it("owns migrations of checked dialects only", () => {
    expect(owns("db/postgresql/migrations/1.sql", {})).toBe(true);
    expect(owns("db/clickhouse/migrations/1.sql", {})).toBe(false);
    expect(owns("db/clickhouse/migrations/1.js", {})).toBe(false);
    expect(owns("db/migrations/1.sql", { migrations: { dialect: "clickhouse" } })).toBe(false);
    expect(owns("db/clickhouse/migrations/1.sql", { migrations: { dialect: "postgresql" } })).toBe(true);
  });
});

const tester = new RuleTester({ pack });

tester.run("no-drop-table", {
  valid: [
    {
      name: "a ClickHouse migration's DROP TABLE is left alone",
      filename: "db/clickhouse/migrations/04_add_tag.sql",
      code: "DROP TABLE umami.website_event_stats_hourly_mv;",
    },
    {
      name: "an ORM migration under a clickhouse folder is left alone",
      filename: "db/clickhouse/migrations/20240101_drop.js",
      code: "exports.up = (knex) => knex.schema.dropTable('events');\nexports.down = () => {};",
    },
  ],
  invalid: [
    {
      name: "the same DROP TABLE in a PostgreSQL history",
      filename: "db/postgresql/migrations/04_add_tag.sql",
      code: "DROP TABLE umami.website_event_stats_hourly_mv;",
      errors: [{ messageId: "dropTable", line: 1, column: 1 }],
    },
    {
      name: "the same ORM migration elsewhere",
      filename: "db/migrations/20240101_drop.js",
      code: "exports.up = (knex) => knex.schema.dropTable('events');\nexports.down = () => {};",
      errors: [{ messageId: "dropTable", line: 1, column: 24 }],
    },
  ],
});
