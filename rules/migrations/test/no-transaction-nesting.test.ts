import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-transaction-nesting", {
  valid: [
    {
      name: "golang-migrate runs the file as is",
      filename: "db/migrations/000001_x.up.sql",
      code: "BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;",
    },
    {
      name: "a stray END (a procedure body cut without DELIMITER) is not taken for a COMMIT",
      filename: "db/migrations/mysql/000004_x.up.sql",
      code: "CREATE TABLE t (a int);\nEND;",
    },
    {
      name: "sqitch scripts manage their own transaction",
      filename: "deploy/widgets.sql",
      code: "-- Deploy app:widgets to pg\nBEGIN;\nCREATE TABLE widgets (id int);\nCOMMIT;",
    },
    {
      name: "dbmate without BEGIN",
      filename: "db/migrations/20260101000000_x.sql",
      code: "-- migrate:up\nCREATE TABLE t (a int);\n-- migrate:down\nDROP TABLE t;\n",
    },
    {
      name: "Liquibase: BEGIN/COMMIT in a runInTransaction:false changeset after a wrapped one",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE t (a int);\n--rollback DROP TABLE t;\n--changeset ann:2 runInTransaction:false\nBEGIN;\nALTER TABLE t ADD COLUMN b int;\nCOMMIT;\n--rollback ALTER TABLE t DROP COLUMN b;\n",
    },
  ],
  invalid: [
    {
      name: "BEGIN/COMMIT in a dbmate migration",
      filename: "db/migrations/20260101000000_x.sql",
      code: "-- migrate:up\nBEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n-- migrate:down\nDROP TABLE t;\n",
      errors: [
        { messageId: "nested", data: { framework: "dbmate", verb: "BEGIN" }, line: 2, column: 1 },
        { messageId: "nested", data: { framework: "dbmate", verb: "COMMIT" }, line: 4, column: 1 },
      ],
    },
    {
      name: "BEGIN without COMMIT",
      filename: "db/migrations/000002_x.up.sql",
      code: "BEGIN;\nALTER TABLE t ADD COLUMN a int;",
      errors: [{ messageId: "unclosed", line: 1, column: 1 }],
    },
    {
      name: "Liquibase: BEGIN/COMMIT in a wrapped changeset after a runInTransaction:false one",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n--rollback DROP INDEX i;\n--changeset ann:2\nBEGIN;\nALTER TABLE t ADD COLUMN b int;\nCOMMIT;\n--rollback ALTER TABLE t DROP COLUMN b;\n",
      errors: [
        { messageId: "nested", data: { framework: "liquibase", verb: "BEGIN" }, line: 6, column: 1 },
        { messageId: "nested", data: { framework: "liquibase", verb: "COMMIT" }, line: 8, column: 1 },
      ],
    },
    {
      name: "Liquibase: a BEGIN left open at the end of its changeset (the next changeset's COMMIT is another unit)",
      filename: "db/changelog/changes.sql",
      code: "--liquibase formatted sql\n--changeset ann:1 runInTransaction:false\nBEGIN;\nALTER TABLE t ADD COLUMN b int;\n--rollback ALTER TABLE t DROP COLUMN b;\n--changeset ann:2 runInTransaction:false\nALTER TABLE t ADD COLUMN c int;\nCOMMIT;\n--rollback ALTER TABLE t DROP COLUMN c;\n",
      errors: [
        { messageId: "unclosed", line: 3, column: 1 },
        { messageId: "nothingOpen", data: { verb: "COMMIT" }, line: 8, column: 1 },
      ],
    },
    {
      name: "BEGIN while a transaction is open, COMMIT and ROLLBACK with none open",
      filename: "db/migrations/000003_x.up.sql",
      code: "BEGIN;\nALTER TABLE t ADD COLUMN a int;\nBEGIN;\nALTER TABLE t ADD COLUMN b int;\nCOMMIT;\nCOMMIT;\nROLLBACK;",
      errors: [
        { messageId: "beginInOpen", data: { line: 1 }, line: 3, column: 1 },
        { messageId: "nothingOpen", data: { verb: "COMMIT" }, line: 6, column: 1 },
        { messageId: "nothingOpen", data: { verb: "ROLLBACK" }, line: 7, column: 1 },
      ],
    },
  ],
});
