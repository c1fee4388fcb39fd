// The pack's SQL dialect hint (Pack.sqlDialect): when the config names no dialect, a Prisma
// migration takes its provider from migration_lock.toml, a Drizzle migration its dialect from
// the Drizzle config or journal, and an ORM script the dialect of its ORM's configuration
// (knexfile, DataSource, Sequelize config), before folder names (migrations/mysql/) are consulted.
import type { SqlDialectContext } from "@deploylint/core/rule-api";
import { drizzleDialect, prismaDialect } from "./framework-files.js";
import { isPrismaMigration, looksLikeDrizzle } from "./migration-file.js";
import { migrationSettings } from "./model.js";
import { ormConfigDialect } from "./orm/config-dialect.js";
import { isMigrationPath } from "./paths.js";

const SCRIPT = /\.[cm]?[jt]sx?$/i;

export function frameworkDialect(file: SqlDialectContext): string | null {
  const config = migrationSettings(file.settings);
  if (!isMigrationPath(file.path, config.paths)) return null;
  if (SCRIPT.test(file.path)) return ormConfigDialect(file.text, (path) => file.companion(path));
  const segments = file.path.split("/");
  if (config.framework === "prisma" || isPrismaMigration(segments)) return prismaDialect(file.companion);
  if (config.framework === "drizzle" || looksLikeDrizzle(segments, file.text)) {
    return drizzleDialect(file.companion, segments.length - 1);
  }
  return null;
}
