// ORM migrations written in TypeScript or JavaScript (knex, TypeORM, node-pg-migrate, Sequelize,
// and up/down functions running tagged SQL), mapped into the same Migration model as SQL files so
// that every rule of the pack applies.
import type { SqlDialect, TSESTree } from "@deploylint/core/rule-api";
import { checkedDialect, folderDialect } from "../dialects.js";
import { configuredFramework } from "../migration-file.js";
import type { Direction, Framework, Migration, Operation, Section } from "../types.js";
import { withoutComments } from "./config-dialect.js";
import type { EmbeddedSqlParser } from "./embedded-sql.js";
import { SectionOps } from "./emit.js";
import { firstParam } from "./estree.js";
import { findMigrationFunctions } from "./functions.js";
import { knexOperations } from "./knex.js";
import { pgmOperations } from "./node-pg-migrate.js";
import { sequelizeOperations } from "./sequelize.js";
import { taggedSqlOperations } from "./tagged-sql.js";
import { typeormOperations } from "./typeorm.js";

export { DYNAMIC } from "./emit.js";

export type OrmFramework = Extract<Framework, "knex" | "typeorm" | "node-pg-migrate" | "sequelize" | "tagged-sql">;
// The script frameworks a configured `framework` forces, whatever ORM the file mentions.
const ORM_FRAMEWORKS: readonly Framework[] = ["knex", "typeorm", "node-pg-migrate", "sequelize", "tagged-sql"];

