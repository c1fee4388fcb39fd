// `deploylint migrations verify`: runs every migration up, down and up again on an embedded engine
// (or a throwaway database on a real server) and reports rollbacks that do not restore the schema,
// through the same reporters and exit codes as lint.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "@deploylint/core";
import type { SqlDialect } from "@deploylint/core/rule-api";
import {
  DEFAULT_TIMEOUT_MS,
  EngineUnavailableError,
  NonEmptyDatabaseError,
  NothingToVerifyError,
  VERIFY_RULES,
  verifyMigrations,
} from "@deploylint/verify";
import { version } from "../builtins.js";
import { loadConfig } from "../index.js";
import { loadReporter } from "../reporter.js";
import { cannotJudge, verdictReport, withoutNoDownFindings } from "./migrations-verify-summary.js";

export interface MigrationsVerifyIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const HELP = `Usage: deploylint migrations verify [options]

Applies the migrations in order on an embedded database (PGlite for PostgreSQL, sql.js for SQLite)
and runs each one up, down and up again, comparing schema snapshots. Reports a statement the engine
rejects (migrations/verify-failed), a down that does not restore the schema
(migrations/rollback-incomplete) and an up that fails or differs after its down
(migrations/not-rerunnable), and a migration that runs past --timeout (migrations/verify-timeout).
Migrations verify cannot run are reported as skipped (info).

  -C, --cwd <dir>             run in <dir>
  -c, --config <file>         use this config file (settings.migrations: paths, dialect)
  -f, --format <name>         stylish (default), json, sarif, github, gitlab, junit, markdown
  -o, --output-file <file>    write the report to a file
      --changed-since <ref>   run up/down/up only for migrations changed since the merge base with <ref>
      --dialect <name>        postgresql, sqlite or mysql (default: settings.migrations.dialect)
      --engine <name>         pglite or sqlite (default: from the dialect)
      --database-url <url>    postgres://… or mysql://…: run on a throwaway database on this server
      --allow-nonempty        run even when the database in --database-url already holds tables
      --timeout <seconds>     time one migration may take, up, down and up again (default: 60);
                              with --database-url, the server's statement_timeout / max_execution_time
      --quiet                 no per-migration verdicts
      --no-color              no colours (also NO_COLOR=1)
  -h, --help                  print this help

The header says how many migrations went up, down and up again and which were not verified: those
without a down (their ups are applied, one line per reason), those not changed (--changed-since),
those skipped.

Exit 0 when verify judged and found nothing (at least one migration went up, down and up again, or
none changed since --changed-since), 1 on any error finding (a timeout too), 2 on a usage error,
when there is no SQL migration, or when no migration it was asked about could be run down and up
again (none has a down, or all were skipped): a gate that cannot judge does not pass.
`;

const OPTIONS = {
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  "changed-since": { type: "string" },
  dialect: { type: "string" },
  engine: { type: "string" },
  "database-url": { type: "string" },
  "allow-nonempty": { type: "boolean" },
  timeout: { type: "string" },
  quiet: { type: "boolean" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const DIALECTS: Record<string, SqlDialect> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  pg: "postgresql",
  sqlite: "sqlite",
  sqlite3: "sqlite",
  mysql: "mysql",
  mariadb: "mariadb",
};

class UsageProblem extends Error {}

function settingsOf(raw: unknown): { paths?: string[]; dialect?: string; framework?: string } {
  if (typeof raw !== "object" || raw === null) return {};
  const block = raw as Record<string, unknown>;
  return {
    ...(Array.isArray(block.paths) ? { paths: block.paths.filter((p): p is string => typeof p === "string") } : {}),
    ...(typeof block.dialect === "string" ? { dialect: block.dialect } : {}),
    ...(typeof block.framework === "string" ? { framework: block.framework } : {}),
  };
}

/** --timeout in seconds (a decimal fraction allowed), as milliseconds. */
function timeoutOf(given: string | undefined): number {
  if (given === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = /^\d+(?:\.\d+)?$/.test(given.trim()) ? Number(given) : Number.NaN;
  // setTimeout holds at most 2^31-1 ms (about 24 days); more than a day is not a limit anyway.
  if (!(seconds > 0 && seconds <= 86_400)) {
    throw new UsageProblem(`--timeout takes a number of seconds between 0 and 86400, not "${given}".`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

export async function migrationsVerify(argv: string[], io: MigrationsVerifyIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof NothingToVerifyError) {
      // Not a usage error: one line saying where verify looked, no pointer to --help.
      io.stderr(`deploylint migrations verify: ${error.message}\n`);
      return 2;
    }
    const usage =
      error instanceof UsageProblem ||
      error instanceof NonEmptyDatabaseError ||
      error instanceof EngineUnavailableError ||
      error instanceof ConfigError ||
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ||
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
    if (!usage) throw error;
    io.stderr(
      `deploylint migrations verify: ${(error as Error).message}\nRun deploylint migrations verify --help for usage.\n`,
    );
    return 2;
  }
}

async function run(argv: string[], io: MigrationsVerifyIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const cwd = resolve(io.cwd, values.cwd ?? ".");
  const engine = values.engine;
  if (engine !== undefined && engine !== "pglite" && engine !== "sqlite") {
    throw new UsageProblem(`--engine takes pglite or sqlite, not "${engine}".`);
  }
  const dialect = values.dialect === undefined ? undefined : DIALECTS[values.dialect.toLowerCase()];
  if (values.dialect !== undefined && dialect === undefined) {
    throw new UsageProblem(`--dialect takes postgresql, sqlite or mysql, not "${values.dialect}".`);
  }
  const timeoutMs = timeoutOf(values.timeout);
  const format = values.format ?? "stylish";
  const reporter = await loadReporter(format, cwd);
  const config = await loadConfig({ cwd, ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}) });
  const verified = await verifyMigrations({
    cwd,
    settings: settingsOf(config.settings.migrations),
    ...(dialect ? { dialect } : {}),
    ...(engine ? { engine: engine === "sqlite" ? "sqljs" : "pglite" } : {}),
    ...(values["database-url"] ? { databaseUrl: values["database-url"] } : {}),
    allowNonEmpty: values["allow-nonempty"] === true,
    ...(values["changed-since"] ? { changedSince: values["changed-since"] } : {}),
    timeoutMs,
  });
  const color =
    !values["no-color"] && !io.env.NO_COLOR && (values.color === true || (io.isTTY && !values["output-file"]));
  const result = withoutNoDownFindings(verified.result, verified.verdicts);
  const report = reporter(result, { cwd, color, rules: VERIFY_RULES, version: version() });
  const verdicts = values.quiet ? "" : verdictReport(verified.verdicts, verified.engine);
  if (values["output-file"]) {
    writeFileSync(resolve(io.cwd, values["output-file"]), report);
    io.stderr(verdicts);
  } else if (format === "stylish") {
    io.stdout(`${verdicts}${report}`);
  } else {
    // Machine formats keep stdout to the report alone.
    io.stderr(verdicts);
    io.stdout(report);
  }
  if (result.summary.errors > 0) return 1;
  // The gate rule: exit 0 only when verify could judge. A run where no migration went down and up
  // again judged no rollback, whatever the report says.
  const unjudged = cannotJudge(verified.verdicts);
  if (unjudged === null) return 0;
  io.stderr(`deploylint migrations verify: ${unjudged}\n`);
  return 2;
}
