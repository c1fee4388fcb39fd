import { describe, expect, it } from "vitest";
import pack, { orderedVersions } from "../src/index.js";
import { checkChanges } from "./change-set.js";

const FILES_FOR_NULL = {
  "db/migrations/000002_b.up.sql": "CREATE TABLE b (id int);",
  "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);",
  "src/app.ts": "export {};",
};

const FILES = {
  "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);",
  "db/migrations/000001_a.down.sql": "DROP TABLE a;",
  "db/migrations/000003_c.up.sql": "CREATE TABLE c (id int);",
  "db/migrations/000003_c.down.sql": "DROP TABLE c;",
  "db/migrations/000002_b.up.sql": "CREATE TABLE b (id int);",
  "db/migrations/000002_b.down.sql": "DROP TABLE b;",
};

// The RuleTester has no change set (--changed-since), so these cases call the rule's check directly.
describe("migrations/ordered-versions with a change set", () => {
  it("is a rule of the pack that reports nothing without --changed-since", () => {
    expect(pack.rules).toContain(orderedVersions);
    expect(checkChanges({ rule: orderedVersions, files: FILES_FOR_NULL, changes: null })).toEqual([]);
  });

  it("reports a new migration that sorts before one already on the base", () => {
    const reported = checkChanges({
      rule: orderedVersions,
      files: FILES,
      changes: {
        added: ["db/migrations/000002_b.down.sql", "db/migrations/000002_b.up.sql"],
        modified: [],
        deleted: [],
      },
    });
    expect(reported).toEqual([
      {
        messageId: "outOfOrder",
        file: "db/migrations/000002_b.up.sql",
        line: 1,
        data: { name: "000002_b", latest: "000003_c", base: "origin/main" },
      },
    ]);
  });

  it("accepts new migrations that sort after every existing one, and versions in other folders", () => {
    const added = [
      "db/migrations/000002_b.up.sql",
      "db/migrations/000002_b.down.sql",
      "db/migrations/000003_c.up.sql",
      "db/migrations/000003_c.down.sql",
    ];
    expect(
      checkChanges({ rule: orderedVersions, files: FILES, changes: { added, modified: [], deleted: [] } }),
    ).toEqual([]);
    const other = { ...FILES, "other/migrations/000001_x.up.sql": "CREATE TABLE x (id int);" };
    expect(
      checkChanges({
        rule: orderedVersions,
        files: other,
        changes: { added: ["other/migrations/000001_x.up.sql"], modified: [], deleted: [] },
      }),
    ).toEqual([]);
  });
});
