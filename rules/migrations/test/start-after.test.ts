// settings.migrations.startAfter: migrations at or before it are history. Per-file rules and the
// per-migration project rules skip them; the change-set rule still reports an edited one.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack, { noModifiedMigration } from "../src/index.js";
import { isHistory } from "../src/model/index.js";
import { checkChanges } from "./change-set.js";

const tester = new RuleTester({ pack });
const history = { migrations: { startAfter: "000002" } };
// YAML reads an unquoted timestamp as a number.
const numeric = { migrations: { startAfter: 20240301000000 } };

tester.run("no-drop-column", {
  valid: [
    {
      name: "a drop in a migration before startAfter is history",
      filename: "db/migrations/000001_a.up.sql",
      code: "ALTER TABLE users DROP COLUMN legacy;",
      settings: history,
    },
    {
      name: "a drop in the migration startAfter names is history too (at or before)",
      filename: "db/migrations/000002_b.up.sql",
      code: "ALTER TABLE users DROP COLUMN legacy;",
      settings: history,
    },
    {
      name: "a Prisma migration before a numeric startAfter",
      filename: "prisma/migrations/20240101000000_x/migration.sql",
      code: 'ALTER TABLE "users" DROP COLUMN "legacy";',
      settings: numeric,
    },
  ],
  invalid: [
    {
      name: "a drop in a migration after startAfter is news",
      filename: "db/migrations/000003_c.up.sql",
      code: "ALTER TABLE users DROP COLUMN legacy;",
      settings: history,
      errors: [{ messageId: "dropColumn", line: 1, column: 1 }],
    },
    {
      name: "a Prisma migration after a numeric startAfter",
      filename: "prisma/migrations/20240401000000_x/migration.sql",
      code: 'ALTER TABLE "users" DROP COLUMN "legacy";',
      settings: numeric,
      errors: [{ messageId: "dropColumn", line: 1, column: 1 }],
    },
  ],
});

tester.run("require-down", {
  valid: [
    {
      name: "an old up without a down is history",
      files: { "db/migrations/000001_users.up.sql": "CREATE TABLE users (id int);" },
      settings: history,
    },
  ],
  invalid: [
    {
      name: "a new up without a down is reported",
      files: {
        "db/migrations/000001_users.up.sql": "CREATE TABLE users (id int);",
        "db/migrations/000003_orders.up.sql": "CREATE TABLE orders (id int);",
      },
      settings: history,
      errors: [{ messageId: "missingDown", file: "db/migrations/000003_orders.up.sql", line: 1, column: 1 }],
    },
  ],
});

describe("startAfter", () => {
  it("orders versions numerically and never calls an unversioned migration history", () => {
    expect(isHistory("9", "10")).toBe(true);
    expect(isHistory("11", "10")).toBe(false);
    expect(isHistory("1674032095.1", "1720505152")).toBe(true);
    expect(isHistory(null, "10")).toBe(false);
    expect(isHistory("1", null)).toBe(false);
  });

  it("still reports an edited migration that is history", () => {
    const reported = checkChanges({
      rule: noModifiedMigration,
      files: { "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int, b int);" },
      changes: { added: [], modified: ["db/migrations/000001_a.up.sql"], deleted: [] },
      settings: history,
    });
    expect(reported.map((r) => [r.messageId, r.file])).toEqual([["modified", "db/migrations/000001_a.up.sql"]]);
  });
});
