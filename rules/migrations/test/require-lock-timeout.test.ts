import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-lock-timeout", {
  valid: [
    {
      filename: "db/migrations/000001_x.up.sql",
      code: "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN plan text;",
    },
    {
      name: "SET LOCAL",
      filename: "db/migrations/000002_x.up.sql",
      code: "SET LOCAL lock_timeout TO '2s';\nALTER TABLE users DROP COLUMN a;",
    },
    {
      name: "a new table",
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;",
    },
    {
      name: "CREATE INDEX CONCURRENTLY takes no exclusive lock",
      filename: "db/migrations/000004_x.up.sql",
      code: "CREATE INDEX CONCURRENTLY i ON t (a);",
    },
    {
      name: "MySQL",
      filename: "db/migrations/mysql/000005_x.up.sql",
      code: "SET SESSION lock_wait_timeout = 5;\nALTER TABLE t ADD COLUMN a int;",
    },
    {
      name: "set_config('lock_timeout', …) sets the same setting",
      filename: "db/migrations/000008_x.up.sql",
      code: "SELECT set_config('lock_timeout', '5s', false);\nALTER TABLE users DROP COLUMN a;",
    },
    {
      name: "SQLite",
      filename: "migrations/sqlite/2024-01-01-000000_x/up.sql",
      code: "ALTER TABLE t ADD COLUMN a int;",
    },
  ],
  invalid: [
    {
      name: "one finding per migration, at the first locking statement",
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users DROP COLUMN legacy;",
      errors: [
        {
          messageId: "noLockTimeout",
          data: { table: "users", setting: "lock_timeout" },
          help: "Start the migration with SET lock_timeout = '5s' and retry the deploy when it times out.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a timeout set after the statement is too late",
      filename: "db/migrations/mysql/000007_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN a int;\nSET SESSION lock_wait_timeout = 5;",
      errors: [
        {
          messageId: "noLockTimeout",
          data: { table: "t", setting: "lock_wait_timeout" },
          help: "Start the migration with SET SESSION lock_wait_timeout = 5 and retry the deploy when it times out.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a custom setting whose name ends in lock_timeout is not PostgreSQL's lock_timeout",
      filename: "db/migrations/000009_x.up.sql",
      code: "SET myapp.lock_timeout = '5s';\nSET foo.lock_timeout TO '1s';\nALTER TABLE users DROP COLUMN a;",
      errors: [{ messageId: "noLockTimeout", data: { table: "users", setting: "lock_timeout" }, line: 3, column: 1 }],
    },
    {
      name: "set_config of a custom setting is not a lock timeout",
      filename: "db/migrations/000010_x.up.sql",
      code: "SELECT set_config('myapp.lock_timeout', '5s', false);\nALTER TABLE users DROP COLUMN a;",
      errors: [{ messageId: "noLockTimeout", data: { table: "users", setting: "lock_timeout" }, line: 2, column: 1 }],
    },
  ],
});
