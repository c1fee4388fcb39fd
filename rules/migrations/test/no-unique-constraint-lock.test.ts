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
        { messageId: "uniqueLock", data: { kind: "UNIQUE", name: "(handle)", table: "users" }, line: 1, column: 1 },
        {
          messageId: "uniqueLock",
          data: { kind: "PRIMARY KEY", name: "(id)", table: "legacy" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "an unnamed constraint is named by the columns it was written with",
      filename: "migrations/postgresql/2022-03-02-210038_update_devices_primary_key/up.sql",
      code: "ALTER TABLE devices ADD PRIMARY KEY (uuid,\n  user_uuid);",
      errors: [
        {
          message:
            "Adding PRIMARY KEY (uuid, user_uuid) to devices builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.",
          line: 1,
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
          data: { kind: "PRIMARY KEY", name: "(uuid, user_uuid)", table: "devices" },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
