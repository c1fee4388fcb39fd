// The refusal when verify finds no migration to run: a gate that ran nothing must not pass, and the
// message says where it looked so the user can point it at the right place.
import { DEFAULT_FOLDERS } from "@deploylint/rules-migrations/model";
import type { DiscoverySearch } from "./discover.js";

export class NothingToVerifyError extends Error {}

const SHOWN = 3;

function list(items: string[]): string {
  const shown = items.slice(0, SHOWN).join(", ");
  return items.length > SHOWN ? `${shown}, … (${items.length} in all)` : shown;
}

/** One line: where verify looked, what it found there, and what to do. */
export function nothingToVerify(searched: DiscoverySearch): NothingToVerifyError {
  const where =
    searched.paths === null
      ? `in folders named ${[...DEFAULT_FOLDERS].join(", ")} (the conventions of golang-migrate, goose, dbmate, Flyway, Liquibase, sqitch, Prisma, Drizzle, diesel and Rails-style SQL), as settings.migrations.paths is not set`
      : `under settings.migrations.paths (${searched.paths.join(", ")})`;
  const found =
    searched.sqlFiles > 0
      ? `; its ${searched.sqlFiles} .sql file(s) there hold no up migration it can run`
      : searched.otherFiles.length > 0
        ? `; the files there are not SQL (${list(searched.otherFiles)}), and verify runs SQL migrations only`
        : "";
  return new NothingToVerifyError(
    `no SQL migrations to verify: looked for .sql files ${where}${found}. Set settings.migrations.paths to the folder that holds them.`,
  );
}
