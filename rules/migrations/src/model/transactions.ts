// Whether each up operation runs inside a transaction, and whose: one the file opens (BEGIN), one
// the framework wraps the section in, or PostgreSQL's implicit transaction around a multi-statement
// query (golang-migrate and Prisma send a file as one query).
import { sendsAsOneQuery } from "./migration-file.js";
import { rangeFinder } from "./ranges.js";
import type { Migration, Operation, Section } from "./types.js";

export type TransactionOwner = "file" | "framework" | "implicit";

// Statements PostgreSQL refuses inside a transaction block; Flyway runs a file of only such
// statements outside a transaction on its own.
export function cannotRunInTransaction(operation: Operation): boolean {
  switch (operation.type) {
    case "create_index":
    case "drop_index":
      return operation.concurrently;
    case "maintenance":
      return (
        (operation.verb === "reindex" && operation.concurrently) ||
        (operation.verb === "detach_partition" && operation.concurrently) ||
        operation.verb === "vacuum"
      );
    default:
      return false;
  }
}

// Whether the framework wraps the up section holding an operation: a Liquibase file holds several
// changesets, each with its own runInTransaction; other frameworks have one up section per file.
function sectionWraps(migration: Migration, section: Section | undefined): boolean {
  return (section?.transactional ?? migration.transactional) === true;
}

function frameworkWraps(migration: Migration): boolean {
  if (migration.transactional !== true) return false;
  if (migration.framework === "flyway") {
    const statements = new Set(migration.up.map((op) => op.statementIndex));
    const outside = migration.up.filter(cannotRunInTransaction).map((op) => op.statementIndex);
    return !(outside.length > 0 && new Set(outside).size === statements.size);
  }
  return true;
}

/** For each up operation (same order as migration.up), who holds the transaction it runs in, or null. */
export function upTransactions(migration: Migration): (TransactionOwner | null)[] {
  const wrapped = frameworkWraps(migration);
  const perSection = migration.framework === "liquibase";
  const statementCount = new Set(migration.up.map((op) => op.statementIndex)).size;
  const implicit = migration.dialect === "postgresql" && sendsAsOneQuery(migration.framework) && statementCount > 1;
  const upSectionAt = rangeFinder(migration.sections.filter((s) => s.direction === "up"));
  let open = false;
  let section: Section | undefined;
  return migration.up.map((operation) => {
    // Liquibase runs each changeset on its own: a BEGIN left open does not reach the next one.
    if (perSection) {
      const current = upSectionAt(operation.range.start);
      if (current !== section) open = false;
      section = current;
    }
    if (operation.type === "transaction") {
      open = operation.verb === "begin";
      return null;
    }
    if (open) return "file";
    if (perSection ? sectionWraps(migration, section) : wrapped) return "framework";
    return implicit ? "implicit" : null;
  });
}
