// Liquibase formatted SQL is one file of several changesets, each applied in its own transaction
// (unless runInTransaction:false) and rolled back by its own `--rollback` lines.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../src/index.js";
import { detectMigrationFile } from "../src/model/index.js";
import { rollbackStatements } from "../src/model/liquibase-rollback.js";

const tester = new RuleTester({ pack });

describe("Liquibase changesets in the model", () => {
  const text = [
    "--liquibase formatted sql",
    "--changeset ann:1",
    "CREATE TABLE a (id bigint);",
    "--rollback DROP TABLE a;",
    "--changeset ann:2 runInTransaction:false",
    "CREATE TABLE b (id bigint);",
    "--changeset ann:3",
    "INSERT INTO a VALUES (1);",
    "--rollback not required",
    '-- changeset "Ann Lee":4 labels:x',
    "CREATE TABLE c (id bigint);",
    "/* liquibase rollback",
    "DROP TABLE c;",
    "*/",
    "",
  ].join("\n");
  const file = detectMigrationFile({ path: "db/changelog/changes.sql", text });

  it("reads each changeset's id, transaction and rollback", () => {
    expect(file.sections.map((s) => [s.changeset?.id, s.transactional, s.changeset?.rollback])).toEqual([
      ["ann:1", true, "written"],
      ["ann:2", false, "missing"],
      ["ann:3", true, "notRequired"],
      ['"Ann Lee":4', true, "written"],
    ]);
    expect(file).toMatchObject({ direction: "both" });
    expect(file.downNotRequired).toBeUndefined();
  });

  it("reads `--rollback` lines and `/* liquibase rollback */` blocks of one changeset only", () => {
    const [first, second, third, fourth] = file.sections;
    const texts = (range: { start: number; end: number } | undefined) =>
      range === undefined ? [] : rollbackStatements(text, range).map((s) => [s.text, s.kind]);
    expect(texts(first?.range)).toEqual([["DROP TABLE a", "drop_table"]]);
    expect(texts(second?.range)).toEqual([]);
    expect(texts(third?.range)).toEqual([]);
    expect(texts(fourth?.range)).toEqual([["DROP TABLE c", "drop_table"]]);
    const block = rollbackStatements(text, fourth?.range ?? { start: 0, end: 0 })[0];
    expect(text.slice(block?.range.start, block?.range.end)).toBe("DROP TABLE c;");
  });
});

tester.run("no-concurrent-in-transaction", {
  valid: [
    {
      name: "a runInTransaction:false changeset after a wrapped one",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE t (a int);\n--rollback DROP TABLE t;\n--changeset ann:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n--rollback DROP INDEX i;\n",
    },
    {
      name: "a BEGIN left open in one changeset does not reach the next",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1 runInTransaction:false\nBEGIN;\nCREATE TABLE t (a int);\n--rollback DROP TABLE t;\n--changeset ann:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n--rollback DROP INDEX i;\n",
    },
  ],
  invalid: [
    {
      name: "a wrapped changeset after a runInTransaction:false one",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n--rollback DROP INDEX i;\n--changeset ann:2\nCREATE INDEX CONCURRENTLY j ON t (b);\n--rollback DROP INDEX j;\n",
      errors: [
        {
          messageId: "frameworkTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY", framework: "liquibase" },
          line: 6,
          column: 1,
        },
      ],
    },
  ],
});
