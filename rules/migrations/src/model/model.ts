// The per-file migration model, computed once and shared by every rule of the pack through
// ctx.memo: which file is a migration, its sections, and the operations of each section.
import {
  type Prefilters,
  type Settings,
  type SourceFileInfo,
  type SourceMap,
  type SqlSource,
  uncheckedDialectOfPath,
} from "@deploylint/core/rule-api";
import { isHistory, startAfterOf } from "./history.js";
import { rollbackStatements } from "./liquibase-rollback.js";
import { configuredFramework, detectMigrationFile } from "./migration-file.js";
import { statementOperations } from "./operations.js";
import { ormConfigDialect } from "./orm/config-dialect.js";
import { buildScriptMigration, versionOf } from "./orm/index.js";
import { isMigrationPath } from "./paths.js";
import { rangeFinder } from "./ranges.js";
import type { Direction, Migration, Operation, Section } from "./types.js";

export const MODEL_KEY = "migrations:model";

/** What the model needs of a rule's or an extractor's context. */
export interface ModelContext {
  readonly file: SourceFileInfo;
  readonly settings: Settings;
  source<K extends keyof SourceMap>(kind: K): SourceMap[K];
  memo<T>(key: string, compute: () => T): T;
  /** Rule contexts parse SQL inside ORM string literals with the real parser; extractors fall back to text. */
  parseEmbedded?: (kind: "sql", text: string, offset: number) => SqlSource | null;
  /** Framework files beside the migration (metadata.toml, atlas.sum); see framework-files.ts. */
  companion?: (path: string) => string | null;
}

/** The `settings.migrations` block of the config, read defensively (settings are user input). */
export interface MigrationSettings {
  paths?: string[];
  framework?: string;
  dialect?: string;
}

export function migrationSettings(settings: Settings): MigrationSettings {
  const raw = settings.migrations;
  if (typeof raw !== "object" || raw === null) return {};
  const block = raw as Record<string, unknown>;
  const paths = Array.isArray(block.paths) ? block.paths.filter((p): p is string => typeof p === "string") : undefined;
  return {
    ...(paths !== undefined ? { paths } : {}),
    ...(typeof block.framework === "string" ? { framework: block.framework } : {}),
    ...(typeof block.dialect === "string" ? { dialect: block.dialect } : {}),
  };
}

/** The operations of Liquibase `--rollback` lines, changeset by changeset. */
function liquibaseDown(text: string, sections: Section[]): Operation[] {
  let index = 0;
  return sections.flatMap((section) =>
    rollbackStatements(text, section.range).flatMap((statement) =>
      statementOperations(statement, { index: 100000 + index++, section: "down" }),
    ),
  );
}

/** Builds the model of a SQL migration file; statements outside every section belong to none. */
export function buildMigration(options: {
  path: string;
  text: string;
  source: SqlSource;
  settings: Settings;
  companion?: (path: string) => string | null;
}): Migration | null {
  const config = migrationSettings(options.settings);
  if (!isMigrationPath(options.path, config.paths)) return null;
  const configured = configuredFramework(config.framework);
  const detected = detectMigrationFile({
    path: options.path,
    text: options.text,
    framework: configured,
    ...(options.companion ? { companion: options.companion } : {}),
  });
  // sqitch verify scripts check a deploy; they change nothing.
  if (detected.framework === "sqitch" && detected.sections.length === 0) return null;
  const byDirection: Record<Direction, Operation[]> = { up: [], down: [] };
  const sectionAt = rangeFinder(detected.sections);
  options.source.statements.forEach((statement, index) => {
    const section = sectionAt(statement.range.start);
    if (section === undefined) return;
    byDirection[section.direction].push(...statementOperations(statement, { index, section: section.direction }));
  });
  const liquibase = detected.framework === "liquibase" && detected.direction === "both";
  if (liquibase) byDirection.down = liquibaseDown(options.text, detected.sections);
  const hasDown = liquibase || detected.sections.some((section) => section.direction === "down");
  const up = detected.sections.find((section) => section.direction === "up");
  return {
    ...detected,
    file: options.path,
    dialect: options.source.dialect,
    transactional: up?.transactional ?? null,
    up: byDirection.up,
    down: hasDown ? byDirection.down : null,
    statements: options.source.statements,
  };
}

