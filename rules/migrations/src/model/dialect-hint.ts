// The pack's SQL dialect hint (Pack.sqlDialect): when the config names no dialect, a Prisma
// migration takes its provider from migration_lock.toml and a Drizzle migration its dialect from
// the Drizzle config or journal, before folder names (migrations/mysql/) are consulted.
import type { SqlDialectContext } from "@deploylint/core/rule-api";
import { drizzleDialect, prismaDialect } from "./framework-files.js";
import { isPrismaMigration, looksLikeDrizzle } from "./migration-file.js";
import { migrationSettings } from "./model.js";
import { isMigrationPath } from "./paths.js";

export function frameworkDialect(file: SqlDialectContext): string | null {
  const config = migrationSettings(file.settings);
  if (!isMigrationPath(file.path, config.paths)) return null;
  const segments = file.path.split("/");
  if (config.framework === "prisma" || isPrismaMigration(segments)) return prismaDialect(file.companion);
  if (config.framework === "drizzle" || looksLikeDrizzle(segments, file.text)) {
    return drizzleDialect(file.companion, segments.length - 1);
  }
  return null;
}
