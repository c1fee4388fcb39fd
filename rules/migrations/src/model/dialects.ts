// Which dialect family a migration is written for; rules state the families they apply to.
import type { SqlDialect } from "@deploylint/core/rule-api";

export const isPostgres = (dialect: SqlDialect): boolean => dialect === "postgresql";
export const isMysql = (dialect: SqlDialect): boolean => dialect === "mysql" || dialect === "mariadb";

/** The docs URL of a rule of the pack. */
export function docsUrl(id: string): string {
  return `https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/${id}.md`;
}
