import { describe, expect, it } from "vitest";
import { detectMigrationFile } from "../../src/model/migration-file.js";
import { globToRegExp, isMigrationPath } from "../../src/model/paths.js";

describe("detectMigrationFile", () => {
  it("reads golang-migrate up and down files", () => {
    const up = detectMigrationFile({ path: "db/migrations/000003_drop_legacy_name.up.sql", text: "SELECT 1;" });
    expect(up).toMatchObject({
      framework: "golang-migrate",
      version: "000003",
      name: "drop_legacy_name",
      direction: "up",
    });
    expect(up.sections).toEqual([{ direction: "up", range: { start: 0, end: 9 }, transactional: false }]);
    const down = detectMigrationFile({ path: "db/migrations/000003_drop_legacy_name.down.sql", text: "" });
    expect(down).toMatchObject({ framework: "golang-migrate", direction: "down" });
  });

  it("splits a dbmate file into up and down sections and reads transaction:false", () => {
    const text =
      "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n\n-- migrate:down\nDROP INDEX i;\n";
    const file = detectMigrationFile({ path: "db/migrations/20260103120000_index_plan.sql", text });
    const down = text.indexOf("-- migrate:down");
    expect(file).toMatchObject({
      framework: "dbmate",
      version: "20260103120000",
      name: "index_plan",
      direction: "both",
    });
    expect(file.sections).toEqual([
      { direction: "up", range: { start: 0, end: down }, transactional: false },
      { direction: "down", range: { start: down, end: text.length }, transactional: true },
    ]);
  });

  it("splits a goose file and reads NO TRANSACTION", () => {
    const text = "-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n";
    const file = detectMigrationFile({ path: "migrations/00002_x.sql", text });
    expect(file.framework).toBe("goose");
    expect(file.version).toBe("00002");
    expect(file.sections.map((s) => [s.direction, s.transactional])).toEqual([
      ["up", false],
      ["down", false],
    ]);
    expect(file.sections[0]?.range.start).toBe(text.indexOf("-- +goose Up"));
  });

  it("reads diesel folders", () => {
    const file = detectMigrationFile({ path: "migrations/mysql/2019-05-26-216651_rename_key/down.sql", text: "" });
    expect(file).toMatchObject({
      framework: "diesel",
      version: "2019-05-26-216651",
      name: "rename_key",
      direction: "down",
    });
  });

  it("reads Prisma folders, which have no down", () => {
    const file = detectMigrationFile({
      path: "prisma/migrations/20230505085625_create_subscription/migration.sql",
      text: "",
    });
    expect(file).toMatchObject({ framework: "prisma", version: "20230505085625", direction: "up" });
  });

  it("reads Flyway versioned, undo and repeatable files", () => {
    expect(detectMigrationFile({ path: "db/migration/V1_2__add_users.sql", text: "" })).toMatchObject({
      framework: "flyway",
      version: "1_2",
      name: "add_users",
      direction: "up",
    });
    expect(detectMigrationFile({ path: "db/migration/U3__x.sql", text: "" })).toMatchObject({ direction: "down" });
    expect(detectMigrationFile({ path: "db/migration/R__views.sql", text: "" })).toMatchObject({ version: null });
  });

  it("reads Liquibase formatted SQL changesets, runInTransaction:false and rollbacks", () => {
    const text =
      "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n--changeset ann:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (id);\n--rollback DROP INDEX i;\n";
    const file = detectMigrationFile({ path: "db/changelog/changes.sql", text });
    expect(file).toMatchObject({ framework: "liquibase", direction: "both" });
    expect(file.sections.map((s) => [s.direction, s.transactional])).toEqual([
      ["up", true],
      ["up", false],
    ]);
    const none = detectMigrationFile({
      path: "db/changelog/x.sql",
      text: "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n--rollback not required\n",
    });
    expect(none).toMatchObject({ direction: "up", downNotRequired: true });
  });

  it("reads Atlas txmode, Drizzle folders and sqitch scripts", () => {
    const atlas = detectMigrationFile({
      path: "migrations/20220318104614_init.sql",
      text: "-- atlas:txmode none\nSELECT 1;",
    });
    expect(atlas).toMatchObject({ framework: "atlas", version: "20220318104614" });
    expect(atlas.sections[0]?.transactional).toBe(false);
    const drizzle = detectMigrationFile({ path: "drizzle/0003_brave_hulk.sql", text: "CREATE TABLE a (id int);" });
    expect(drizzle).toMatchObject({ framework: "drizzle", version: "0003", name: "brave_hulk" });
    expect(drizzle.sections[0]?.transactional).toBe(true);
    const deploy = detectMigrationFile({
      path: "deploy/appschema.sql",
      text: "-- Deploy flipr:appschema to pg\nBEGIN;",
    });
    expect(deploy).toMatchObject({ framework: "sqitch", name: "appschema", direction: "up" });
    expect(deploy.sections[0]?.transactional).toBe(false);
    const revert = detectMigrationFile({ path: "revert/appschema.sql", text: "-- Revert flipr:appschema from pg\n" });
    expect(revert).toMatchObject({ framework: "sqitch", direction: "down" });
  });

  it("gives a plain file the configured framework's transaction behaviour", () => {
    const file = detectMigrationFile({ path: "migrations/001_x.sql", text: "SELECT 1;", framework: "atlas" });
    expect(file).toMatchObject({ framework: "atlas" });
    expect(file.sections[0]?.transactional).toBe(true);
  });

  it("falls back to a plain up migration", () => {
    expect(detectMigrationFile({ path: "migrations/0004-add-index.sql", text: "" })).toMatchObject({
      framework: "plain",
      version: "0004",
      name: "add-index",
      direction: "up",
    });
  });
});

