// The migrations model, shared by the rules of the pack.

export { ColumnTypes, TypesRestoredByDown, typeKey } from "./column-types.js";
export { constraintLabel } from "./constraint-label.js";
export { compareTypes, parseDataType, typeName } from "./data-types.js";
export { type DeclaredColumn, declaredColumns } from "./declared-columns.js";
export {
  engineDefaultName,
  knexDefaultName,
  postgresDefaultName,
  sequelizeDefaultName,
  typeormDefaultName,
  type Unnamed,
} from "./default-names.js";
export { frameworkDialect } from "./dialect-hint.js";
export { docsUrl, isMysql, isPostgres } from "./dialects.js";
export { downAnchor, type StatementLocation } from "./down-anchor.js";
export { EmptiedTables } from "./emptied-tables.js";
export { MIGRATION_FACT, type MigrationFact, migrationFact, type OperationFact, type SectionFact } from "./facts.js";
export { isHistory, startAfterOf } from "./history.js";
export { type Irreversible, irreversibleDown } from "./irreversible.js";
export { detectMigrationFile, FRAMEWORKS, sendsAsOneQuery } from "./migration-file.js";
export {
  buildMigration,
  MIGRATION_FILES,
  MODEL_KEY,
  type ModelContext,
  mayBeMigration,
  migrationOf,
  migrationSettings,
  migrationToCheck,
} from "./model.js";
export { statementOperations } from "./operations.js";
export { buildScriptMigration, DYNAMIC, type OrmFramework } from "./orm/index.js";
export { OUTSIDE_TRANSACTION_SWITCH, outsideTransactionHelp } from "./outside-transaction.js";
export { DEFAULT_FOLDERS, globToRegExp, isMigrationPath } from "./paths.js";
export {
  byVersion,
  changesetsOf,
  doesNothing,
  groupMigrations,
  irreversibleReason,
  isUndoable,
  type MigrationGroup,
  onlyIrreversibleChanges,
} from "./project.js";
export { indexesInside, type Ranged, rangeFinder } from "./ranges.js";
export { rebuildOperations } from "./rebuild.js";
export { type Naming, type Unreversed, unreversed } from "./reversal.js";
export { existingTableOperations, type JudgedOperation, upOperations } from "./scope.js";
export { byStatement, nameList } from "./statement-groups.js";
export { cannotRunInTransaction, type TransactionOwner, upTransactions } from "./transactions.js";
export type * from "./types.js";
export { DownIndex, rebuiltTables, type UndoRequirement, undoRequirement } from "./undo.js";
export {
  calledFunctions,
  callsVolatile,
  declaredFunction,
  functionsDeclaredIn,
  isVolatileDefault,
  type Volatility,
  withoutLiterals,
} from "./volatile.js";
