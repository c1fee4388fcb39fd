// Frameworks whose migrations carry a down: a sibling file, a section, a changeset's rollback.
// require-down judges these, and `deploylint strategy` offers a down migration as a rollback step
// only for them (for the others, undoing a schema change is a new forward migration).
import type { Framework } from "./types.js";

// Typed by name so callers holding a plain string (a detected folder's framework) can ask too.
export const FRAMEWORKS_WITH_DOWN: ReadonlySet<string> = new Set<Framework>([
  "golang-migrate",
  "goose",
  "dbmate",
  "diesel",
  "liquibase",
  "sqitch",
  "knex",
  "typeorm",
  "node-pg-migrate",
  "sequelize",
]);
