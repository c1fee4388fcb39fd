// The migrations model, shared by the rules of the pack.

export { detectMigrationFile } from "./migration-file.js";
export {
  buildMigration,
  MODEL_KEY,
  type ModelContext,
  migrationOf,
  migrationSettings,
  tablesCreatedBefore,
} from "./model.js";
export { statementOperations } from "./operations.js";
export { globToRegExp, isMigrationPath } from "./paths.js";
export type * from "./types.js";
