import { describe, expect, it } from "vitest";
import {
  engineDefaultName,
  knexDefaultName,
  mysqlDefaultName,
  postgresDefaultName,
  sequelizeDefaultName,
  typeormDefaultName,
} from "../../src/model/default-names.js";

describe("default names of unnamed indexes and constraints", () => {
  it("PostgreSQL: <table>_<cols>_<label>, the primary key without columns, a CHECK by its one column", () => {
    expect(postgresDefaultName({ table: "users", columns: ["email"], kind: "unique" })).toBe("users_email_key");
    expect(postgresDefaultName({ table: "orders", columns: ["a", "b"], kind: "index" })).toBe("orders_a_b_idx");
    expect(postgresDefaultName({ table: "orders", columns: ["user_id"], kind: "foreign_key" })).toBe(
      "orders_user_id_fkey",
    );
    expect(postgresDefaultName({ table: "users", columns: ["id"], kind: "primary_key" })).toBe("users_pkey");
    expect(postgresDefaultName({ table: "t", columns: ["a"], kind: "check" })).toBe("t_a_check");
    expect(postgresDefaultName({ table: "t", columns: [], kind: "check" })).toBe("t_check");
  });

  it("PostgreSQL: cuts the longer part a byte at a time to fit 63 bytes, never the label", () => {
    const name = postgresDefaultName({ table: "a".repeat(40), columns: ["b".repeat(40)], kind: "index" });
    expect(name).toBe(`${"a".repeat(29)}_${"b".repeat(29)}_idx`);
    expect(Buffer.byteLength(name)).toBe(63);
    const short = postgresDefaultName({ table: "tbl", columns: ["c".repeat(70)], kind: "unique" });
    expect(short).toBe(`tbl_${"c".repeat(55)}_key`);
    // A multi-byte character is never split.
    const wide = postgresDefaultName({ table: "é".repeat(40), columns: [], kind: "primary_key" });
    expect(wide).toBe(`${"é".repeat(29)}_pkey`);
  });

  it("MySQL: an index takes its first column, the primary key is PRIMARY, numbered ones are unknown", () => {
    expect(mysqlDefaultName({ table: "t", columns: ["a", "b"], kind: "index" })).toBe("a");
    expect(mysqlDefaultName({ table: "t", columns: ["id"], kind: "primary_key" })).toBe("PRIMARY");
    expect(mysqlDefaultName({ table: "t", columns: ["u"], kind: "foreign_key" })).toBeNull();
    expect(engineDefaultName("sqlite", { table: "t", columns: ["a"], kind: "unique" })).toBeNull();
  });

  it("knex, Sequelize and TypeORM name what their helpers create", () => {
    expect(knexDefaultName({ table: "Users", columns: ["email", "org.id"], kind: "unique" })).toBe(
      "users_email_org_id_unique",
    );
    expect(knexDefaultName({ table: "posts", columns: ["user_id"], kind: "foreign_key" })).toBe(
      "posts_user_id_foreign",
    );
    expect(sequelizeDefaultName({ table: "Users", columns: ["firstName"], kind: "index" })).toBe("users_first_name");
    expect(sequelizeDefaultName({ table: "Users", columns: ["email"], kind: "unique" })).toBe("Users_email_uk");
    // The primary key of TypeORM's `user` table, as every TypeORM migration of one spells it.
    expect(typeormDefaultName({ table: "user", columns: ["id"], kind: "primary_key" })).toBe(
      "PK_cace4a159ff9f2512dd42373760",
    );
    expect(typeormDefaultName({ table: "t", columns: ["b", "a"], kind: "index" })).toBe(
      typeormDefaultName({ table: "t", columns: ["a", "b"], kind: "index" }),
    );
    expect(typeormDefaultName({ table: "t", columns: ["a"], kind: "index" })).toMatch(/^IDX_[0-9a-f]{26}$/);
  });
});
