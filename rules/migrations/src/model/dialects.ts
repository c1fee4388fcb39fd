// Which dialect family a migration is written for; rules state the families they apply to.
import { dialectFromAlias, type SqlDialect } from "@deploylint/core/rule-api";

export const isPostgres = (dialect: SqlDialect): boolean => dialect === "postgresql";
export const isMysql = (dialect: SqlDialect): boolean => dialect === "mysql" || dialect === "mariadb";

/** The docs URL of a rule of the pack. */
export function docsUrl(id: string): string {
  return `https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/${id}.md`;
}

/** The dialect the folder nearest the file names (`db/postgres/migrations/mysql/x.js` is MySQL), or null. */
export function folderDialect(path: string): SqlDialect | null {
  const segments = path.split(/[\\/]/).slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    // One history per database (migrations/postgres/, …/mysql/): named as the engine reads SQL paths.
    const dialect = dialectFromAlias(segments[i] ?? "");
    if (dialect !== null) return dialect;
  }
  return null;
}

/** A dialect name the pack parses, as its SqlDialect; null for any other (mssql, oracle, unknown). */
export function checkedDialect(name: string | null | undefined): SqlDialect | null {
  return name === null || name === undefined ? null : dialectFromAlias(name);
}
