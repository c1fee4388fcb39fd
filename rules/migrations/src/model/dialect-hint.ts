// The pack's SQL dialect hint (Pack.sqlDialect): when the config names no dialect, a Prisma
// migration takes its provider from migration_lock.toml and a Drizzle migration its dialect from
// the Drizzle config or journal, before folder names (migrations/mysql/) are consulted.
import type { SqlDialectContext } from "@deploylint/core/rule-api";
import { drizzleDialect, prismaDialect } from "./framework-files.js";
import { migrationSettings } from "./model.js";
import { isMigrationPath } from "./paths.js";

const VERSIONED_FOLDER = /^[\d-]+_.+$/;
const DRIZZLE_BREAKPOINT = /^--> statement-breakpoint/m;

export function frameworkDialect(file: SqlDialectContext): string | null {
  const config = migrationSettings(file.settings);
  if (!isMigrationPath(file.path, config.paths)) return null;
  const segments = file.path.split("/");
  const basename = (segments[segments.length - 1] ?? "").toLowerCase();
  const folder = segments[segments.length - 2] ?? "";
  const prisma = config.framework === "prisma" || (basename === "migration.sql" && VERSIONED_FOLDER.test(folder));
  if (prisma) return prismaDialect(file.companion);
  const drizzle =
    config.framework === "drizzle" ||
    segments.some((segment) => segment.toLowerCase() === "drizzle") ||
    DRIZZLE_BREAKPOINT.test(file.text);
  if (drizzle) return drizzleDialect(file.companion, segments.length - 1);
  return null;
}
