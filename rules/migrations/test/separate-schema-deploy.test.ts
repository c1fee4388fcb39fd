import { describe, expect, it } from "vitest";
import pack, { separateSchemaDeploy } from "../src/index.js";
import { checkChanges } from "./change-set.js";

const FILES_FOR_NULL = {
  "db/migrations/000002_b.up.sql": "CREATE TABLE b (id int);",
  "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);",
  "src/app.ts": "export {};",
};

// The RuleTester has no change set (--changed-since), so these cases call the rule's check directly.
describe("migrations/separate-schema-deploy with a change set", () => {
  it("is a rule of the pack that reports nothing without --changed-since", () => {
    expect(pack.rules).toContain(separateSchemaDeploy);
    expect(checkChanges({ rule: separateSchemaDeploy, files: FILES_FOR_NULL, changes: null })).toEqual([]);
  });

  const files = {
    "db/migrations/000002_b.up.sql": "ALTER TABLE a ADD COLUMN b text;",
    "db/migrations/000002_b.down.sql": "ALTER TABLE a DROP COLUMN b;",
    "src/orders.ts": "export {};",
    "src/users.ts": "export {};",
    "test/orders.test.ts": "export {};",
  };

  it("reports a migration added together with application code", () => {
    const changes = {
      added: ["db/migrations/000002_b.up.sql", "db/migrations/000002_b.down.sql", "test/orders.test.ts"],
      modified: ["src/orders.ts", "src/users.ts"],
      deleted: [],
    };
    expect(checkChanges({ rule: separateSchemaDeploy, files, changes })).toEqual([
      {
        messageId: "mixed",
        file: "db/migrations/000002_b.up.sql",
        line: 1,
        data: { name: "000002_b", code: "src/orders.ts", more: " and 1 more" },
      },
    ]);
  });

  it("accepts a migration with only tests and docs, and code under an ignored prefix", () => {
    const added = ["db/migrations/000002_b.up.sql", "test/orders.test.ts", "docs/schema.md"];
    expect(checkChanges({ rule: separateSchemaDeploy, files, changes: { added, modified: [], deleted: [] } })).toEqual(
      [],
    );
    const changes = { added: ["db/migrations/000002_b.up.sql"], modified: ["src/orders.ts"], deleted: [] };
    expect(checkChanges({ rule: separateSchemaDeploy, files, changes, options: { ignore: ["src/"] } })).toEqual([]);
  });
});
