// JSON Schema of `settings.migrations`, validated when the config is loaded: a typo in a key, an
// unknown dialect or framework, or a path that does not exist is a config error, not a silent default.
import type { JSONSchema } from "@deploylint/core/rule-api";
import { FRAMEWORKS } from "./model/migration-file.js";

/** Every name the engine's SQL dialect resolver accepts (packages/core/src/sources/sql/dialect.ts). */
export const DIALECT_NAMES: readonly string[] = [
  "postgresql",
  "postgres",
  "pg",
  "pgsql",
  "mysql",
  "mariadb",
  "sqlite",
  "sqlite3",
  // Dialects the pack knowingly leaves alone: naming one says the migrations are not for it to judge.
  "clickhouse",
  "snowflake",
  "bigquery",
  "mssql",
  "sqlserver",
];

export const migrationsSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    paths: {
      description: "Folders or globs (relative to the working directory) that hold the migrations.",
      type: "array",
      items: { type: "string", minLength: 1, deploylintPath: true },
    },
    dialect: {
      description:
        "SQL dialect of the migrations. clickhouse, snowflake, bigquery, mssql and sqlserver are accepted and mean: leave the migrations alone.",
      enum: [...DIALECT_NAMES],
    },
    framework: {
      description:
        "Migration tool, when detection should not guess: a SQL tool, an ORM (knex, typeorm, node-pg-migrate, sequelize), or tagged-sql for TypeScript/JavaScript up and down functions that run sql`…` templates (logto's alterations).",
      enum: [...FRAMEWORKS],
    },
    startAfter: {
      description:
        "Version of the newest migration that has already shipped (strong_migrations' start_after): migrations at or before it are history, which per-migration rules leave alone; an edit to one is still reported.",
      type: ["string", "integer"],
      minLength: 1,
    },
  },
};
