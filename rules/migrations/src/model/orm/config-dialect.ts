// The dialect an ORM migration is written for, from the ORM's own configuration read beside it:
// TypeORM's DataSource `type`, the knexfile's `client`, Sequelize's config `dialect` (config/config.json,
// or where .sequelizerc points). Only code counts: comments are stripped first, and a value is read
// only as the string a config key holds.
import type { Companion } from "../framework-files.js";

// Driver and dialect names as the SQL dialects we parse (null: one the pack does not read).
const DRIVERS: Record<string, string> = {
  postgres: "postgresql",
  postgresql: "postgresql",
  pg: "postgresql",
  "pg-native": "postgresql",
  cockroachdb: "postgresql",
  aurora_postgres: "postgresql",
  "aurora-postgres": "postgresql",
  mysql: "mysql",
  mysql2: "mysql",
  "aurora-mysql": "mysql",
  aurora_mysql: "mysql",
  mariadb: "mariadb",
  sqlite: "sqlite",
  sqlite3: "sqlite",
  "better-sqlite3": "sqlite",
  sqljs: "sqlite",
  capacitor: "sqlite",
  expo: "sqlite",
  mssql: "mssql",
  tedious: "mssql",
  oracle: "oracle",
  oracledb: "oracle",
};

/** JavaScript or JSON without its comments (strings kept, so `"//"` inside one stays). */
export function withoutComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 2;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * The dialect the values of `key` name in a config's code (`client: "pg"`, `"dialect": "mysql"`):
 * one when they agree, the `production` one when environments differ, else null.
 */
export function dialectOfKey(text: string, key: string): string | null {
  const code = withoutComments(text);
  const pattern = new RegExp(`["']?\\b${key}\\b["']?\\s*:\\s*["'\`]([\\w-]+)["'\`]`, "g");
  const found = [...code.matchAll(pattern)].map((m) => ({ at: m.index, dialect: DRIVERS[(m[1] ?? "").toLowerCase()] }));
  const known = found.filter((f): f is { at: number; dialect: string } => f.dialect !== undefined);
  const distinct = new Set(known.map((f) => f.dialect));
  if (distinct.size === 1) return [...distinct][0] ?? null;
  if (distinct.size === 0) return null;
  // knexfile / config.json with one block per environment: production is what deploys.
  const production = /["']?\bproduction\b["']?\s*:\s*\{/.exec(code);
  if (production === null) return null;
  return known.find((f) => f.at > production.index)?.dialect ?? null;
}

const UP = ["", "../", "../../", "../../../"];
const UP_FROM_ROOT = [...UP, "/"];

function firstDialect(companion: Companion, names: string[], key: string): string | null {
  for (const prefix of UP_FROM_ROOT) {
    for (const name of names) {
      const text = companion(`${prefix}${name}`);
      if (text === null) continue;
      const dialect = dialectOfKey(text, key);
      if (dialect !== null) return dialect;
    }
  }
  return null;
}

/** knex: `client` in the knexfile at the project root, usually a folder or two above the migrations. */
export function knexDialect(companion: Companion): string | null {
  return firstDialect(companion, ["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"], "client");
}

/** TypeORM: `type` of the DataSource (data-source.ts) or of ormconfig. */
export function typeormDialect(companion: Companion): string | null {
  const names = ["ormconfig.json", "ormconfig.js", "ormconfig.ts", "data-source.ts", "data-source.js", "datasource.ts"];
  return (
    firstDialect(companion, names, "type") ??
    firstDialect(companion, ["src/data-source.ts", "src/data-source.js", "src/db/data-source.ts"], "type")
  );
}

/** Sequelize: `dialect` in config/config.json (or .js), or in the config file .sequelizerc names. */
export function sequelizeDialect(companion: Companion): string | null {
  const fromDefault = firstDialect(
    companion,
    ["config/config.json", "config/config.js", "config/database.js"],
    "dialect",
  );
  if (fromDefault !== null) return fromDefault;
  for (const prefix of UP_FROM_ROOT) {
    const rc = companion(`${prefix}.sequelizerc`);
    if (rc === null) continue;
    // config: path.resolve("config", "database.json") -> config/database.json, beside .sequelizerc.
    const call = /["']?config["']?\s*:\s*path\.(?:resolve|join)\(([^)]*)\)/.exec(withoutComments(rc))?.[1];
    const parts = [...(call ?? "").matchAll(/["']([^"']+)["']/g)].map((m) => m[1] ?? "");
    if (parts.length === 0) continue;
    const config = companion(`${prefix}${parts.join("/").replace(/^\.\//, "")}`);
    const dialect = config === null ? null : dialectOfKey(config, "dialect");
    if (dialect !== null) return dialect;
  }
  return null;
}

/** The dialect a script migration's ORM configuration names, by the ORM its text uses. */
export function ormConfigDialect(text: string, companion: Companion): string | null {
  if (/\bqueryRunner\b|\bQueryRunner\b|\bMigrationInterface\b/.test(text)) return typeormDialect(companion);
  if (/\bqueryInterface\b|\bQueryInterface\b/.test(text)) return sequelizeDialect(companion);
  if (/\bknex\b|\bKnex\b/.test(text)) return knexDialect(companion);
  return null;
}
