// Issue 17: the pack asks for a file's tree only when the file can be a migration. The engine parses
// a file when a rule or extractor asks for it (ctx.source) or subscribes to its tree (an sql()
// visitor), so these tests count those asks on contexts whose parse is a spy.
import { loadPostgresParser, parseScript, parseSql } from "@deploylint/core/sources";
import { beforeAll, describe, expect, it } from "vitest";
import { scansOf } from "../../../../test/support/regexp-work.js";
import { parseError } from "../../src/index.js";
import { migrationOf } from "../../src/model/model.js";
import { buildScriptMigration } from "../../src/model/orm/index.js";

type Kind = "sql" | "script";

/** A rule or extractor context over one file whose parse counts how often it is asked for. */
function contextOf(path: string, kind: Kind, text: string, settings: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const memo = new Map<string, unknown>();
  const reports: unknown[] = [];
  const ctx = {
    id: "migrations/parse-error",
    file: { path, kind, text, lines: { positionAt: () => ({ line: 1, column: 1 }) } },
    options: undefined,
    settings,
    // biome-ignore lint/suspicious/noExplicitAny: the spy stands in for every kind of the engine's source()
    source(wanted: string): any {
      asked.push(wanted);
      if (wanted === "sql") return parseSql(text, "postgresql");
      const parsed = parseScript(text, path);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.source;
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    parseEmbedded: () => null,
    companion: () => null,
    report(descriptor: unknown) {
      reports.push(descriptor);
    },
  };
  return { ctx, asked, reports };
}

beforeAll(async () => {
  await loadPostgresParser();
});

describe("SQL files are parsed only where a migration can be", () => {
  it("leaves a SQL file outside every migration folder unparsed", () => {
    const { ctx, asked } = contextOf("sql/queries/tenants.sql", "sql", "SELECT * FROM tenants;");
    expect(migrationOf(ctx as never)).toBeNull();
    expect(asked).toEqual([]);
  });

  it("parses a SQL file in a migration folder, once however many rules ask", () => {
    const { ctx, asked } = contextOf("db/migrations/0001_x.up.sql", "sql", "CREATE TABLE t (id bigint);");
    expect(migrationOf(ctx as never)?.up.map((op) => op.type)).toEqual(["create_table"]);
    expect(migrationOf(ctx as never)).not.toBeNull();
    expect(asked).toEqual(["sql"]);
  });

  it("follows settings.migrations.paths: a configured folder is parsed, the default ones are not", () => {
    const settings = { migrations: { paths: ["sql/schema"] } };
    const configured = contextOf("sql/schema/0001_x.sql", "sql", "CREATE TABLE t (id bigint);", settings);
    expect(migrationOf(configured.ctx as never)).not.toBeNull();
    expect(configured.asked).toEqual(["sql"]);
    const conventional = contextOf("db/migrations/0001_x.sql", "sql", "CREATE TABLE t (id bigint);", settings);
    expect(migrationOf(conventional.ctx as never)).toBeNull();
    expect(conventional.asked).toEqual([]);
  });

  it("parse-error subscribes to no tree: outside the migration folders it never parses", () => {
    const rule = parseError;
    const outside = contextOf("reports/broken.sql", "sql", "SELEKT 1;");
    const visitors = rule.create(outside.ctx as never) as Record<string, unknown>;
    expect(Object.keys(visitors)).toEqual(["file"]);
    (visitors.file as () => void)();
    expect(outside.asked).toEqual([]);
    expect(outside.reports).toEqual([]);

    const inside = contextOf("db/migrations/0002_x.up.sql", "sql", "SELEKT 1;");
    ((rule.create(inside.ctx as never) as Record<string, unknown>).file as () => void)();
    // The engine parses once per file however often it is asked.
    expect(new Set(inside.asked)).toEqual(new Set(["sql"]));
    expect(inside.reports).toHaveLength(1);
  });
});

describe("scripts outside migration folders are parsed only when they name both an up and a down", () => {
  const build = (path: string, text: string) => {
    let parses = 0;
    const migration = buildScriptMigration({
      path,
      text,
      settings: {},
      inMigrationFolder: false,
      program: () => {
        parses++;
        const parsed = parseScript(text, path);
        if (!parsed.ok) throw new Error(parsed.error.message);
        return parsed.source.program;
      },
    });
    return { migration, parses };
  };

  it("skips a versioned test script that names no down", () => {
    // A tagged template and the word `up`: the cheap tests before this change let it through.
    const text = "it('signs up', () => { cy.get(css`[name=email]`).type('a'); });\n";
    expect(build("e2e/01-login.cy.ts", text)).toEqual({ migration: null, parses: 0 });
  });

  it("reads no script text outside a migration folder when the name carries no version", () => {
    // Every script of an application comes here; its name alone rules it out, so the scans of its
    // text for an ORM's name or an up/down are not made (they were a tenth of logto's model time).
    const text = "export const up = (knex) => knex.raw(sql`select 1`);\nexport const down = up;\n";
    const scans = scansOf(text, () => expect(build("src/db/helpers.ts", text)).toEqual({ migration: null, parses: 0 }));
    expect(scans).toBe(0);
  });

  it("still reads a tagged-SQL history kept under another name (logto's alterations)", () => {
    const text = [
      "const alteration = {",
      "  up: async (pool) => { await pool.query(sql`alter table users add column x text`); },",
      "  down: async (pool) => { await pool.query(sql`alter table users drop column x`); },",
      "};",
      "export default alteration;",
    ].join("\n");
    const { migration, parses } = build("alterations/1.2.0-1700000000-x.ts", text);
    expect(parses).toBe(1);
    expect(migration?.framework).toBe("tagged-sql");
  });
});
