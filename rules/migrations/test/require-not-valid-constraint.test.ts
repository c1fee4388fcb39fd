import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-not-valid-constraint", {
  valid: [
    {
      name: "an inline foreign key on a table created in the same migration",
      filename: "db/migrations/000032_inline.up.sql",
      code: "CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE t ADD COLUMN user_id bigint REFERENCES users (id);",
    },
    {
      filename: "db/migrations/20260105120000_fk.sql",
      code: "-- migrate:up\nALTER TABLE invoices ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\n\n-- migrate:down\nALTER TABLE invoices DROP CONSTRAINT invoices_account_id_fkey;\n",
    },
    {
      name: "VALIDATE in its own migration",
      filename: "db/migrations/20260106120000_validate.sql",
      code: "-- migrate:up\nALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_id_fkey;\n\n-- migrate:down\n-- nothing to undo\n",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000007_x.up.sql",
      code: "CREATE TABLE c (id int, p int);\nALTER TABLE c ADD CONSTRAINT c_p CHECK (p > 0);",
    },
    {
      name: "add NOT VALID and validate with no transaction around them",
      filename: "migrations/0007_fk.sql",
      code: "ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES c (id) NOT VALID;\nALTER TABLE o VALIDATE CONSTRAINT fk;",
    },
    {
      name: "MySQL",
      filename: "db/migrations/mysql/000007_x.up.sql",
      code: "ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES c (id);",
    },
  ],
  invalid: [
    {
      name: "a foreign key and a CHECK written inline in ADD COLUMN",
      filename: "db/migrations/000031_inline.up.sql",
      code: "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id) ON DELETE SET NULL;\nALTER TABLE orders ADD COLUMN qty int CONSTRAINT orders_qty_positive CHECK (qty > 0) NOT NULL DEFAULT 1;",
      errors: [
        {
          messageId: "notValid",
          message:
            "Adding foreign key (user_id) to orders checks every existing row while holding a SHARE ROW EXCLUSIVE lock on it and on the table it references, blocking writes to both.",
          line: 1,
          column: 1,
        },
        {
          messageId: "notValid",
          message:
            "Adding check constraint orders_qty_positive to orders checks every existing row while holding an ACCESS EXCLUSIVE lock on it, blocking reads and writes.",
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "an unnamed foreign key is named by its columns",
      filename: "db/migrations/000007_x.up.sql",
      code: "ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);",
      errors: [
        {
          message:
            "Adding foreign key (coupon_id) to orders checks every existing row while holding a SHARE ROW EXCLUSIVE lock on it and on the table it references, blocking writes to both.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      filename: "db/migrations/000007_coupons.up.sql",
      code: "CREATE TABLE coupons (id bigint PRIMARY KEY);\nALTER TABLE orders ADD COLUMN coupon_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons (id);",
      errors: [
        {
          messageId: "notValid",
          data: {
            kind: "foreign key",
            name: "orders_coupon_id_fkey",
            table: "orders",
            lock: "a SHARE ROW EXCLUSIVE lock on it and on the table it references, blocking writes to both",
          },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "a CHECK constraint",
      filename: "db/migrations/000008_x.up.sql",
      code: "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0);",
      errors: [
        {
          messageId: "notValid",
          data: {
            kind: "check constraint",
            name: "total_positive",
            table: "orders",
            lock: "an ACCESS EXCLUSIVE lock on it, blocking reads and writes",
          },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "VALIDATE in the transaction of the ADD",
      filename: "db/migrations/00009_fk.sql",
      code: "-- +goose Up\nALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES c (id) NOT VALID;\nALTER TABLE o VALIDATE CONSTRAINT fk;\n",
      errors: [{ messageId: "validateSameTransaction", data: { name: "fk" }, line: 3, column: 1 }],
    },
  ],
});
