// Finds the SQL migrations of a repository (the configured paths, else the conventional folders),
// reads them into the pack's model, and pairs each up with its down, in the order tools apply them.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { SqlDialect } from "@deploylint/core/rule-api";
import { createLineIndex, readSqlFile } from "@deploylint/core/sources";
import {
  buildMigration,
  byVersion,
  frameworkDialect,
  isMigrationPath,
  type Migration,
  migrationFact,
  sendsAsOneQuery,
} from "@deploylint/rules-migrations/model";
import type { RunnableMigration, RunnableSection } from "./types.js";

export interface MigrationSettings {
  paths?: string[];
  dialect?: string;
  framework?: string;
}

const SKIP_FOLDERS = new Set(["node_modules", ".git", "dist", "build", "vendor"]);

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_FOLDERS.has(entry.name)) walk(join(dir, entry.name), root, out);
    } else if (entry.isFile()) {
      out.push(relative(root, join(dir, entry.name)).split(sep).join("/"));
    }
  }
}

interface Loaded {
  migration: Migration;
  text: string;
  key: string;
  root: string;
}

function section(options: { loaded: Loaded; direction: "up" | "down"; dialect: SqlDialect }): RunnableSection {
  const { loaded, direction } = options;
  const { migration, text } = loaded;
  const lines = createLineIndex(text);
  const ranges = migration.sections.filter((s) => s.direction === direction);
  const statements = migration.statements
    .filter((st) => ranges.some((r) => st.range.start >= r.range.start && st.range.start < r.range.end))
    .map((st) => {
      const start = lines.positionAt(st.range.start);
      const end = lines.positionAt(st.range.end);
      return {
        text: st.text,
        file: migration.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        kind: st.kind,
      };
    });
  const wrapped = ranges.some((r) => r.transactional === true);
  // golang-migrate and Prisma send the file as one query, which PostgreSQL runs as one transaction.
  const oneQuery = options.dialect === "postgresql" && sendsAsOneQuery(migration.framework) && statements.length > 1;
  return { file: migration.file, statements, transactional: wrapped || oneQuery };
}

/** Reads the framework files beside a migration (diesel's metadata.toml, Prisma's lock file). */
function companionReader(cwd: string, file: string): (path: string) => string | null {
  return (path) => {
    try {
      return readFileSync(path.startsWith("/") ? join(cwd, path) : join(cwd, dirname(file), path), "utf8");
    } catch {
      return null;
    }
  };
}

/** What discovery looked at, for the message when it finds nothing to run. */
export interface DiscoverySearch {
  /** The configured settings.migrations.paths, or null for the conventional folders. */
  paths: string[] | null;
  /** .sql files in those places. */
  sqlFiles: number;
  /** Other files in those places (ORM migrations in code: verify runs SQL only). */
  otherFiles: string[];
}

const isSql = (path: string) => path.toLowerCase().endsWith(".sql");

/** The SQL migrations under `cwd`, up and down paired, in apply order. */
export function discoverMigrations(options: { cwd: string; settings: MigrationSettings; dialect?: SqlDialect }): {
  migrations: RunnableMigration[];
  dialect: SqlDialect;
  files: number;
  searched: DiscoverySearch;
} {
  const paths: string[] = [];
  walk(options.cwd, options.cwd, paths);
  const inScope = paths.filter((path) => isMigrationPath(path, options.settings.paths)).sort();
  const candidates = inScope.filter(isSql);
  const configured = options.settings.paths;
  const searched: DiscoverySearch = {
    paths: configured !== undefined && configured.length > 0 ? configured : null,
    sqlFiles: candidates.length,
    otherFiles: inScope.filter((path) => !isSql(path)),
  };
  const loaded: Loaded[] = [];
  let dialect: SqlDialect | null = options.dialect ?? null;
  for (const path of candidates) {
    const text = readFileSync(join(options.cwd, path), "utf8");
    const companion = companionReader(options.cwd, path);
    const hinted = options.settings.dialect
      ? null
      : frameworkDialect({ path, text, settings: { migrations: options.settings }, companion });
    const configured = options.dialect ?? options.settings.dialect ?? hinted ?? undefined;
    const source = readSqlFile({ path, text, ...(configured !== undefined ? { configured } : {}) });
    // ClickHouse and other dialects the lint leaves alone: no engine here could run them either.
    if (source.unchecked !== undefined) continue;
    const fileDialect = source.dialect;
    dialect ??= fileDialect;
    const migrationSettings = { migrations: { ...options.settings, dialect: fileDialect } };
    const migration = buildMigration({ path, text, source, settings: migrationSettings, companion });
    if (migration === null) continue;
    const fact = migrationFact(migration, createLineIndex(text));
    loaded.push({ migration, text, key: fact.key, root: fact.root });
  }
  const resolved = dialect ?? "postgresql";
  const groups = new Map<string, { up: Loaded | null; down: Loaded | null; key: string; version: string | null }>();
  for (const item of loaded) {
    const group = groups.get(item.key) ?? { up: null, down: null, key: item.key, version: item.migration.version };
    if (item.migration.direction !== "down" && group.up === null) group.up = item;
    if (item.migration.direction !== "up" && group.down === null) group.down = item;
    groups.set(item.key, group);
  }
  const migrations: RunnableMigration[] = [];
  for (const group of [...groups.values()].sort(byVersion)) {
    if (group.up === null) continue;
    const up = group.up.migration;
    const liquibase = up.framework === "liquibase";
    const down =
      group.down === null || liquibase ? null : section({ loaded: group.down, direction: "down", dialect: resolved });
    migrations.push({
      id: up.version === null ? up.name : `${up.version}_${up.name}`,
      version: up.version,
      file: up.file,
      files: [...new Set([up.file, group.down?.migration.file].filter((f): f is string => f !== undefined))],
      up: section({ loaded: group.up, direction: "up", dialect: resolved }),
      down,
      ...(liquibase && group.down !== null ? { downUnsupported: "Liquibase rollbacks are not run by verify yet" } : {}),
    });
  }
  return { migrations, dialect: resolved, files: loaded.length, searched };
}
