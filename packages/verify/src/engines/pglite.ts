// PostgreSQL in-process: PGlite (PostgreSQL compiled to WebAssembly), a fresh database per run.
// Contrib extensions that PGlite ships are loaded when a migration creates them; others are unknown.
import type { Extension, PGlite } from "@electric-sql/pglite";
import { postgresSnapshot } from "../snapshot/postgres.js";
import { type Engine, EngineError, type Schema } from "../types.js";
import { cleanPostgres, currentRoles } from "./clean-postgres.js";

// Extensions PGlite ships as contrib modules, by the name CREATE EXTENSION uses.
export const PGLITE_EXTENSIONS: Record<string, string> = Object.fromEntries(
  [
    "amcheck",
    "bloom",
    "btree_gin",
    "btree_gist",
    "citext",
    "cube",
    "dict_int",
    "dict_xsyn",
    "earthdistance",
    "fuzzystrmatch",
    "hstore",
    "intarray",
    "isn",
    "lo",
    "ltree",
    "moddatetime",
    "pageinspect",
    "pg_buffercache",
    "pg_freespacemap",
    "pg_surgery",
    "pg_trgm",
    "pg_visibility",
    "pg_walinspect",
    "pgcrypto",
    "seg",
    "tablefunc",
    "tcn",
    "tsm_system_rows",
    "tsm_system_time",
    "unaccent",
    "uuid_ossp",
  ].map((module) => [module === "uuid_ossp" ? "uuid-ossp" : module, module]),
);

/** Room for the temporary files of one query; migrations on an empty database need little. */
const TEMP_FILE_LIMIT = "512MB";

async function loadExtensions(names: string[]): Promise<Record<string, Extension>> {
  const loaded: Record<string, Extension> = {};
  for (const name of names) {
    const module = PGLITE_EXTENSIONS[name];
    if (module === undefined) continue;
    const imported = (await import(`@electric-sql/pglite/contrib/${module}`)) as Record<string, Extension>;
    const extension = imported[module];
    if (extension !== undefined) loaded[module] = extension;
  }
  return loaded;
}

export function pgliteError(error: unknown): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  const position = (error as { position?: unknown }).position;
  return new EngineError(message, typeof position === "string" && /^\d+$/.test(position) ? Number(position) : null);
}

export async function openPglite(options: { extensions: string[] }): Promise<Engine> {
  const { PGlite } = await import("@electric-sql/pglite");
  const extensions = await loadExtensions(options.extensions);
  const db: PGlite = await PGlite.create({ extensions });
  // A runaway query that spills (a recursive CTE without an end) fails here instead of filling memory:
  // PGlite's temporary files live in the WebAssembly heap.
  await db.exec(`SET temp_file_limit = '${TEMP_FILE_LIMIT}'`);
  const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
  const roles = await currentRoles(rows);
  return {
    name: "pglite",
    dialect: "postgresql",
    // Runs inside the worker of worker-engine.ts, which keeps the time.
    startTimer() {},
    async exec(sql) {
      try {
        await db.exec(sql);
      } catch (error) {
        throw pgliteError(error);
      }
    },
    async snapshot(): Promise<Schema> {
      return postgresSnapshot(rows);
    },
    async reset() {
      await cleanPostgres(
        async (sql) => {
          await db.exec(sql);
        },
        rows,
        roles,
      );
    },
    async close() {
      await db.close();
    },
  };
}
