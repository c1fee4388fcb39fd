// Framework files read beside migrations (ctx.companion): diesel's metadata.toml, Atlas's atlas.sum,
// Prisma's migration_lock.toml and Drizzle's config and journal.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../../src/index.js";
import {
  dieselRunsInTransaction,
  drizzleDialect,
  flywayExecutesInTransaction,
  isAtlasDirectory,
  prismaDialect,
} from "../../src/model/framework-files.js";

const tester = new RuleTester({ pack });
const concurrent = "CREATE INDEX CONCURRENTLY i ON t (a);\n";
const varchar = "CREATE TABLE t (name varchar(255));\n";

function files(entries: Record<string, string>): (path: string) => string | null {
  return (path) => entries[path] ?? null;
}

describe("framework files", () => {
  it("diesel: only run_in_transaction = false opts out", () => {
    expect(dieselRunsInTransaction(files({}))).toBe(true);
    expect(dieselRunsInTransaction(files({ "metadata.toml": "run_in_transaction = false\n" }))).toBe(false);
    expect(dieselRunsInTransaction(files({ "metadata.toml": "run_in_transaction=false # no tx\n" }))).toBe(false);
    expect(dieselRunsInTransaction(files({ "metadata.toml": "# run_in_transaction = false\n" }))).toBe(true);
    expect(dieselRunsInTransaction(files({ "metadata.toml": "run_in_transaction = true\n" }))).toBe(true);
  });

  it("Flyway: executeInTransaction=false in the script's .conf file", () => {
    const script = "V3__index.sql";
    expect(flywayExecutesInTransaction(files({}), script)).toBe(true);
    expect(flywayExecutesInTransaction(files({ "V3__index.sql.conf": "executeInTransaction=false\n" }), script)).toBe(
      false,
    );
    expect(flywayExecutesInTransaction(files({ "V3__index.sql.conf": "executeInTransaction = true\n" }), script)).toBe(
      true,
    );
    expect(flywayExecutesInTransaction(files({ "V4__other.sql.conf": "executeInTransaction=false\n" }), script)).toBe(
      true,
    );
  });

  it("Atlas: atlas.sum marks the directory", () => {
    expect(isAtlasDirectory(files({ "atlas.sum": "h1:abc=\n" }))).toBe(true);
    expect(isAtlasDirectory(files({}))).toBe(false);
  });

  it("Prisma: the provider of migration_lock.toml", () => {
    const lock = (provider: string) => files({ "../migration_lock.toml": `# comment\nprovider = "${provider}"\n` });
    expect(prismaDialect(lock("mysql"))).toBe("mysql");
    expect(prismaDialect(lock("sqlite"))).toBe("sqlite");
    expect(prismaDialect(lock("cockroachdb"))).toBe("postgresql");
    expect(prismaDialect(lock("sqlserver"))).toBeNull();
    expect(prismaDialect(files({}))).toBeNull();
  });

  it("Drizzle: the config's dialect or driver, else the journal's dialect", () => {
    const config = 'export default defineConfig({ dialect: "mysql", out: "./drizzle" });';
    expect(drizzleDialect(files({ "../drizzle.config.ts": config }), 1)).toBe("mysql");
    expect(drizzleDialect(files({ "../../drizzle.config.js": "module.exports = { driver: 'turso' }" }), 2)).toBe(
      "sqlite",
    );
    expect(drizzleDialect(files({ "meta/_journal.json": '{"version":"7","dialect":"sqlite"}' }), 1)).toBe("sqlite");
    // A config above the working directory is never asked for.
    expect(drizzleDialect(files({ "../../drizzle.config.ts": config }), 1)).toBeNull();
  });
});

tester.run("no-concurrent-in-transaction", {
  valid: [
    {
      name: "diesel migration with run_in_transaction = false",
      files: {
        "migrations/2024-01-19-140000_idx/up.sql": concurrent,
        "migrations/2024-01-19-140000_idx/metadata.toml": "run_in_transaction = false\n",
      },
    },
    {
      name: "Flyway with executeInTransaction=false in the script's configuration file",
      files: {
        "db/migration/V3__index.sql": `SELECT 1;\n${concurrent}`,
        "db/migration/V3__index.sql.conf": "executeInTransaction=false\n",
      },
    },
    {
      name: "a plain folder: nothing wraps one statement",
      filename: "migrations/20240119140000_idx.sql",
      code: concurrent,
    },
  ],
  invalid: [
    {
      name: "Flyway wraps a script that mixes CONCURRENTLY with other statements",
      filename: "db/migration/V3__index.sql",
      code: `SELECT 1;\n${concurrent}`,
      errors: [{ line: 2, column: 1 }],
    },
    {
      name: "diesel wraps a migration without metadata.toml",
      filename: "migrations/2024-01-19-140000_idx/up.sql",
      code: concurrent,
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: "a folder with atlas.sum is Atlas's: each file in a transaction",
      files: { "migrations/20240119140000_idx.sql": concurrent, "migrations/atlas.sum": "h1:abc=\n" },
      errors: [{ file: "migrations/20240119140000_idx.sql", line: 1, column: 1 }],
    },
  ],
});

tester.run("prefer-text", {
  valid: [
    {
      name: "Prisma with the mysql provider is MySQL (out of the rule's scope)",
      files: {
        "prisma/migrations/20240105093000_init/migration.sql": "CREATE TABLE `t` (`name` varchar(255));\n",
        "prisma/migrations/migration_lock.toml": 'provider = "mysql"\n',
      },
    },
    {
      name: "Drizzle with a MySQL config",
      files: {
        "drizzle/0000_init.sql": "CREATE TABLE `t` (`name` varchar(255));\n",
        "drizzle.config.ts": 'export default { dialect: "mysql", schema: "./src/schema.ts" };\n',
      },
    },
  ],
  invalid: [
    {
      name: "Prisma with the postgresql provider",
      files: {
        "prisma/migrations/20240105093000_init/migration.sql": varchar,
        "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
      },
      errors: [{ file: "prisma/migrations/20240105093000_init/migration.sql", line: 1, column: 1 }],
    },
    {
      name: "the configured dialect wins over migration_lock.toml",
      settings: { migrations: { dialect: "postgresql" } },
      files: {
        "prisma/migrations/20240105093000_init/migration.sql": varchar,
        "prisma/migrations/migration_lock.toml": 'provider = "mysql"\n',
      },
      errors: [{ file: "prisma/migrations/20240105093000_init/migration.sql", line: 1, column: 1 }],
    },
  ],
});
