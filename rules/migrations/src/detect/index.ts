// Repository-wide detection of the migrations: which folders hold them, the framework and dialect
// of each, and why. It asks the same questions of each file as the lint does (detectMigrationFile,
// buildScriptMigration, the pack's dialect hint, folder names), so `init`, `--debug` and
// `--print-config` report what the lint will actually do, not a second guess.
import { dialectFromAlias, type TSESTree, uncheckedDialectOfPath } from "@deploylint/core/rule-api";
import { frameworkDialect } from "../model/dialect-hint.js";
import { folderDialect } from "../model/dialects.js";
import { detectMigrationFile } from "../model/migration-file.js";
import { buildScriptMigration, versionOf } from "../model/orm/index.js";
import { DEFAULT_FOLDERS, isMigrationPath } from "../model/paths.js";
import { byVersion } from "../model/project.js";

/** A detected value with the evidence for it: a file, and what was seen there. */
export interface Detected<T> {
  value: T;
  reason: string;
}

export interface MigrationRoot {
  /** The folder holding the migrations, relative to the repository root. */
  path: string;
  files: number;
  framework: Detected<string>;
  /** The dialect the lint will read the migrations as; null when nothing names one. */
  dialect: Detected<string> | null;
  /** A dialect the pack leaves alone (clickhouse/): the lint skips this folder on purpose. */
  unchecked: Detected<string> | null;
  /** The newest version in the folder (the value `startAfter` takes to make all of it history). */
  newestVersion: string | null;
}

export interface DetectOptions {
  /** Every file of the repository (relative, `/`-separated), build output and dependencies left out. */
  files: readonly string[];
  /** Reads a repository file; null when it is absent or unreadable. */
  read: (path: string) => string | null;
  /** Parses a script as the lint does; null when it does not parse. */
  parseScript: (text: string, path: string) => TSESTree.Program | null;
  /** settings.migrations.paths, when configured (else the conventional folders). */
  paths?: readonly string[];
}

const SQL = /\.sql$/i;
const SCRIPT = /\.[cm]?[jt]sx?$/i;
const NOT_A_MIGRATION = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/i;
// Enough files to be sure of a folder's framework without parsing a 1,000-file history.
const SAMPLE = 40;

function dirname(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut === -1 ? "" : path.slice(0, cut);
}

