// @deploylint/rules-migrations: rules for database migrations, over one model of every framework and dialect.
import { definePack, uncheckedDialectOfPath } from "@deploylint/core/rule-api";
import migrationExtractor from "./extractors/migration.js";
import { frameworkDialect, isMigrationPath, migrationSettings } from "./model/index.js";
import downReversesUp from "./rules/down-reverses-up.js";
import noBlockingMaintenance from "./rules/no-blocking-maintenance.js";
import noColumnTypeChange from "./rules/no-column-type-change.js";
import noConcurrentInTransaction from "./rules/no-concurrent-in-transaction.js";
import noDropColumn from "./rules/no-drop-column.js";
import noDropSchema from "./rules/no-drop-schema.js";
import noDropTable from "./rules/no-drop-table.js";
import noEmptyDown from "./rules/no-empty-down.js";
import noMixedSchemaAndData from "./rules/no-mixed-schema-and-data.js";
import noModifiedMigration from "./rules/no-modified-migration.js";
import noRenameColumn from "./rules/no-rename-column.js";
import noRenameTable from "./rules/no-rename-table.js";
import noRequiredColumnWithoutDefault from "./rules/no-required-column-without-default.js";
import noSetNotNull from "./rules/no-set-not-null.js";
import noTableRewrite from "./rules/no-table-rewrite.js";
import noTransactionNesting from "./rules/no-transaction-nesting.js";
import noUnbatchedBackfill from "./rules/no-unbatched-backfill.js";
import noUniqueConstraintLock from "./rules/no-unique-constraint-lock.js";
import orderedVersions from "./rules/ordered-versions.js";
import parseError from "./rules/parse-error.js";
import preferBigint from "./rules/prefer-bigint.js";
import preferIdentity from "./rules/prefer-identity.js";
import preferJsonb from "./rules/prefer-jsonb.js";
import preferText from "./rules/prefer-text.js";
import preferTimestamptz from "./rules/prefer-timestamptz.js";
import requireConcurrentIndex from "./rules/require-concurrent-index.js";
import requireConcurrentIndexDrop from "./rules/require-concurrent-index-drop.js";
import requireDown from "./rules/require-down.js";
import requireLockTimeout from "./rules/require-lock-timeout.js";
import requireNotValidConstraint from "./rules/require-not-valid-constraint.js";
import separateSchemaDeploy from "./rules/separate-schema-deploy.js";
import uniqueVersion from "./rules/unique-version.js";
import { migrationsSettingsSchema } from "./settings-schema.js";

const MIGRATION_FILE = /\.(sql|[cm]?[jt]sx?)$/i;

export { type Detected, detectMigrationOf, detectMigrations, type MigrationRoot } from "./detect/index.js";
export { FRAMEWORKS_WITH_DOWN } from "./model/frameworks-with-down.js";
export type { Migration, MigrationFact, Operation } from "./model/index.js";
export {
  downReversesUp,
  migrationExtractor,
  noBlockingMaintenance,
  noColumnTypeChange,
  noConcurrentInTransaction,
  noDropColumn,
  noDropSchema,
  noDropTable,
  noEmptyDown,
  noMixedSchemaAndData,
  noModifiedMigration,
  noRenameColumn,
  noRenameTable,
  noRequiredColumnWithoutDefault,
  noSetNotNull,
  noTableRewrite,
  noTransactionNesting,
  noUnbatchedBackfill,
  noUniqueConstraintLock,
  orderedVersions,
  parseError,
  preferBigint,
  preferIdentity,
  preferJsonb,
  preferText,
  preferTimestamptz,
  requireConcurrentIndex,
  requireConcurrentIndexDrop,
  requireDown,
  requireLockTimeout,
  requireNotValidConstraint,
  separateSchemaDeploy,
  uniqueVersion,
};

export default definePack({
  name: "migrations",
  settingsSchema: { migrations: migrationsSettingsSchema },
  rules: [
    downReversesUp,
    noBlockingMaintenance,
    noColumnTypeChange,
    noConcurrentInTransaction,
    noDropColumn,
    noDropSchema,
    noDropTable,
    noEmptyDown,
    noMixedSchemaAndData,
    noModifiedMigration,
    noRenameColumn,
    noRenameTable,
    noRequiredColumnWithoutDefault,
    noSetNotNull,
    noTableRewrite,
    noTransactionNesting,
    noUnbatchedBackfill,
    noUniqueConstraintLock,
    orderedVersions,
    parseError,
    preferBigint,
    preferIdentity,
    preferJsonb,
    preferText,
    preferTimestamptz,
    requireConcurrentIndex,
    requireConcurrentIndexDrop,
    requireDown,
    requireLockTimeout,
    requireNotValidConstraint,
    separateSchemaDeploy,
    uniqueVersion,
  ],
  extractors: [migrationExtractor],
  sqlDialect: frameworkDialect,
  // What the model treats as a migration: SQL and ORM scripts under the configured (or conventional)
  // folders, except those of a dialect the pack knowingly leaves alone (configured, or by folder):
  // one that cannot be read is then no gate that failed to look.
  owns: (path, settings) => {
    const config = migrationSettings(settings);
    return (
      MIGRATION_FILE.test(path) &&
      isMigrationPath(path, config.paths) &&
      uncheckedDialectOfPath(path, config.dialect) === null
    );
  },
});
