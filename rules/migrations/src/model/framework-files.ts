// What frameworks keep beside their migrations, read through ctx.companion: diesel's metadata.toml
// (run_in_transaction), Flyway's script configuration files (executeInTransaction), Atlas's atlas.sum (the folder is an Atlas migration directory), Prisma's
// migration_lock.toml (the provider) and Drizzle's journal or config (the dialect).
//
// The files are tiny and their keys flat, so a line pattern reads them: a TOML or TypeScript
// parser would be a dependency (and a parse) for one key each.

import { withoutComments } from "./orm/config-dialect.js";

/** Reads another file relative to the migration's folder ("/…" from the working directory). */
export type Companion = (path: string) => string | null;

function tomlValue(text: string, key: string): string | null {
  const match = new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*(?:"([^"\\n]*)"|'([^'\\n]*)'|([^\\s#]+))`, "m").exec(text);
  return match === null ? null : (match[1] ?? match[2] ?? match[3] ?? null);
}

/** diesel: `run_in_transaction = false` in the migration folder's metadata.toml opts out. */
export function dieselRunsInTransaction(companion: Companion): boolean {
  const metadata = companion("metadata.toml");
  return metadata === null || tomlValue(metadata, "run_in_transaction") !== "false";
}

/**
 * Flyway: a script configuration file beside the script, named after it plus `.conf`
 * (`V3__index.sql.conf`), with `executeInTransaction=false` runs the script outside a transaction.
 */
export function flywayExecutesInTransaction(companion: Companion, scriptName: string): boolean {
  const config = companion(`${scriptName}.conf`);
  return config === null || !/^[ \t]*executeInTransaction[ \t]*[=:][ \t]*false\b/im.test(config);
}

/** Atlas keeps atlas.sum, the directory's integrity file, beside its migrations. */
export function isAtlasDirectory(companion: Companion): boolean {
  return companion("atlas.sum") !== null;
}

// Prisma providers and Drizzle dialects/drivers, as the SQL dialects we parse.
const PROVIDER_DIALECTS: Record<string, string> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  cockroachdb: "postgresql",
  pg: "postgresql",
  mysql: "mysql",
  mysql2: "mysql",
  singlestore: "mysql",
  sqlite: "sqlite",
  turso: "sqlite",
  libsql: "sqlite",
  "better-sqlite": "sqlite",
  d1: "sqlite",
  "d1-http": "sqlite",
};

/** Prisma: `provider` in migration_lock.toml, in the folder above `<version>_<name>/migration.sql`. */
export function prismaDialect(companion: Companion): string | null {
  const lock = companion("../migration_lock.toml");
  const provider = lock === null ? null : tomlValue(lock, "provider");
  return provider === null ? null : (PROVIDER_DIALECTS[provider.toLowerCase()] ?? null);
}

const DRIZZLE_CONFIGS = ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.json"];

/** Drizzle: `dialect:`/`driver:` in a drizzle.config.* above the output folder, else the journal's `dialect`. */
export function drizzleDialect(companion: Companion, folderDepth: number): string | null {
  // The config sits at the package root, usually one or two folders above the output folder.
  for (let up = 1; up <= Math.min(3, folderDepth); up++) {
    for (const name of DRIZZLE_CONFIGS) {
      const config = companion(`${"../".repeat(up)}${name}`);
      if (config === null) continue;
      // Only code names the dialect: `// dialect: "mysql"` left from a switch does not count.
      const named = /\b(?:dialect|driver)["']?\s*:\s*["']([\w-]+)["']/.exec(withoutComments(config))?.[1];
      if (named) return PROVIDER_DIALECTS[named.toLowerCase()] ?? null;
    }
  }
  // drizzle-kit writes the dialect into the journal too (which changes with every migration).
  const journal = companion("meta/_journal.json");
  const fromJournal = journal === null ? null : /"dialect"\s*:\s*"([^"]+)"/.exec(journal)?.[1];
  return fromJournal ? (PROVIDER_DIALECTS[fromJournal.toLowerCase()] ?? null) : null;
}

/** Drizzle keeps meta/_journal.json beside its migrations. */
export function isDrizzleDirectory(companion: Companion): boolean {
  return companion("meta/_journal.json") !== null;
}