/** The repository path a companion path names, relative to the file's folder ("/x" from the root). */
function resolveCompanion(file: string, requested: string): string | null {
  const parts = requested.startsWith("/") ? [] : dirname(file).split("/").filter(Boolean);
  for (const part of requested.replace(/^\//, "").split("/")) {
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** The migrations folder a file belongs to: the nearest conventional folder above it, else its own. */
function rootOf(path: string): string {
  const segments = path.split("/").slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (DEFAULT_FOLDERS.has((segments[i] ?? "").toLowerCase())) return segments.slice(0, i + 1).join("/");
  }
  return dirname(path);
}

interface FileVerdict {
  path: string;
  framework: string;
  version: string | null;
  dialect: Detected<string> | null;
  /** The dialect the SQL's keywords suggest, used only when nothing else names one. */
  sqlDialect: Detected<string> | null;
}

const KEYWORD_DIALECTS: [string, RegExp][] = [
  ["postgresql", /\b(?:BIGSERIAL|SERIAL|JSONB|TIMESTAMPTZ|CONCURRENTLY|GEN_RANDOM_UUID)\b|::\s*[a-z]\w*/gi],
  ["mysql", /\bAUTO_INCREMENT\b|\bENGINE\s*=|`\w+`/gi],
  ["sqlite", /\bAUTOINCREMENT\b|\bPRAGMA\b/gi],
];

/** SQL without comments and string literals: what is written there says nothing about the dialect. */
function sqlCode(text: string): string {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, " ");
}

/** The dialect whose keywords the SQL uses most, or null when it uses none. */
function keywordDialect(path: string, text: string): Detected<string> | null {
  const code = sqlCode(text);
  let best: { dialect: string; seen: string; count: number } | null = null;
  for (const [dialect, pattern] of KEYWORD_DIALECTS) {
    const found = code.match(pattern) ?? [];
    if (found.length > 0 && (best === null || found.length > best.count))
      best = { dialect, seen: found[0] ?? "", count: found.length };
  }
  return best === null
    ? null
    : { value: best.dialect, reason: `${path} uses ${best.seen.trim()} (no config names a dialect)` };
}

/** What the lint makes of one file: its framework and version, or null when it is no migration. */
function judgeFile(path: string, options: DetectOptions): FileVerdict | null {
  const text = options.read(path);
  if (text === null) return null;
  // Which companion files the dialect hint read, so the reason can name the one that decided.
  const read: string[] = [];
  const companion = (requested: string) => {
    const target = resolveCompanion(path, requested);
    const found = target === null ? null : options.read(target);
    if (target !== null && found !== null) read.push(target);
    return found;
  };
  const hinted = frameworkDialect({ path, text, settings: {}, companion });
  const byFolder = folderDialect(path);
  const dialect: Detected<string> | null =
    hinted !== null && dialectFromAlias(hinted) !== null
      ? { value: hinted, reason: `${read.at(-1) ?? path} names ${hinted}` }
      : byFolder !== null
        ? { value: byFolder, reason: `the folder name of ${path}` }
        : null;
  if (SQL.test(path)) {
    if (!isMigrationPath(path, options.paths as string[] | undefined)) return null;
    const file = detectMigrationFile({ path, text, companion });
    return { path, framework: file.framework, version: file.version, dialect, sqlDialect: keywordDialect(path, text) };
  }
  const inMigrationFolder = isMigrationPath(path, options.paths as string[] | undefined);
  if (!inMigrationFolder && (options.paths?.length ?? 0) > 0) return null;
  if (!inMigrationFolder && versionOf(path.slice(path.lastIndexOf("/") + 1)) === null) return null;
  let failed = false;
  const migration = buildScriptMigration({
    path,
    text,
    settings: {},
    inMigrationFolder,
    program: () => {
      const program = options.parseScript(text, path);
      if (program === null) {
        failed = true;
        throw new Error("unparsable");
      }
      return program;
    },
  });
  if (failed || migration === null) return null;
  return { path, framework: migration.framework, version: migration.version, dialect, sqlDialect: null };
}

function safeJudge(path: string, options: DetectOptions): FileVerdict | null {
  try {
    return judgeFile(path, options);
  } catch {
    // A script that does not parse is not evidence of a framework; the lint reports it on its own.
    return null;
  }
}

const FRAMEWORK_EVIDENCE: Record<string, string> = {
  "golang-migrate": "<version>_<name>.up.sql / .down.sql file names",
  dbmate: "`-- migrate:up` markers",
  goose: "`-- +goose Up` markers",
  diesel: "<version>_<name>/up.sql and down.sql folders",
  prisma: "<version>_<name>/migration.sql folders",
  flyway: "V<version>__<name>.sql file names",
  liquibase: "a `--liquibase formatted sql` header",
  sqitch: "deploy/, revert/ and verify/ scripts",
  drizzle: "a drizzle folder or drizzle-kit statement breakpoints",
  atlas: "an atlas.sum file",
  knex: "up/down functions taking knex",
  typeorm: "a MigrationInterface class with up/down(queryRunner)",
  "node-pg-migrate": "up/down functions taking pgm",
  sequelize: "up/down functions taking queryInterface",
  "tagged-sql": "versioned scripts whose up and down run tagged SQL",
  plain: "SQL files in a migrations folder, with no framework's names or markers",
};

/** The most common value, with how many files showed it. */
function majority<T>(values: readonly T[]): { value: T; count: number } | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: { value: T; count: number } | null = null;
  for (const [value, count] of counts) if (best === null || count > best.count) best = { value, count };
  return best;
}

