// Up/down scripts running SQL built with a tag (logto's slonik alterations, postgres.js) are a
// migration history, found by their shape wherever they live; ordinary code running sql`…` is not.
import { beforeAll, describe, expect, it } from "vitest";
import { validateSettings } from "../../../../packages/core/src/config/settings.js";
import { loadPostgresParser } from "../../../../packages/core/src/sources/sql/index.js";
import pack from "../../src/index.js";
import { ormMigration, summary } from "./model.js";

const ALTERATION = `import { sql } from '@silverhand/slonik';

import type { AlterationScript } from '../lib/types/alteration.js';

const getId = (value: string) => sql.identifier([value]);

const alteration: AlterationScript = {
  beforeUp: async (pool) => {
    await pool.query(sql\`create index concurrently if not exists logs__created_at on logs (tenant_id, created_at);\`);
  },
  up: async (pool) => {
    await pool.query(sql\`
      alter table sign_in_experiences
        add column if not exists privacy_policy_url varchar(2048);
      alter table \${sql.identifier(['public', 'users'])} drop column legacy;
    \`);
    await applyTableRls(pool, 'users');
  },
  down: async (pool) => {
    const query = sql\`alter table sign_in_experiences drop column privacy_policy_url;\`;
    await pool.query(query);
    await pool.query(sql\`alter table \${getId('users')} add column legacy text;\`);
  },
};

export default alteration;
`;

const PATH = "packages/schemas/alterations/1.0.0_rc.0-1674032095.1-privacy-policy.ts";
const kinds = (ops: { type: string; kind?: string }[] | null | undefined) =>
  (ops ?? []).map((op) => (op.type === "other" ? op.kind : op.type));

// PostgreSQL statements are parsed by libpg-query, which loads once before any parse.
beforeAll(() => loadPostgresParser());

