// Names and guards for the throwaway database verify creates on a real server.
import { randomBytes } from "node:crypto";

export const THROWAWAY_PREFIX = "deploylint_verify_";

export function throwawayName(): string {
  return `${THROWAWAY_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
}

/** Refusal to work on a server whose named database already holds tables. */
export class NonEmptyDatabaseError extends Error {
  constructor(database: string, tables: number) {
    super(
      `The database ${database} holds ${tables} table(s): verify creates and drops a throwaway database next to it, and refuses to run against a server that looks like it holds real data. Point --database-url at an empty database, or pass --allow-nonempty.`,
    );
  }
}
