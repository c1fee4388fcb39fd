// How to run a PostgreSQL statement outside a transaction in each framework: the help of every rule
// that asks for CONCURRENTLY names the framework's own switch, or says plainly that there is none.
import { sendsAsOneQuery } from "./migration-file.js";
import type { Framework } from "./types.js";

/** Each framework's switch for running one migration outside its transaction. */
export const OUTSIDE_TRANSACTION_SWITCH: Partial<Record<Framework, string>> = {
  goose: "add `-- +goose NO TRANSACTION` to the file",
  dbmate: "write `-- migrate:up transaction:false`",
  diesel: "set `run_in_transaction = false` in the migration's metadata.toml",
  flyway:
    "move the statement into a migration of its own (Flyway runs such a file outside a transaction), or set `executeInTransaction=false` in a `<script>.sql.conf` beside it",
  liquibase: "set `runInTransaction:false` on the changeset",
  atlas: "add `-- atlas:txmode none` to the file",
  drizzle: "run the statement outside drizzle's migrator (its migrations always share one transaction)",
  knex: "export `config = { transaction: false }` from the migration",
  typeorm: "set `transaction = false` on the migration class",
  "node-pg-migrate": "call `pgm.noTransaction()` in the up",
};

/**
 * Where to put a statement that must run outside a transaction (`statement` as SQL, e.g.
 * "CREATE INDEX CONCURRENTLY"), for a migration of this framework: a sentence for a finding's help.
 */
export function outsideTransactionHelp(framework: Framework, statement: string): string {
  if (framework === "prisma") {
    return `Prisma has no switch to run a migration outside a transaction, but it sends a file of one statement on its own: make ${statement} the only statement of a new migration (\`prisma migrate dev --create-only\`, then edit its migration.sql).`;
  }
  if (sendsAsOneQuery(framework)) {
    return `Make ${statement} the only statement of a migration file of its own: ${framework} sends a file as one query, which PostgreSQL runs as one transaction.`;
  }
  const toggle = OUTSIDE_TRANSACTION_SWITCH[framework];
  if (toggle !== undefined) return `Use ${statement} in a migration of its own and ${toggle}.`;
  return `Use ${statement} in a migration of its own that runs outside a transaction.`;
}
