import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-unique-constraint-lock", {
  valid: [
    {
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;",
    },
    {
      name: "PRIMARY KEY USING INDEX",
      filename: "db/migrations/000003_x.up.sql",
      code: "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000004_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t ADD PRIMARY KEY (id);",
    },
  ],
  invalid: [
    {
      name: "UNIQUE and SERIAL PRIMARY KEY written inline in ADD COLUMN",
      filename: "db/migrations/000033_inline.up.sql",
      code: "ALTER TABLE users ADD COLUMN handle text UNIQUE;\nALTER TABLE legacy ADD COLUMN id serial PRIMARY KEY;",
      errors: [
        { messageId: "uniqueLock", data: { kind: "UNIQUE", name: "(unnamed)", table: "users" }, line: 1, column: 1 },
        {
          messageId: "uniqueLock",
          data: { kind: "PRIMARY KEY", name: "(unnamed)", table: "legacy" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      filename: "db/migrations/000005_x.up.sql",
      code: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
      errors: [
        {
          messageId: "uniqueLock",
          data: { kind: "UNIQUE", name: "users_email_key", table: "users" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE devices ADD PRIMARY KEY (uuid, user_uuid);",
      errors: [
        {
          messageId: "uniqueLock",
          data: { kind: "PRIMARY KEY", name: "(unnamed)", table: "devices" },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
