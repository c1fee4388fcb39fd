// Issue 17: the pack is asked about every file of a run (is it a migration? is it the pack's?), so
// those answers read a path with as little work as they can, and give what the folder split gave.
import { describe, expect, it } from "vitest";
import { regexpsBuiltBy, scansOf } from "../../../../test/support/regexp-work.js";
import { migrationOf } from "../../src/model/model.js";
import { DEFAULT_FOLDERS, isMigrationPath } from "../../src/model/paths.js";

/** The zero-config answer as first written: some folder of the normalised path is a default one. */
function reference(path: string): boolean {
  return path
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .replace(/\/+$/, "")
    .split("/")
    .slice(0, -1)
    .some((folder) => DEFAULT_FOLDERS.has(folder.toLowerCase()));
}

const PATHS = [
  "db/migrations/0001_init.sql",
  "DB/Migrations/0001_init.sql",
  "migrations/0001.sql",
  "./migrations/0001.sql",
  "db\\migrate\\20200101_x.rb",
  "migrations",
  "migrations/",
  "a/migrations//x.sql",
  "src/migrations.ts",
  "src/my-migrations/x.sql",
  "sqitch/deploy/users.sql",
  "sqitch/deployed/users.sql",
  "liquibase/changelogs/db.sql",
  "drizzle/0000_x.sql",
  "drizzle",
  "packages/schemas/alterations/1.0.0-1674032095-x.ts",
  "src/lib/Foo.ts",
  "",
];

describe("isMigrationPath", () => {
  it("answers as the folder split did", () => {
    for (const path of PATHS) expect(isMigrationPath(path, undefined), path).toBe(reference(path));
  });

  it("scans a path once at most (a Windows path is rewritten first)", () => {
    for (const path of PATHS.filter((p) => !p.includes("\\")))
      expect(
        scansOf(path, () => isMigrationPath(path, undefined)),
        path,
      ).toBeLessThanOrEqual(1);
  });

  it("builds a configured glob's expression once, not once per file", () => {
    const paths = Array.from({ length: 50 }, (_, i) => `db/schema/${i}_x.sql`);
    const built = regexpsBuiltBy(() => {
      for (const path of paths) expect(isMigrationPath(path, ["db/**/*.sql"])).toBe(true);
    });
    expect(built).toBeLessThanOrEqual(1);
  });
});

describe("migrationOf on a script outside the migration folders", () => {
  it("is ruled out by its unversioned name before its path is read any further", () => {
    const path = "src/lib/Foo.ts";
    const text = "export const up = async (pool) => pool.query(sql`select 1`);\nexport const down = up;\n";
    const memo = new Map<string, unknown>();
    const ctx = {
      file: { path, kind: "script", text },
      settings: {},
      source: () => {
        throw new Error("parsed");
      },
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
    };
    expect(scansOf(path, () => expect(migrationOf(ctx as never)).toBeNull())).toBe(0);
  });
});