function summarise(path: string, verdicts: FileVerdict[], total: number): MigrationRoot {
  const known = verdicts.filter((v) => v.framework !== "plain");
  const top = majority((known.length > 0 ? known : verdicts).map((v) => v.framework));
  const framework = top?.value ?? "plain";
  const example = verdicts.find((v) => v.framework === framework)?.path ?? path;
  const named = verdicts.flatMap((v) => (v.dialect === null ? [] : [v.dialect]));
  // Nothing names the dialect: the SQL's own keywords (outside comments and strings) are the last resort.
  const dialects = named.length > 0 ? named : verdicts.flatMap((v) => (v.sqlDialect === null ? [] : [v.sqlDialect]));
  const dialectTop = majority(dialects.map((d) => d.value));
  const dialect = dialectTop === null ? null : (dialects.find((d) => d.value === dialectTop.value) ?? null);
  const unchecked = uncheckedDialectOfPath(`${path}/x.sql`);
  const newest = verdicts
    .filter((v) => v.version !== null)
    .map((v) => ({ version: v.version, key: v.path }))
    .sort(byVersion)
    .at(-1);
  return {
    path,
    files: total,
    framework: {
      value: framework,
      reason: `${top?.count ?? 0} of ${verdicts.length} files read show ${FRAMEWORK_EVIDENCE[framework] ?? framework}, e.g. ${example}`,
    },
    dialect,
    unchecked: unchecked === null ? null : { value: unchecked.dialect, reason: unchecked.reason },
    newestVersion: newest?.version ?? null,
  };
}

/**
 * The migration folders of a repository, most files first. A folder counts when the lint would
 * treat at least one of its files as a migration; the framework is the one most of its files show.
 */
export function detectMigrations(options: DetectOptions): MigrationRoot[] {
  const candidates = options.files.filter(
    (path) => (SQL.test(path) || SCRIPT.test(path)) && !NOT_A_MIGRATION.test(path),
  );
  const byRoot = new Map<string, string[]>();
  for (const path of candidates) {
    const inFolder = isMigrationPath(path, undefined);
    // Outside a conventional folder only a versioned script can be one (logto's alterations/).
    if (!inFolder && !(SCRIPT.test(path) && versionOf(path.slice(path.lastIndexOf("/") + 1)) !== null)) continue;
    const root = rootOf(path);
    byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
  }
  const roots: MigrationRoot[] = [];
  for (const [root, paths] of byRoot) {
    // The newest files last: a sample from the end sees the framework as it is used today.
    const sorted = [...paths].sort();
    const sample = sorted.length > SAMPLE ? sorted.slice(-SAMPLE) : sorted;
    const verdicts = sample.flatMap((path) => safeJudge(path, options) ?? []);
    if (verdicts.length === 0) continue;
    // Every file's version, for startAfter; only the sample's were judged, so read the rest by name.
    const all =
      sorted.length > SAMPLE
        ? [...sorted.slice(0, -SAMPLE).flatMap((p) => versionOnly(p, options)), ...verdicts]
        : verdicts;
    const summary = summarise(root, all, paths.length);
    roots.push({ ...summary, framework: summarise(root, verdicts, paths.length).framework });
  }
  return roots.sort((a, b) => b.files - a.files || (a.path < b.path ? -1 : 1));
}

/** A file outside the sample, judged only by what its name and text say (no script parse). */
function versionOnly(path: string, options: DetectOptions): FileVerdict[] {
  if (!SQL.test(path)) {
    const version = versionOf(path.slice(path.lastIndexOf("/") + 1))?.version ?? null;
    return [{ path, framework: "plain", version, dialect: null, sqlDialect: null }];
  }
  const text = options.read(path) ?? "";
  const file = detectMigrationFile({ path, text });
  return [{ path, framework: file.framework, version: file.version, dialect: null, sqlDialect: null }];
}

/** What the lint detects for one file (for --print-config): null when it is no migration. */
export function detectMigrationOf(
  path: string,
  options: Omit<DetectOptions, "files">,
): { framework: string; version: string | null; dialect: Detected<string> | null } | null {
  const verdict = safeJudge(path, { ...options, files: [path] });
  if (verdict === null) return null;
  // Not the SQL keyword guess: the lint never reads the dialect from keywords, only init proposes it.
  return { framework: verdict.framework, version: verdict.version, dialect: verdict.dialect };
}
