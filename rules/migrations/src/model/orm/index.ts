// ORM migrations written in TypeScript or JavaScript (knex, TypeORM, node-pg-migrate, Sequelize),
// mapped into the same Migration model as SQL files so that every rule of the pack applies.
import type { SqlDialect, TSESTree } from "@deploylint/core/rule-api";
import { configuredFramework } from "../migration-file.js";
import type { Direction, Framework, Migration, Operation, Section } from "../types.js";
import type { EmbeddedSqlParser } from "./embedded-sql.js";
import { SectionOps } from "./emit.js";
import { firstParam } from "./estree.js";
import { findMigrationFunctions } from "./functions.js";
import { knexOperations } from "./knex.js";
import { pgmOperations } from "./node-pg-migrate.js";
import { sequelizeOperations } from "./sequelize.js";
import { typeormOperations } from "./typeorm.js";

export { DYNAMIC } from "./emit.js";

export type OrmFramework = Extract<Framework, "knex" | "typeorm" | "node-pg-migrate" | "sequelize">;
const ORM_FRAMEWORKS: readonly Framework[] = ["knex", "typeorm", "node-pg-migrate", "sequelize"];

/** A cheap look at the text before parsing: does it mention an ORM's migration builder? */
const PREFILTER = /\b(?:knex|Knex|queryRunner|QueryRunner|pgm|MigrationBuilder|queryInterface|QueryInterface)\b/;
const VERSIONED = /^(\d+)[-_](.+)\.[cm]?[jt]sx?$/i;

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
}): { operations: Operation[]; noTransaction: boolean; reversible: boolean } {
  const ops = new SectionOps(options.direction, options.counter, options.parseSql);
  let noTransaction = false;
  let reversible = false;
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
      sequelizeOperations(ops, options.fn);
      break;
  }
  return { operations: ops.operations, noTransaction, reversible };
}

function dialectOf(settings: { dialect?: string }, framework: OrmFramework): SqlDialect {
  const configured = settings.dialect;
  if (configured === "mysql" || configured === "mariadb" || configured === "sqlite" || configured === "postgresql") {
    return framework === "node-pg-migrate" ? "postgresql" : configured;
  }
  return "postgresql";
}

/** Builds the model of an ORM migration script; null when the file is not one (or cannot be read as one). */
export function buildScriptMigration(options: {
  path: string;
  text: string;
  settings: { dialect?: string; framework?: string };
  program: () => TSESTree.Program;
  /** The real SQL parser for literals (null: fall back to the text reader). */
  parseSql?: EmbeddedSqlParser;
}): Migration | null {
  if (!PREFILTER.test(options.text) || !/\b(?:up|down)\b/.test(options.text)) return null;
  const functions = findMigrationFunctions(options.program());
  if (functions.up === null) return null;
  const configured = configuredFramework(options.settings.framework);
  const framework =
    configured !== null && ORM_FRAMEWORKS.includes(configured)
      ? (configured as OrmFramework)
      : detectFramework({ param: firstParam(functions.up), text: options.text, className: functions.className });
  if (framework === null) return null;
  const counter = { next: 0 };
  const parseSql = options.parseSql ?? null;
  const up = sectionOperations({ framework, fn: functions.up, direction: "up", counter, parseSql });
  const downFn = functions.down === false ? null : functions.down;
  const down =
    downFn === null ? null : sectionOperations({ framework, fn: downFn, direction: "down", counter, parseSql });
  // knex and TypeORM wrap each migration in a transaction unless it opts out; node-pg-migrate
  // unless the up calls pgm.noTransaction(); Sequelize never does.
  const transactional =
    framework === "sequelize" ? false : framework === "node-pg-migrate" ? !up.noTransaction : !functions.transactionOff;
  const sections: Section[] = [
    { direction: "up", range: { start: functions.up.range[0], end: functions.up.range[1] }, transactional },
  ];
  if (downFn !== null) {
    sections.push({ direction: "down", range: { start: downFn.range[0], end: downFn.range[1] }, transactional });
  }
  const basename = options.path.slice(options.path.lastIndexOf("/") + 1);
  const versioned = VERSIONED.exec(basename);
  const downNotRequired =
    functions.down === false || (framework === "node-pg-migrate" && down === null && up.reversible);
  return {
    framework,
    version: versioned?.[1] ?? null,
    name: versioned?.[2] ?? basename.replace(/\.[cm]?[jt]sx?$/i, ""),
    direction: down === null ? "up" : "both",
    sections,
    ...(downNotRequired ? { downNotRequired: true } : {}),
    file: options.path,
    dialect: dialectOf(options.settings, framework),
    transactional,
    up: up.operations,
    down: down === null ? null : down.operations,
    statements: [],
  };
}
