// The dialect of an ORM migration comes from the ORM's own configuration (knexfile client,
// TypeORM DataSource type, Sequelize config dialect) or the folders of a per-database history;
// comments never count.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../../src/index.js";
import { drizzleDialect } from "../../src/model/framework-files.js";
import { dialectOfKey, knexDialect, sequelizeDialect, typeormDialect } from "../../src/model/orm/config-dialect.js";
import { ormMigration } from "./model.js";

const files = (entries: Record<string, string>) => (path: string) => entries[path] ?? null;

describe("ORM configuration dialects", () => {
  it("reads the key's value in code, never in a comment; production decides between environments", () => {
    expect(dialectOfKey("module.exports = { client: 'pg' };", "client")).toBe("postgresql");
    expect(dialectOfKey("// client: 'mysql'\nmodule.exports = { client: 'pg' };", "client")).toBe("postgresql");
    expect(dialectOfKey("/* client: 'mysql' */ module.exports = { client: \"better-sqlite3\" };", "client")).toBe(
      "sqlite",
    );
    const perEnv = "module.exports = {\n  development: { client: 'sqlite3' },\n  production: { client: 'mysql2' },\n};";
    expect(dialectOfKey(perEnv, "client")).toBe("mysql");
    expect(dialectOfKey("const help = 'set client: mysql'; module.exports = {};", "client")).toBeNull();
  });

  it("finds each ORM's configuration above the migrations folder", () => {
    expect(knexDialect(files({ "../knexfile.ts": "export default { client: 'mysql2' };" }))).toBe("mysql");
    expect(
      typeormDialect(files({ "/src/data-source.ts": 'export const db = new DataSource({ type: "mariadb" });' })),
    ).toBe("mariadb");
    expect(sequelizeDialect(files({ "../config/config.json": '{ "production": { "dialect": "sqlite" } }' }))).toBe(
      "sqlite",
    );
    const rc = "const path = require('path');\nmodule.exports = { config: path.resolve('db', 'settings.json') };";
    expect(sequelizeDialect(files({ "/.sequelizerc": rc, "/db/settings.json": '{ "dialect": "mysql" }' }))).toBe(
      "mysql",
    );
  });

  it("never takes a dialect or a framework from a comment", () => {
    const drizzle = '// dialect: "mysql" (before the move)\nexport default { dialect: "postgresql" };\n';
    expect(drizzleDialect(files({ "../drizzle.config.ts": drizzle }), 2)).toBe("postgresql");
    const knex =
      "// Ported from the TypeORM QueryRunner version.\nexports.up = (knex) => knex.schema.dropTable('t');\nexports.down = () => {};\n";
    expect(ormMigration("db/migrations/20260101_t.js", knex)?.framework).toBe("knex");
  });

  it("gives the migration the configured, else the ORM's, else the folder's dialect, and leaves mssql alone", () => {
    const knex =
      "exports.up = (knex) => knex.schema.createTable('t', (t) => { t.string('name'); });\nexports.down = () => {};\n";
    const at = (path: string, config: string | null, settings = {}) =>
      ormMigration(path, knex, settings, { configDialect: () => config })?.dialect ?? null;
    expect(at("db/migrations/20260101_t.js", "mysql")).toBe("mysql");
    expect(at("db/migrations/20260101_t.js", "mysql", { dialect: "postgresql" })).toBe("postgresql");
    expect(at("db/migrations/sqlite/20260101_t.js", null)).toBe("sqlite");
    expect(at("db/migrations/20260101_t.js", null)).toBe("postgresql");
    expect(at("db/migrations/20260101_t.js", "mssql")).toBeNull();
  });
});

const tester = new RuleTester({ pack });
const KNEX_TABLE =
  "exports.up = (knex) => knex.schema.createTable('t', (t) => { t.string('name'); });\nexports.down = (knex) => knex.schema.dropTable('t');\n";

tester.run("prefer-text", {
  valid: [
    {
      name: "knex with a MySQL knexfile",
      files: { "db/migrations/20260101_t.js": KNEX_TABLE, "knexfile.js": "module.exports = { client: 'mysql2' };\n" },
    },
    {
      name: "a per-database history: the mysql/ folder",
      files: { "db/migrations/mysql/20260101_t.js": KNEX_TABLE },
    },
    {
      name: "Sequelize with an SQLite config/config.json",
      files: {
        "migrations/20260101120000-t.js":
          "module.exports = {\n  up: async (queryInterface, Sequelize) => queryInterface.addColumn('t', 'name', { type: Sequelize.STRING }),\n  down: async (queryInterface) => queryInterface.removeColumn('t', 'name'),\n};\n",
        "config/config.json": '{ "development": { "dialect": "sqlite" } }\n',
      },
    },
  ],
  invalid: [
    {
      name: "a knexfile whose MySQL client is commented out is PostgreSQL",
      files: {
        "db/migrations/20260101_t.js": KNEX_TABLE,
        "knexfile.js": "module.exports = {\n  // client: 'mysql2',\n  client: 'pg',\n};\n",
      },
      errors: [{ file: "db/migrations/20260101_t.js", line: 1, column: 24 }],
    },
  ],
});
