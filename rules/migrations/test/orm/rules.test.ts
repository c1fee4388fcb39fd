// ORM migrations go through the real engine and the unchanged rules of the pack.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-drop-column", {
  valid: [
    {
      name: "knex: dropping a column in down",
      filename: "db/migrations/20260101_add.js",
      code: 'exports.up = (knex) => knex.schema.alterTable("t", (t) => { t.text("a"); });\nexports.down = (knex) => knex.schema.alterTable("t", (t) => { t.dropColumn("a"); });\n',
    },
  ],
  invalid: [
    {
      name: "knex table builder",
      filename: "db/migrations/20260101_drop.js",
      code: 'exports.up = (knex) =>\n  knex.schema.alterTable("users", (t) => {\n    t.dropColumn("legacy_name");\n  });\nexports.down = (knex) => knex.schema.alterTable("users", (t) => { t.text("legacy_name"); });\n',
      errors: [{ messageId: "dropColumn", line: 3, column: 5, endLine: 3, endColumn: 32 }],
    },
    {
      name: "a logto alteration (slonik sql`…` in up/down) outside any migrations folder",
      filename: "packages/schemas/alterations/1.0.0-1679209413-drop-storage.ts",
      code: "import { sql } from '@silverhand/slonik';\n\nconst alteration = {\n  up: async (pool) => {\n    await pool.query(sql`\n      alter table connectors drop column storage;\n    `);\n  },\n  down: async (pool) => {\n    await pool.query(sql`alter table connectors add column storage jsonb not null default '{}'::jsonb;`);\n  },\n};\n\nexport default alteration;\n",
      errors: [{ messageId: "dropColumn", line: 6, column: 7, endLine: 6, endColumn: 49 }],
    },
    {
      name: "SQL in a TypeORM queryRunner.query template",
      filename: "src/migrations/1700000000000-Drop.ts",
      code: 'export class Drop1700000000000 {\n  async up(queryRunner: QueryRunner) {\n    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "legacy"`);\n  }\n  async down(queryRunner: QueryRunner) {}\n}\n',
      errors: [{ messageId: "dropColumn", line: 3, column: 30, endColumn: 70 }],
    },
  ],
});

tester.run("require-concurrent-index", {
  valid: [
    {
      name: "node-pg-migrate with concurrently",
      filename: "migrations/1700000000000_idx.js",
      code: 'exports.up = (pgm) => { pgm.noTransaction(); pgm.createIndex("orders", "status", { concurrently: true }); };\nexports.down = (pgm) => { pgm.noTransaction(); pgm.dropIndex("orders", "status", { concurrently: true }); };\n',
    },
  ],
  invalid: [
    {
      name: "Sequelize addIndex on an existing table",
      filename: "migrations/20260101120000-idx.js",
      code: 'module.exports = {\n  up: async (queryInterface) => {\n    await queryInterface.addIndex("orders", ["status"]);\n  },\n  down: async (queryInterface) => queryInterface.removeIndex("orders", ["status"]),\n};\n',
      errors: [{ messageId: "notConcurrent", line: 3, column: 11 }],
    },
  ],
});

tester.run("no-concurrent-in-transaction", {
  valid: [
    {
      name: "knex with the transaction opt-out",
      filename: "db/migrations/20260101_idx.js",
      code: 'exports.config = { transaction: false };\nexports.up = (knex) => knex.raw("CREATE INDEX CONCURRENTLY a ON b (c)");\nexports.down = (knex) => knex.raw("DROP INDEX CONCURRENTLY a");\n',
    },
  ],
  invalid: [
    {
      name: "node-pg-migrate wraps the migration unless it calls pgm.noTransaction()",
      filename: "migrations/1700000000000_idx.js",
      code: 'exports.up = (pgm) => {\n  pgm.createIndex("orders", "status", { concurrently: true });\n};\nexports.down = (pgm) => { pgm.dropIndex("orders", "status"); };\n',
      errors: [{ messageId: "frameworkTransaction", line: 2, column: 3 }],
    },
  ],
});

tester.run("require-down", {
  valid: [
    {
      name: "node-pg-migrate reverses createTable itself",
      filename: "migrations/1700000000000_users.js",
      code: 'exports.up = (pgm) => { pgm.createTable("users", { id: "id" }); };\n',
    },
  ],
  invalid: [
    {
      name: "knex without exports.down",
      files: {
        "db/migrations/20260101120000_users.js":
          'exports.up = (knex) => knex.schema.createTable("users", (t) => { t.increments("id"); });\n',
      },
      errors: [{ messageId: "missingDown", file: "db/migrations/20260101120000_users.js", line: 1, column: 1 }],
    },
  ],
});

tester.run("no-empty-down", {
  valid: [
    {
      name: "a down that calls a helper the pack cannot follow is not judged empty",
      files: {
        "db/migrations/20260101120000_users.ts":
          'import { undo } from "./lib";\nexport async function up(knex) { await knex.schema.createTable("users", (t) => { t.increments("id"); }); }\nexport async function down(knex) { await undo(knex, "users"); }\n',
      },
    },
  ],
  invalid: [
    {
      name: "knex: an empty down",
      files: {
        "db/migrations/20260101120000_users.ts":
          'export async function up(knex) {\n  await knex.schema.createTable("users", (t) => { t.increments("id"); });\n}\nexport async function down(knex) {}\n',
      },
      errors: [{ messageId: "emptyDown", file: "db/migrations/20260101120000_users.ts", line: 4, column: 1 }],
    },
  ],
});

tester.run("no-required-column-without-default", {
  valid: [
    {
      name: "TypeORM column with a default",
      filename: "src/migrations/1700000000000-Plan.ts",
      code: 'export class Plan1700000000000 {\n  async up(queryRunner: QueryRunner) {\n    await queryRunner.addColumn("users", new TableColumn({ name: "plan", type: "text", default: "\'free\'" }));\n  }\n  async down(queryRunner: QueryRunner) { await queryRunner.dropColumn("users", "plan"); }\n}\n',
    },
  ],
  invalid: [
    {
      name: "Sequelize allowNull: false without defaultValue",
      filename: "migrations/20260101120000-plan.js",
      code: 'module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn("users", "plan", { type: Sequelize.STRING, allowNull: false });\n  },\n  async down(queryInterface) { await queryInterface.removeColumn("users", "plan"); },\n};\n',
      errors: [{ messageId: "requiredColumn", line: 3, column: 11 }],
    },
  ],
});
