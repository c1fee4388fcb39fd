// The migrations model, shared by the rules of the pack.
export { buildMigration, MODEL_KEY, type ModelContext, migrationOf, migrationSettings, tablesCreatedBefore } from "./model.js";
export { detectMigrationFile } from "./migration-file.js";
export { statementOperations } from "./operations.js";
export { globToRegExp, isMigrationPath } from "./paths.js";
export type * from "./types.js";
