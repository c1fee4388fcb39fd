// @deploylint/verify: `deploylint migrations verify`. Runs each migration up, down and up again on
// an embedded engine (PGlite for PostgreSQL, sql.js for SQLite) or a throwaway database on a real
// server, compares schema snapshots, and reports what a rollback would leave behind.
import type { LintResult } from "@deploylint/core";
import type { SqlDialect } from "@deploylint/core/rule-api";
import { changedFiles } from "./changed.js";
import { discoverMigrations, type MigrationSettings } from "./discover.js";
import { type EngineChoice, openEngine } from "./engines/index.js";
import { PGLITE_EXTENSIONS } from "./engines/pglite.js";
import { toLintResult } from "./findings.js";
import type { Verdict } from "./types.js";
import { extensionsOf, runVerify } from "./verify.js";

export { type Difference, diffSchemas, summarise } from "./diff.js";
export { discoverMigrations, type MigrationSettings } from "./discover.js";
export { type EngineChoice, EngineUnavailableError, openEngine } from "./engines/index.js";
export { NonEmptyDatabaseError, THROWAWAY_PREFIX } from "./engines/throwaway.js";
export { VERIFY_DOCS, VERIFY_IDS, VERIFY_RULES, type VerifyId } from "./findings.js";
export type { Engine, RunnableMigration, Schema, Verdict, VerdictStatus } from "./types.js";
export { runVerify } from "./verify.js";

export interface VerifyOptions {
  cwd: string;
  /** The config's `settings.migrations` block (paths, dialect, framework). */
  settings: MigrationSettings;
  /** Overrides the dialect from settings and paths. */
  dialect?: SqlDialect;
  engine?: EngineChoice;
  databaseUrl?: string;
  allowNonEmpty?: boolean;
  /** Run up → down → up only for migrations added or modified since the merge base with this ref. */
  changedSince?: string;
}

export interface VerifyResult {
  result: LintResult;
  verdicts: Verdict[];
  /** What ran the migrations: "pglite", "sqljs", "postgres", "mysql" (null when there was nothing to run). */
  engine: string | null;
  dialect: SqlDialect;
}

export async function verifyMigrations(options: VerifyOptions): Promise<VerifyResult> {
  const { migrations, dialect, files } = discoverMigrations({
    cwd: options.cwd,
    settings: options.settings,
    ...(options.dialect ? { dialect: options.dialect } : {}),
  });
  if (migrations.length === 0) return { result: toLintResult([], 0), verdicts: [], engine: null, dialect };
  let targets: Set<string> | null = null;
  if (options.changedSince !== undefined) {
    const changed = changedFiles({ cwd: options.cwd, ref: options.changedSince });
    targets = new Set(migrations.filter((m) => m.files.some((file) => changed.has(file))).map((m) => m.id));
  }
  const extensions = extensionsOf(migrations);
  const engine = await openEngine({
    dialect,
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    allowNonEmpty: options.allowNonEmpty === true,
    extensions,
  });
  try {
    const unavailable = new Set(
      engine.name === "pglite" ? extensions.filter((e) => PGLITE_EXTENSIONS[e] === undefined) : [],
    );
    const { verdicts, findings } = await runVerify({ engine, migrations, targets, unavailableExtensions: unavailable });
    return { result: toLintResult(findings, files), verdicts, engine: engine.name, dialect };
  } finally {
    await engine.close();
  }
}