/** A cheap look at the text before parsing: does it mention an ORM's migration builder? */
const PREFILTER = /\b(?:knex|Knex|queryRunner|QueryRunner|pgm|MigrationBuilder|queryInterface|QueryInterface)\b/;
/** A SQL tag in the text: `sql\`…\``, `Prisma.sql\`…\``, `sql.unsafe\`…\``, or a connection used as the tag. */
const TAGGED_PREFILTER = /\w\s*`/;
const VERSIONED = /^(\d+)[-_](.+)\.[cm]?[jt]sx?$/i;
// logto's `<release>-<timestamp>-<name>.ts` (`1.0.0_rc.0-1674032095.1-x.ts`, `next-1785393731-x.ts`):
// the runner orders by the timestamp.
const RELEASE_VERSIONED = /^(?:\d[\w.]*|next)-(\d+(?:\.\d+)?)-(.+)\.[cm]?[jt]sx?$/i;

function detectFramework(options: {
  param: string | null;
  text: string;
  className: string | null;
}): OrmFramework | null {
  const { param, text } = options;
  if (param === "queryRunner" || options.className !== null || /\bQueryRunner\b|\bMigrationInterface\b/.test(text)) {
    return "typeorm";
  }
  if (param === "pgm" || /\bMigrationBuilder\b|node-pg-migrate/.test(text)) return "node-pg-migrate";
  if (param === "queryInterface" || /\bQueryInterface\b/.test(text)) return "sequelize";
  if (param === "knex" || /\bKnex\b/.test(text)) return "knex";
  return null;
}

function sectionOperations(options: {
  framework: OrmFramework;
  fn: TSESTree.FunctionLike;
  direction: Direction;
  counter: { next: number };
  parseSql: EmbeddedSqlParser | null;
  source: string;
  /** The migration's database: what it names an unnamed constraint depends on it. */
  dialect: SqlDialect;
}): { operations: Operation[]; noTransaction: boolean; reversible: boolean; sqlRead: number } {
  const ops = new SectionOps(options.direction, options.counter, options.parseSql, options.source);
  let noTransaction = false;
  let reversible = false;
  let sqlRead = 0;
  switch (options.framework) {
    case "knex":
      knexOperations(ops, options.fn);
      break;
    case "typeorm":
      typeormOperations(ops, options.fn);
      break;
    case "node-pg-migrate":
      ({ noTransaction, reversible } = pgmOperations(ops, options.fn));
      break;
    case "sequelize":
      sequelizeOperations(ops, options.fn, options.dialect);
      break;
    case "tagged-sql":
      sqlRead = taggedSqlOperations(ops, options.fn);
      break;
  }
  return { operations: ops.operations, noTransaction, reversible, sqlRead };
}

function dialectOf(settings: { dialect?: string }, framework: OrmFramework, named: SqlDialect | null): SqlDialect {
  if (framework === "node-pg-migrate") return "postgresql";
  return checkedDialect(settings.dialect) ?? named ?? "postgresql";
}

/** The file name's version and name: `20260101_x.js`, or logto's `1.2.0-1700000000-x.ts`. */
export function versionOf(basename: string): { version: string; name: string } | null {
  const versioned = VERSIONED.exec(basename) ?? RELEASE_VERSIONED.exec(basename);
  return versioned === null ? null : { version: versioned[1] ?? "", name: versioned[2] ?? "" };
}

/**
 * A function whose body has no statement, only a comment saying why (`down: async () => { // data
 * fix, nothing to undo }`); a TODO is a down still to write, not a decision.
 */
function onlyComments(fn: TSESTree.FunctionLike, text: string): boolean {
  const body = fn.body;
  if (body?.type !== "BlockStatement" || body.body.length > 0) return false;
  const inside = text.slice(body.range[0], body.range[1]);
  return /\/\/|\/\*/.test(inside) && !/\b(?:TODO|FIXME|XXX)\b/i.test(inside);
}

/** Builds the model of an ORM migration script; null when the file is not one (or cannot be read as one). */
export function buildScriptMigration(options: {
  path: string;
  text: string;
  settings: { dialect?: string; framework?: string };
  program: () => TSESTree.Program;
  /** The real SQL parser for literals (null: fall back to the text reader). */
  parseSql?: EmbeddedSqlParser;
  /**
   * Whether the file is under a migrations folder (default true). Outside one, only a versioned
   * script whose up and down run tagged SQL is a migration: a history kept under another name
   * (logto's alterations/), told from ordinary code that runs sql`…` by its shape.
   */
  inMigrationFolder?: boolean;
  /** The dialect the ORM's configuration names (knexfile, DataSource, Sequelize config), read when needed. */
  configDialect?: () => string | null;
}): Migration | null {
  const inMigrationFolder = options.inMigrationFolder !== false;
  // The cheapest test first: outside a migration folder, most scripts fail on their name alone,
  // and the text scans below (over every script of an application) are not made for them.
  const basename = options.path.slice(options.path.lastIndexOf("/") + 1);
  const versioned = versionOf(basename);
  if (!inMigrationFolder && versioned === null) return null;
  if (!/\b(?:up|down)\b/.test(options.text)) return null;
  // Only read in a migration folder: outside one, the ORM a script mentions decides nothing.
  const ormMention = inMigrationFolder && PREFILTER.test(options.text);
  if (!ormMention && !TAGGED_PREFILTER.test(options.text)) return null;
  // Outside a migration folder only tagged SQL with both an up and a down qualifies (below): a
  // versioned script naming no `down` (cypress's `01-login.cy.ts`) is not parsed to find that out.
  if (!inMigrationFolder && !(/\bup\b/.test(options.text) && /\bdown\b/.test(options.text))) return null;
  const functions = findMigrationFunctions(options.program());
  if (functions.up === null) return null;
  const configured = configuredFramework(options.settings.framework);
  const detected =
    configured !== null && ORM_FRAMEWORKS.includes(configured)
      ? (configured as OrmFramework)
      : ormMention
        ? // A comment that mentions another ORM ("ported from knex") does not make the file one of its.
          detectFramework({
            param: firstParam(functions.up),
            text: withoutComments(options.text),
            className: functions.className,
          })
        : null;
  // Tagged SQL is a migration only with both directions written as functions.
  const framework: OrmFramework | null =
    detected !== null && inMigrationFolder ? detected : functions.down ? "tagged-sql" : null;
  if (framework === null) return null;
  // The settings name the dialect, else the ORM's configuration, else the folders (migrations/mysql/);
  // a database the pack does not parse (mssql, oracle) is left alone.
  const fromConfig = checkedDialect(options.settings.dialect) === null ? (options.configDialect?.() ?? null) : null;
  if (fromConfig !== null && checkedDialect(fromConfig) === null) return null;
  const named = checkedDialect(fromConfig) ?? folderDialect(options.path);
  const dialect = dialectOf(options.settings, framework, named);
  const counter = { next: 0 };
  const parseSql = options.parseSql ?? null;
  const source = options.text;
  const section = (fn: TSESTree.FunctionLike | null, direction: Direction) =>
    fn === null ? null : sectionOperations({ framework, fn, direction, counter, parseSql, source, dialect });
  // logto's beforeUp/beforeDown run first, outside the transaction of the up or down.
  const beforeUp = framework === "tagged-sql" ? section(functions.beforeUp, "up") : null;
  const up = sectionOperations({ framework, fn: functions.up, direction: "up", counter, parseSql, source, dialect });
  // An empty down that holds only a comment ("nothing to undo: data fix") says so on purpose.
  const saysIrreversible =
    functions.down !== false && functions.down !== null && onlyComments(functions.down, options.text);
  const downFn = functions.down === false || saysIrreversible ? null : functions.down;
  const beforeDown = framework === "tagged-sql" ? section(functions.beforeDown, "down") : null;
  const down = section(downFn, "down");
  if (framework === "tagged-sql") {
    const read = [beforeUp, up, beforeDown, down].reduce((sum, s) => sum + (s?.sqlRead ?? 0), 0);
    if (read === 0) return null;
  }
  // knex and TypeORM wrap each migration in a transaction unless it opts out; node-pg-migrate
  // unless the up calls pgm.noTransaction(); Sequelize never does; a tagged-SQL runner is unknown.
  const transactional =
    framework === "tagged-sql"
      ? null
      : framework === "sequelize"
        ? false
        : framework === "node-pg-migrate"
          ? !up.noTransaction
          : !functions.transactionOff;
  const sections: Section[] = [];
  const addSection = (fn: TSESTree.FunctionLike | null, direction: Direction, wrapped: boolean | null) => {
    if (fn !== null)
      sections.push({ direction, range: { start: fn.range[0], end: fn.range[1] }, transactional: wrapped });
  };
  if (beforeUp !== null) addSection(functions.beforeUp, "up", false);
  addSection(functions.up, "up", transactional);
  if (beforeDown !== null) addSection(functions.beforeDown, "down", false);
  addSection(downFn, "down", transactional);
  const downNotRequired =
    functions.down === false ||
    (saysIrreversible && beforeDown === null) ||
    (framework === "node-pg-migrate" && down === null && up.reversible);
  const upOperations = [...(beforeUp?.operations ?? []), ...up.operations];
  const downOperations =
    down === null && beforeDown === null ? null : [...(beforeDown?.operations ?? []), ...(down?.operations ?? [])];
  return {
    framework,
    version: versioned?.version ?? null,
    name: versioned?.name ?? basename.replace(/\.[cm]?[jt]sx?$/i, ""),
    direction: downOperations === null ? "up" : "both",
    sections,
    ...(downNotRequired ? { downNotRequired: true } : {}),
    file: options.path,
    dialect,
    transactional,
    up: upOperations,
    down: downOperations,
    statements: [],
  };
}
