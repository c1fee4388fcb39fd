// The per-file migration model, computed once and shared by every rule of the pack through
// ctx.memo: which file is a migration, its sections, and the operations of each section.
import type { Settings, SourceFileInfo, SourceMap, SqlSource } from "@deploylint/core/rule-api";
import { configuredFramework, detectMigrationFile } from "./migration-file.js";
import { statementOperations } from "./operations.js";
import { isMigrationPath } from "./paths.js";
import type { Direction, Migration, Operation, Section } from "./types.js";

export const MODEL_KEY = "migrations:model";

/** What the model needs of a rule's or an extractor's context. */
export interface ModelContext {
  readonly file: SourceFileInfo;
  readonly settings: Settings;
  source<K extends keyof SourceMap>(kind: K): SourceMap[K];
  memo<T>(key: string, compute: () => T): T;
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

function sectionAt(sections: Section[], offset: number): Section | undefined {
  return sections.find((section) => offset >= section.range.start && offset < section.range.end);
}

/** Builds the model of a SQL migration file; statements outside every section belong to none. */
export function buildMigration(options: {
  path: string;
  text: string;
  source: SqlSource;
  settings: Settings;
}): Migration | null {
  const config = migrationSettings(options.settings);
  if (!isMigrationPath(options.path, config.paths)) return null;
  const detected = detectMigrationFile({ path: options.path, text: options.text });
  const framework =
    detected.framework === "plain" ? (configuredFramework(config.framework) ?? "plain") : detected.framework;
  const byDirection: Record<Direction, Operation[]> = { up: [], down: [] };
  options.source.statements.forEach((statement, index) => {
    const section = sectionAt(detected.sections, statement.range.start);
    if (section === undefined) return;
    byDirection[section.direction].push(...statementOperations(statement, { index, section: section.direction }));
  });
  const hasDown = detected.sections.some((section) => section.direction === "down");
  const up = detected.sections.find((section) => section.direction === "up");
  return {
    ...detected,
    framework,
    file: options.path,
    dialect: options.source.dialect,
    transactional: up?.transactional ?? null,
    up: byDirection.up,
    down: hasDown ? byDirection.down : null,
    statements: options.source.statements,
  };
}

/** The migration model of the context's file (null when the file is not a migration), computed once per file. */
export function migrationOf(ctx: ModelContext): Migration | null {
  return ctx.memo(MODEL_KEY, () => {
    if (ctx.file.kind !== "sql") return null;
    return buildMigration({
      path: ctx.file.path,
      text: ctx.file.text,
      source: ctx.source("sql"),
      settings: ctx.settings,
    });
  });
}

/** Tables the up section creates before the operation at `index` (their changes are safe: the table is empty). */
export function tablesCreatedBefore(operations: Operation[], index: number): Set<string> {
  const created = new Set<string>();
  for (const operation of operations.slice(0, index)) {
    if (operation.type === "create_table") created.add(operation.table);
  }
  return created;
}