describe("tagged-SQL migration scripts", () => {
  it("reads a logto alteration outside a migrations folder: beforeUp first, names from sql.identifier", () => {
    const migration = ormMigration(PATH, ALTERATION, {}, { parser: "postgresql", inMigrationFolder: false });
    expect(migration).toMatchObject({
      framework: "tagged-sql",
      version: "1674032095.1",
      name: "privacy-policy",
      transactional: null,
      dialect: "postgresql",
    });
    expect(summary(ALTERATION, migration?.up ?? null)).toEqual([
      expect.objectContaining({ type: "create_index", table: "logs", concurrently: true }),
      expect.objectContaining({ type: "add_column", table: "sign_in_experiences", column: "privacy_policy_url" }),
      expect.objectContaining({ type: "drop_column", table: "users", column: "legacy" }),
      expect.objectContaining({ type: "other", kind: "dynamic", at: "applyTableRls(pool, 'users')" }),
    ]);
    expect(kinds(migration?.down)).toEqual(["drop_column", "add_column"]);
    expect(summary(ALTERATION, migration?.down ?? null)[0]).toMatchObject({
      at: "alter table sign_in_experiences drop column privacy_policy_url",
    });
  });

  it("reads postgres.js migrations, where the connection itself is the tag", () => {
    const text =
      "export async function up(sql) {\n  await sql`ALTER TABLE users DROP COLUMN legacy`;\n}\nexport async function down(sql) {\n  await sql`ALTER TABLE users ADD COLUMN legacy text`;\n}\n";
    const migration = ormMigration("db/migrations/00012_drop_legacy.ts", text);
    expect(migration?.framework).toBe("tagged-sql");
    expect(kinds(migration?.up)).toEqual(["drop_column"]);
  });

  it("reads Prisma's $executeRaw tag and Prisma.sql passed to $executeRaw", () => {
    const text =
      "export async function up(prisma) {\n  await prisma.$executeRaw`ALTER TABLE users DROP COLUMN legacy`;\n  await prisma.$executeRaw(Prisma.sql`DROP INDEX users_legacy_idx`);\n}\nexport async function down(prisma) {\n  await prisma.$executeRawUnsafe('ALTER TABLE users ADD COLUMN legacy text');\n}\n";
    const migration = ormMigration("scripts/migrations/20260101_legacy.ts", text);
    expect(migration?.framework).toBe("tagged-sql");
    expect(kinds(migration?.up)).toEqual(["drop_column", "drop_index"]);
    expect(kinds(migration?.down)).toEqual(["add_column"]);
  });

  it("takes an empty down that only holds a comment as irreversible on purpose", () => {
    const text = ALTERATION.replace(
      /down: async \(pool\) => \{[\s\S]*?\n {2}\},/,
      "down: async () => {\n    // Data fix: nothing to undo\n  },",
    );
    const migration = ormMigration(PATH, text, {}, { inMigrationFolder: false });
    expect(migration).toMatchObject({ down: null, downNotRequired: true, direction: "up" });
    const todo = ALTERATION.replace(
      /down: async \(pool\) => \{[\s\S]*?\n {2}\},/,
      "down: async () => {\n    // TODO\n  },",
    );
    expect(ormMigration(PATH, todo, {}, { inMigrationFolder: false })).toMatchObject({ down: [], direction: "both" });
    const silent = ALTERATION.replace(/down: async \(pool\) => \{[\s\S]*?\n {2}\},/, "down: async () => {},");
    expect(ormMigration(PATH, silent, {}, { inMigrationFolder: false })).toMatchObject({ down: [], direction: "both" });
  });

  it("does not take ordinary code that runs sql`…` for a migration", () => {
    const repository = `import { sql } from 'slonik';
export const findUser = async (pool, id) => pool.one(sql\`select * from users where id = \${id}\`);
export const up = 1;
`;
    expect(
      ormMigration("packages/core/src/queries/1700000000-users.ts", repository, {}, { inMigrationFolder: false }),
    ).toBeNull();
    // Up and down, but not a versioned file: a seeding helper, a test, a library.
    const unversioned = ALTERATION;
    expect(
      ormMigration("packages/core/src/seed/alteration.ts", unversioned, {}, { inMigrationFolder: false }),
    ).toBeNull();
    // Only up, or an up and a down that run no SQL: not a tagged-SQL history either.
    const upOnly = ALTERATION.replace(/ {2}down: async[\s\S]*?\n {2}\},\n/, "");
    expect(ormMigration(PATH, upOnly, {}, { inMigrationFolder: false })).toBeNull();
    const noSql = "export const up = async (pool) => { await pool.end(); };\nexport const down = async (pool) => {};\n";
    expect(ormMigration("src/1700000000-x.ts", `${noSql}// sql\`x\`\n`, {}, { inMigrationFolder: false })).toBeNull();
  });
});

describe("settings.migrations.framework: tagged-sql", () => {
  const settings = (framework: string) => ({
    settings: { migrations: { framework } },
    path: ["settings"],
    source: { file: "deploylint.config.yaml", lineOf: () => null },
  });

  it("is a value the settings schema accepts, beside the ORMs", () => {
    expect(() => validateSettings({ block: settings("tagged-sql"), packs: [pack] })).not.toThrow();
    expect(() => validateSettings({ block: settings("tagged-sqls"), packs: [pack] })).toThrow(/framework/);
  });

  it("reads a script that also mentions an ORM as tagged SQL when configured so", () => {
    // Without the setting, a connection still named knex makes detection read it as a knex
    // migration, and the SQL it runs through execute() is lost.
    const text =
      "export async function up(knex) {\n  await knex.execute(sql`ALTER TABLE users DROP COLUMN legacy`);\n}\nexport async function down(knex) {\n  await knex.execute(sql`ALTER TABLE users ADD COLUMN legacy text`);\n}\n";
    const path = "db/migrations/20260101_legacy.ts";
    expect(ormMigration(path, text)?.framework).toBe("knex");
    const configured = ormMigration(path, text, { framework: "tagged-sql" });
    expect(configured?.framework).toBe("tagged-sql");
    expect(kinds(configured?.up)).toEqual(["drop_column"]);
  });
});
