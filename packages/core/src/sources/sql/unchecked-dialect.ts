// Dialects deploylint reads no grammar for (ClickHouse, Snowflake, …): a file written for one is left
// alone with the reason, because parsing it as PostgreSQL turns every engine-specific clause into a
// false parse error and every rename or drop into advice meant for another database.
import type { UncheckedSql } from "../../rule-api/types.js";
import { clickhouseSignal } from "./clickhouse-signals.js";
import { dialectFromAlias } from "./dialect.js";

/** Names (in settings or as a folder of the path) of the dialects left alone, with their display names. */
const UNCHECKED: Record<string, string> = {
  clickhouse: "ClickHouse",
  snowflake: "Snowflake",
  bigquery: "BigQuery",
  mssql: "SQL Server",
  sqlserver: "SQL Server",
};

export const UNCHECKED_DIALECT_NAMES: readonly string[] = Object.keys(UNCHECKED);

/** The display name of an unchecked dialect ("clickhouse" -> "ClickHouse"), or null. */
export function uncheckedDialectFromAlias(name: string): string | null {
  return UNCHECKED[name.trim().toLowerCase()] ?? null;
}

/**
 * The unchecked dialect the configuration (or a pack's framework hint) or the path names. A named
 * dialect decides alone: configuring PostgreSQL forces a check even under db/clickhouse/. Otherwise
 * the folder nearest the file that names any dialect wins, as in resolveSqlDialect.
 */
export function uncheckedDialectOfPath(path: string, configured?: string): UncheckedSql | null {
  if (configured !== undefined && configured !== "") {
    const dialect = uncheckedDialectFromAlias(configured);
    return dialect === null ? null : { dialect, reason: `the configured dialect is "${configured}"` };
  }
  const segments = path.split(/[\\/]/).slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? "";
    if (dialectFromAlias(segment) !== null) return null;
    const dialect = uncheckedDialectFromAlias(segment);
    if (dialect !== null) return { dialect, reason: `it is under the folder "${segments.slice(0, i + 1).join("/")}"` };
  }
  return null;
}

/** As uncheckedDialectOfPath, then, when neither names a dialect, clauses only ClickHouse has. */
export function uncheckedDialectOf(options: { path: string; text: string; configured?: string }): UncheckedSql | null {
  const named = uncheckedDialectOfPath(options.path, options.configured);
  if (named !== null) return named;
  if (options.configured !== undefined && options.configured !== "") return null;
  if (folderNamesCheckedDialect(options.path)) return null;
  const signal = clickhouseSignal(options.text);
  return signal === null ? null : { dialect: "ClickHouse", reason: `it has ${signal}` };
}

function folderNamesCheckedDialect(path: string): boolean {
  return path
    .split(/[\\/]/)
    .slice(0, -1)
    .some((segment) => dialectFromAlias(segment) !== null);
}
