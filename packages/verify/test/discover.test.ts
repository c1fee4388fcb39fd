// discoverMigrations reads the framework files beside migrations as the lint does: diesel's
// metadata.toml decides the transaction, Prisma's migration_lock.toml the dialect.
import { loadPostgresParser } from "@deploylint/core/sources";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverMigrations } from "../src/index.js";
import { migrationRepo } from "./repo.js";

beforeAll(() => loadPostgresParser());

describe("discoverMigrations and framework files", () => {
  const repos: { remove(): void }[] = [];
  afterAll(() => {
    for (const repo of repos) repo.remove();
  });

  it("runs a diesel migration outside a transaction when metadata.toml opts out", () => {
    const repo = migrationRepo({
      "migrations/2024-01-01-000000_users/up.sql": "CREATE TABLE users (id bigint);\nCREATE TABLE b (id bigint);\n",
      "migrations/2024-01-01-000000_users/down.sql": "DROP TABLE b;\nDROP TABLE users;\n",
      "migrations/2024-01-02-000000_index/up.sql": "CREATE INDEX CONCURRENTLY i ON users (id);\n",
      "migrations/2024-01-02-000000_index/down.sql": "DROP INDEX CONCURRENTLY i;\n",
      "migrations/2024-01-02-000000_index/metadata.toml": "run_in_transaction = false\n",
    });
    repos.push(repo);
    const { migrations } = discoverMigrations({ cwd: repo.dir, settings: {} });
    expect(migrations.map((m) => [m.id, m.up.transactional])).toEqual([
      ["2024-01-01-000000_users", true],
      ["2024-01-02-000000_index", false],
    ]);
  });

  it("takes the dialect of a Prisma project from migration_lock.toml", () => {
    const repo = migrationRepo({
      "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE `users` (`id` BIGINT NOT NULL);\n",
      "prisma/migrations/migration_lock.toml": 'provider = "mysql"\n',
    });
    repos.push(repo);
    const found = discoverMigrations({ cwd: repo.dir, settings: {} });
    expect(found.dialect).toBe("mysql");
    expect(found.migrations[0]?.up.statements.map((s) => s.kind)).toEqual(["create_table"]);
  });

  it("leaves ClickHouse migrations out, as the lint does, beside the PostgreSQL history", () => {
    const repo = migrationRepo({
      "db/clickhouse/migrations/01_events.sql": "CREATE TABLE events (id UUID) ENGINE = MergeTree ORDER BY id;\n",
      "db/postgresql/migrations/01_users.sql": "CREATE TABLE users (id bigint);\n",
    });
    repos.push(repo);
    const found = discoverMigrations({ cwd: repo.dir, settings: {} });
    expect(found.migrations.map((m) => m.id)).toEqual(["01_users"]);
    expect(discoverMigrations({ cwd: repo.dir, settings: { dialect: "clickhouse" } }).migrations).toEqual([]);
  });
});