describe("isMigrationPath", () => {
  it("accepts conventional migration folders by default", () => {
    expect(isMigrationPath("db/migrations/1_x.up.sql", undefined)).toBe(true);
    expect(isMigrationPath("db/migrate/1_x.sql", undefined)).toBe(true);
    expect(isMigrationPath("prisma/migrations/1_x/migration.sql", [])).toBe(true);
    expect(isMigrationPath("sql/reports/monthly.sql", undefined)).toBe(false);
    expect(isMigrationPath("migrations.sql", undefined)).toBe(false);
    expect(isMigrationPath("supabase/migrations/1_x.sql", undefined)).toBe(true);
    expect(isMigrationPath("drizzle/0001_x.sql", undefined)).toBe(true);
    expect(isMigrationPath("src/main/resources/db/migration/V1__x.sql", undefined)).toBe(true);
  });

  it("uses configured folders and globs instead of the defaults", () => {
    expect(isMigrationPath("db/migrations/1_x.sql", ["db/migrations"])).toBe(true);
    expect(isMigrationPath("./db/migrations/sub/1_x.sql", ["db/migrations/"])).toBe(true);
    expect(isMigrationPath("other/migrations/1_x.sql", ["db/migrations"])).toBe(false);
    expect(isMigrationPath("schema/V1__x.sql", ["schema/V*.sql"])).toBe(true);
    // "." names the working directory: a repository that is only migrations (e.g. run with --cwd on the folder).
    expect(isMigrationPath("2020-01-01_init/up.sql", ["."])).toBe(true);
    expect(isMigrationPath("V1__x.sql", ["./"])).toBe(true);
    expect(isMigrationPath("a/b/schema/1.sql", ["**/schema/*.sql"])).toBe(true);
  });

  it("turns globs into anchored expressions", () => {
    expect(globToRegExp("db/**/*.sql").test("db/x.sql")).toBe(true);
    expect(globToRegExp("db/**/*.sql").test("db/a/b/x.sql")).toBe(true);
    expect(globToRegExp("db/*.sql").test("db/a/x.sql")).toBe(false);
  });
});
