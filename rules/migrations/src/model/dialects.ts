// Which dialect family a migration is written for; rules state the families they apply to.
import type { SqlDialect } from "@deploylint/core/rule-api";

export const isPostgres = (dialect: SqlDialect): boolean => dialect === "postgresql";
export const isMysql = (dialect: SqlDialect): boolean => dialect === "mysql" || dialect === "mariadb";

/** The docs URL of a rule of the pack. */
export function docsUrl(id: string): string {
  return `https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/${id}.md`;
}

// Folder names that say which database a history is for (one history per database:
// migrations/postgres/, migrations/mysql/, migrations/sqlite/), as the engine reads them for SQL files.
const FOLDER_DIALECTS: Record<string, SqlDialect> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  pg: "postgresql",
  pgsql: "postgresql",
  mysql: "mysql",
  mariadb: "mariadb",
  sqlite: "sqlite",
  sqlite3: "sqlite",
};

/** The dialect the folder nearest the file names (`db/postgres/migrations/mysql/x.js` is MySQL), or null. */
export function folderDialect(path: string): SqlDialect | null {
  const segments = path.split(/[\\/]/).slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    const dialect = FOLDER_DIALECTS[(segments[i] ?? "").toLowerCase()];
    if (dialect !== undefined) return dialect;
  }
  return null;
}

/** A dialect name the pack parses, as its SqlDialect; null for any other (mssql, oracle, unknown). */
export function checkedDialect(name: string | null | undefined): SqlDialect | null {
  return name === null || name === undefined ? null : (FOLDER_DIALECTS[name.toLowerCase()] ?? null);
}