/**
 * The migration model of the context's file (null when the file is not a migration), computed once
 * per file: a SQL migration, or an ORM migration script (knex, TypeORM, node-pg-migrate, Sequelize).
 */
export function migrationOf(ctx: ModelContext): Migration | null {
  return ctx.memo(MODEL_KEY, () => {
    if (ctx.file.kind === "script") {
      if (!mayBeMigration("script", ctx.file.path, ctx.settings)) return null;
      const config = migrationSettings(ctx.settings);
      const inMigrationFolder = isMigrationPath(ctx.file.path, config.paths);
      // Migrations of a dialect the pack does not check (configured, or by folder) are left alone.
      if (uncheckedDialectOfPath(ctx.file.path, config.dialect) !== null) return null;

      return buildScriptMigration({
        path: ctx.file.path,
        text: ctx.file.text,
        settings: config,
        program: () => ctx.source("script").program,
        inMigrationFolder,
        // Unless the settings name it, the ORM's own configuration names the database.
        configDialect: () => ormConfigDialect(ctx.file.text, ctx.companion ?? (() => null)),
        parseSql: (text, offset) => ctx.parseEmbedded?.("sql", text, offset) ?? null,
      });
    }
    if (ctx.file.kind !== "sql") return null;
    // Asked before the parse: a SQL file outside every migration folder (sqlc queries, seeds, a
    // schema dump) is never a migration, and parsing it for nothing cost hatchet's run 42 files.
    if (!mayBeMigration("sql", ctx.file.path, ctx.settings)) return null;
    const source = ctx.source("sql");
    // Written for ClickHouse or another dialect no parser reads: the engine notes it under --debug.
    if (source.unchecked !== undefined) return null;
    return buildMigration({
      path: ctx.file.path,
      text: ctx.file.text,
      source,
      settings: ctx.settings,
      ...(ctx.companion ? { companion: ctx.companion } : {}),
    });
  });
}

/**
 * Whether a file may be a migration, from its path and the settings alone: the questions
 * migrationOf asks first. A SQL file must be in a migration folder (configured, or a default one).
 * A script may also be kept elsewhere (logto's alterations/), told by its shape, but only by a
 * versioned name (see buildScriptMigration), and only while no paths are configured.
 */
export function mayBeMigration(kind: "sql" | "script", path: string, settings: Settings): boolean {
  // Every file rule of the pack asks, one after the other, about the same file (MIGRATION_FILES).
  if (path === lastAsked.path && kind === lastAsked.kind && settings === lastAsked.settings) return lastAsked.answer;
  const config = migrationSettings(settings);
  const inMigrationFolder = isMigrationPath(path, config.paths);
  const answer =
    inMigrationFolder ||
    (kind === "script" &&
      (config.paths?.length ?? 0) === 0 &&
      versionOf(path.slice(path.lastIndexOf("/") + 1)) !== null);
  lastAsked = { kind, path, settings, answer };
  return answer;
}
let lastAsked: { kind: string; path: string; settings: Settings | null; answer: boolean } = {
  kind: "",
  path: "",
  settings: null,
  answer: false,
};

/**
 * The prefilter of the pack's file rules and its extractor, whose work all starts at migrationOf:
 * a file that cannot be a migration is never given to them (an application's scripts, most of its
 * files, each cost two dozen rule contexts and visits for nothing).
 */
export const MIGRATION_FILES: Prefilters<unknown> = {
  sql: (_text, _options, path, settings) => mayBeMigration("sql", path, settings),
  script: (_text, _options, path, settings) => mayBeMigration("script", path, settings),
};

/**
 * The migration a per-file rule judges: the file's model, or null when it is not a migration or is
 * history under settings.migrations.startAfter (extractors still read history, through migrationOf,
 * so the change-set rules see an edited old migration).
 */
export function migrationToCheck(ctx: ModelContext): Migration | null {
  const migration = migrationOf(ctx);
  if (migration === null) return null;
  return isHistory(migration.version, startAfterOf(ctx.settings)) ? null : migration;
}
