import { describe, expect, it } from "vitest";
import pack, { noModifiedMigration } from "../src/index.js";
import { checkChanges } from "./change-set.js";

const FILES_FOR_NULL = {
  "db/migrations/000002_b.up.sql": "CREATE TABLE b (id int);",
  "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);",
  "src/app.ts": "export {};",
};

// The RuleTester has no change set (--changed-since), so these cases call the rule's check directly.
describe("migrations/no-modified-migration with a change set", () => {
  it("is a rule of the pack that reports nothing without --changed-since", () => {
    expect(pack.rules).toContain(noModifiedMigration);
    expect(checkChanges({ rule: noModifiedMigration, files: FILES_FOR_NULL, changes: null })).toEqual([]);
  });

  const files = {
    "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);",
    "db/migrations/20260101120000_b.js":
      "exports.up = (knex) => knex.schema.dropTable('x');\nexports.down = (knex) => knex.schema.createTable('x', () => {});\n",
    "src/app.ts": "export const x = 1;",
  };

  it("reports an edited SQL or ORM migration, and a deleted one", () => {
    const reported = checkChanges({
      rule: noModifiedMigration,
      files,
      changes: {
        added: [],
        modified: ["db/migrations/000001_a.up.sql", "db/migrations/20260101120000_b.js", "src/app.ts"],
        deleted: ["db/migrations/000000_old.up.sql", "docs/old.md"],
      },
    });
    expect(reported.map((r) => [r.messageId, r.file])).toEqual([
      ["modified", "db/migrations/000001_a.up.sql"],
      ["modified", "db/migrations/20260101120000_b.js"],
      ["deleted", "db/migrations/000000_old.up.sql"],
    ]);
  });

  it("accepts added migrations", () => {
    const changes = { added: ["db/migrations/000001_a.up.sql"], modified: ["src/app.ts"], deleted: [] };
    expect(checkChanges({ rule: noModifiedMigration, files, changes })).toEqual([]);
  });
});
