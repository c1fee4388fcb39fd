// Issue 17: a file that cannot be a migration is not handed to the pack's per-file rules and its
// extractor (MIGRATION_FILES). Each of them would create its visitors and find no migration, and
// an application holds hundreds of scripts for a few dozen migrations. These tests count create()
// calls through the engine, and check the prefilter never holds back a migration.
import { type Pack, type ResolvedConfig, runLint } from "@deploylint/core";
import type { Extractor, FileRule, Settings } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import pack from "../../src/index.js";
import { MIGRATION_FILES, mayBeMigration, migrationOf } from "../../src/model/model.js";

const fileRules = pack.rules.filter((rule): rule is FileRule => !("scope" in rule && rule.scope === "project"));

/** The pack with every per-file rule's and the extractor's create() counted (and answering no visitors). */
function countingPack(created: string[]): Pack {
  const counted = <T extends FileRule | Extractor>(item: T): T => ({
    ...item,
    create: () => {
      created.push(item.id);
      return null;
    },
  });
  return {
    ...pack,
    rules: pack.rules.map((rule) => (fileRules.includes(rule as FileRule) ? counted(rule as FileRule) : rule)),
    extractors: (pack.extractors ?? []).map(counted),
  };
}

/** How many of the pack's rules and extractors were created for the one file linted. */
async function createdFor(path: string, text: string, settings: Settings = {}): Promise<number> {
  const created: string[] = [];
  const counting = countingPack(created);
  const rules: ResolvedConfig["rules"] = {};
  for (const rule of counting.rules) rules[`migrations/${rule.id}`] = { severity: "error", options: undefined };
  await runLint({
    config: {
      configFile: null,
      packs: [{ pack: counting, specifier: null }],
      rules,
      overrides: [],
      settings,
      ignores: [],
      maxFileSize: 1 << 20,
    },
    files: [{ path, absolutePath: `/virtual/${path}`, text }],
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return created.length;
}

const KNEX = "exports.up = (knex) => knex.schema.dropTable('users');\nexports.down = () => {};\n";
const SQL = "DROP TABLE users;\n";

describe("MIGRATION_FILES", () => {
  it("is the prefilter of every per-file rule of the pack and of its extractor", () => {
    expect(fileRules.length).toBeGreaterThan(20);
    for (const rule of fileRules) expect(rule.meta.prefilter, rule.id).toBe(MIGRATION_FILES);
    for (const extractor of pack.extractors ?? []) expect(extractor.prefilter, extractor.id).toBe(MIGRATION_FILES);
  });

  it("hands an application's script outside the migration folders to no rule of the pack", async () => {
    expect(await createdFor("src/lib/api/links.ts", KNEX)).toBe(0);
    expect(await createdFor("apps/web/components/Button.tsx", "export const Button = () => null;\n")).toBe(0);
    expect(await createdFor("sql/queries/tenants.sql", SQL)).toBe(0);
  });

  it("still hands over a migration: in a migration folder, or a versioned script elsewhere", async () => {
    const all = fileRules.filter((rule) => rule.meta.kinds.includes("script")).length + 1;
    expect(await createdFor("db/migrations/20240101_drop_users.js", KNEX)).toBe(all);
    expect(await createdFor("packages/schemas/alterations/1.0.0-1674032095-drop-users.ts", KNEX)).toBe(all);
    expect(await createdFor("prisma/migrations/20240101_x/migration.sql", SQL)).toBe(fileRules.length + 1);
  });

  it("follows settings.migrations.paths: only the configured folders, and no versioned script elsewhere", async () => {
    const settings = { migrations: { paths: ["sql/schema"] } };
    expect(await createdFor("sql/schema/0001_x.sql", SQL, settings)).toBe(fileRules.length + 1);
    expect(await createdFor("sql/schema/0002_x.ts", KNEX, settings)).toBeGreaterThan(0);
    expect(await createdFor("db/migrations/0001_x.sql", SQL, settings)).toBe(0);
    expect(await createdFor("packages/schemas/alterations/1.0.0-1674032095-drop-users.ts", KNEX, settings)).toBe(0);
  });

  it("says no only where migrationOf finds no migration, without a parse", () => {
    const paths = [
      "src/lib/api/links.ts",
      "db/migrations/20240101_drop_users.js",
      "db/migrations/20240101_drop_users.up.sql",
      "packages/schemas/alterations/1.0.0-1674032095-drop-users.ts",
      "scripts/20240101_drop_users.js",
      "sql/queries/20240101_tenants.sql",
      "sql/schema/0001_x.sql",
      "sql/schema/0002_x.ts",
    ];
    const settingsList: Settings[] = [{}, { migrations: { paths: ["sql/schema"] } }, { migrations: { paths: [] } }];
    for (const settings of settingsList) {
      for (const path of paths) {
        const kind = path.endsWith(".sql") ? "sql" : "script";
        if (mayBeMigration(kind, path, settings)) continue;
        const ctx = {
          file: { path, kind, text: kind === "sql" ? SQL : KNEX },
          settings,
          source: () => {
            throw new Error(`${path} was parsed`);
          },
          memo: <T>(_key: string, compute: () => T) => compute(),
        };
        expect(migrationOf(ctx as never), `${path} ${JSON.stringify(settings)}`).toBeNull();
      }
    }
  });
});
