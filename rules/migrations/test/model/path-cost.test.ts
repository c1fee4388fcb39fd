// Issue 17: the pack is asked about every file of a run (is it a migration? is it the pack's?), so
// those answers read a path with as little work as they can, and give what the folder split gave.
import { describe, expect, it } from "vitest";
import { regexpsBuiltBy, scansOf } from "../../../../test/support/regexp-work.js";
import { MIGRATION_FILES, mayBeMigration, migrationOf } from "../../src/model/model.js";
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

describe("MIGRATION_FILES, the prefilter of the pack's file rules and extractor", () => {
  const ZERO_CONFIG = {};
  const CONFIGURED = { migrations: { paths: ["db/schema/**"] } };
  const CASES: [kind: "sql" | "script", path: string, settings: Record<string, unknown>, may: boolean][] = [
    ["sql", "db/migrations/0001_init.sql", ZERO_CONFIG, true],
    ["sql", "queries/users.sql", ZERO_CONFIG, false],
    ["sql", "db/schema/0001_init.sql", CONFIGURED, true],
    ["sql", "db/migrations/0001_init.sql", CONFIGURED, false],
    ["script", "migrations/1700000000000_init.ts", ZERO_CONFIG, true],
    // A history kept outside the default folders is told by its versioned names, unless paths are configured.
    ["script", "packages/schemas/alterations/1.0.0-1674032095-x.ts", ZERO_CONFIG, true],
    ["script", "packages/schemas/alterations/1.0.0-1674032095-x.ts", CONFIGURED, false],
    ["script", "src/lib/Foo.ts", ZERO_CONFIG, false],
    ["script", "apps/web/pages/api/v1/users.ts", ZERO_CONFIG, false],
    ["script", "db/schema/20240101_add.ts", CONFIGURED, true],
  ];

  it("says a file may be a migration exactly where migrationOf gets past its path questions", () => {
    // A knex migration: a versioned name in a migration folder makes it one, whatever else holds it.
    const text = 'exports.up = (knex) => knex.raw("ALTER TABLE users ADD COLUMN age int");\nexports.down = () => {};\n';
    for (const [kind, path, settings, may] of CASES) {
      expect(mayBeMigration(kind, path, settings), `${kind} ${path}`).toBe(may);
      expect(MIGRATION_FILES[kind]?.("", undefined, path, settings), `${kind} ${path} (prefilter)`).toBe(may);
      // Asked twice in a row, as the pack's rules ask about one file, the answer stays.
      expect(mayBeMigration(kind, path, settings), `${kind} ${path} (again)`).toBe(may);
      if (may || kind === "sql") continue;
      const memo = new Map<string, unknown>();
      const ctx = {
        file: { path, kind, text },
        settings,
        source: () => {
          throw new Error("parsed");
        },
        memo: <T>(key: string, compute: () => T): T => {
          if (!memo.has(key)) memo.set(key, compute());
          return memo.get(key) as T;
        },
      };
      expect(migrationOf(ctx as never), `${kind} ${path} (model)`).toBeNull();
    }
  });
});
