// Test helper: the ORM migration model of a script, with ranges turned into the text they cover.
import { parseScript, parseSql } from "@deploylint/core/sources";
import { buildScriptMigration } from "../../src/model/orm/index.js";
import type { Migration } from "../../src/model/types.js";

export function ormMigration(
  path: string,
  text: string,
  settings: { dialect?: string; framework?: string } = {},
  options: {
    parser?: "postgresql" | "mysql" | "sqlite";
    inMigrationFolder?: boolean;
    configDialect?: () => string | null;
  } = {},
): Migration | null {
  const dialect = options.parser;
  return buildScriptMigration({
    path,
    text,
    settings,
    ...(dialect ? { parseSql: (sql: string, offset: number) => parseSql(" ".repeat(offset) + sql, dialect) } : {}),
    ...(options.inMigrationFolder === false ? { inMigrationFolder: false } : {}),
    ...(options.configDialect ? { configDialect: options.configDialect } : {}),
    program: () => {
      const parsed = parseScript(text, path);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.source.program;
    },
  });
}

/** The operations without positions and nodes, plus the source text each one points at. */
export function summary(text: string, operations: Migration["up"] | null): Record<string, unknown>[] {
  return (operations ?? []).map(({ range, node: _n, section: _s, statementIndex: _i, statementKind: _k, ...rest }) => ({
    ...rest,
    at: text.slice(range.start, range.end),
  }));
}
