// @deploylint/verify: `deploylint migrations verify`. Runs each migration up, down and up again on
// an embedded engine (PGlite for PostgreSQL, sql.js for SQLite) or a throwaway database on a real
// server, compares schema snapshots, and reports what a rollback would leave behind.
import type { LintResult } from "@deploylint/core";
import type { SqlDialect } from "@deploylint/core/rule-api";
import { loadPostgresParser } from "@deploylint/core/sources";
import { changedFiles } from "./changed.js";
import { discoverMigrations, type MigrationSettings } from "./discover.js";
import { type EngineChoice, openEngine } from "./engines/index.js";
import { PGLITE_EXTENSIONS } from "./engines/pglite.js";
import { toLintResult } from "./findings.js";
import { nothingToVerify } from "./nothing-to-verify.js";
import type { Verdict } from "./types.js";
import { extensionsOf, runVerify } from "./verify.js";

export { type Difference, diffSchemas, summarise } from "./diff.js";
export { type DiscoverySearch, discoverMigrations, type MigrationSettings } from "./discover.js";
export { maskEngineMessage } from "./engine-message.js";
export { type EngineChoice, EngineUnavailableError, openEngine } from "./engines/index.js";
export { NonEmptyDatabaseError, THROWAWAY_PREFIX } from "./engines/throwaway.js";
export { VERIFY_DOCS, VERIFY_IDS, VERIFY_RULES, type VerifyId } from "./findings.js";
export { NothingToVerifyError } from "./nothing-to-verify.js";
export type { Engine, RunnableMigration, Schema, Verdict, VerdictStatus } from "./types.js";
export { EngineError, EngineStoppedError } from "./types.js";
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
  /** What one migration may take (up, down and up again), in milliseconds; 60 s by default. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface VerifyResult {
  result: LintResult;
  verdicts: Verdict[];
  /** What ran the migrations: "pglite", "sqljs", "postgres", "mysql". */
  engine: string;
  dialect: SqlDialect;
}

/** Throws NothingToVerifyError when there is no migration to run: a gate that ran nothing must not pass. */
export async function verifyMigrations(options: VerifyOptions): Promise<VerifyResult> {
  await loadPostgresParser();
  const { migrations, dialect, files, searched } = discoverMigrations({
    cwd: options.cwd,
    settings: options.settings,
    ...(options.dialect ? { dialect: options.dialect } : {}),
  });
  if (migrations.length === 0) throw nothingToVerify(searched);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
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
    timeoutMs,
  });
  try {
    const unavailable = new Set(
      engine.name === "pglite" ? extensions.filter((e) => PGLITE_EXTENSIONS[e] === undefined) : [],
    );
    const { verdicts, findings } = await runVerify({
      engine,
      migrations,
      targets,
      unavailableExtensions: unavailable,
      timeoutMs,
    });
    return { result: toLintResult(findings, files), verdicts, engine: engine.name, dialect };
  } finally {
    await engine.close();
  }
}
