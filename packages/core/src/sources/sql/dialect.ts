// Chooses the SQL dialect of a file: the configured one, else a dialect named by a folder of its
// path (migrations/mysql/…), else PostgreSQL.
import type { SqlDialect } from "../../rule-api/types.js";

const ALIASES: Record<string, SqlDialect> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  pg: "postgresql",
  pgsql: "postgresql",
  mysql: "mysql",
  mariadb: "mariadb",
  sqlite: "sqlite",
  sqlite3: "sqlite",
};

/** The dialect an alias names ("pg" -> "postgresql"), or null. */
export function dialectFromAlias(name: string): SqlDialect | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export function resolveSqlDialect(path: string, configured?: string): SqlDialect {
  if (configured !== undefined && configured !== "") {
    const dialect = dialectFromAlias(configured);
    if (dialect === null) throw new Error(`Unknown SQL dialect "${configured}".`);
    return dialect;
  }
  const segments = path.split(/[\\/]/).slice(0, -1);
  // The folder nearest the file wins: db/postgres/migrations/mysql/x.sql is MySQL.
  for (let i = segments.length - 1; i >= 0; i--) {
    const dialect = dialectFromAlias(segments[i] ?? "");
    if (dialect !== null) return dialect;
  }
  return "postgresql";
}
