// The migrations model every rule of the pack reads: a migration file, its up/down sections and
// its statements normalised into operations, whatever the framework or dialect.
import type { OffsetRange, SqlDialect, SqlStatement } from "@deploylint/core/rule-api";

export type Framework =
  | "golang-migrate"
  | "dbmate"
  | "goose"
  | "diesel"
  | "prisma"
  | "flyway"
  | "liquibase"
  | "sqitch"
  | "drizzle"
  | "atlas"
  | "knex"
  | "typeorm"
  | "node-pg-migrate"
  | "sequelize"
  /** TypeScript or JavaScript up/down functions running SQL built with a tag (logto's slonik alterations). */
  | "tagged-sql"
  | "plain";
export type Direction = "up" | "down";

/** A part of the file run in one direction (the whole file, a dbmate/goose section, a Liquibase changeset). */
export interface Section {
  direction: Direction;
  range: OffsetRange;
  /** Whether the framework wraps the section in a transaction; null when it cannot be known. */
  transactional: boolean | null;
  /** A Liquibase changeset: applied, committed and rolled back on its own. */
  changeset?: Changeset;
}

/**
 * What a Liquibase changeset says about its rollback: `--rollback <sql>` lines, none at all, or
 * `--rollback not required` / `--rollback empty` (nothing to undo, by the author's word).
 */
export type RollbackKind = "written" | "missing" | "notRequired";

export interface Changeset {
  /** `author:id`, as the `--changeset` line writes it. */
  id: string;
  rollback: RollbackKind;
  /** Where the changeset's first rollback line starts, or null without one. */
  rollbackStart: number | null;
}

export interface OperationBase {
  section: Direction;
  /** The statement's range: where a finding about the operation points. */
  range: OffsetRange;
  statementIndex: number;
  /** The statement's kind (see SqlStatement.kind). */
  statementKind: string;
  /** The sql-parser-cst node of the statement or its action, or null when it did not parse. */
  node: unknown | null;
}

/** A column as a CREATE TABLE or ADD COLUMN declares it. */
export interface ColumnSpec {
  column: string;
  /** The type as written (`varchar(255)`, `timestamp without time zone`), or "" when absent (SQLite). */
  dataType: string;
  notNull: boolean;
  /** The DEFAULT expression as written, or null. */
  defaultExpr: string | null;
  /** GENERATED … STORED / VIRTUAL, GENERATED … AS IDENTITY, AUTO_INCREMENT / AUTOINCREMENT. */
  generated: "stored" | "virtual" | "identity" | null;
  primaryKey: boolean;
  /** An inline REFERENCES clause. */
  references: boolean;
}

export type ConstraintKind = "foreign_key" | "check" | "unique" | "primary_key" | "exclude" | "other";

export type MaintenanceVerb = "vacuum" | "cluster" | "reindex" | "lock_table" | "detach_partition" | "optimize_table";

export type OperationDetail =
  | { type: "create_table"; table: string; columns: ColumnSpec[]; asSelect: boolean }
  | { type: "drop_table"; table: string }
  | { type: "truncate"; table: string }
  | { type: "rename_table"; table: string; to: string }
  | ({ type: "add_column"; table: string; hasDefault: boolean } & ColumnSpec)
  | { type: "drop_column"; table: string; column: string }
  | { type: "rename_column"; table: string; column: string; to: string }
  | {
      type: "alter_column_type";
      table: string;
      column: string;
      dataType: string;
      notNull: boolean | null;
      /** PostgreSQL's USING expression as written, when the statement gives one. */
      using?: string;
    }
  | { type: "set_not_null"; table: string; column: string }
  | {
      type: "add_constraint";
      table: string;
      name: string | null;
      kind: ConstraintKind;
      notValid: boolean;
      usingIndex: boolean;
      /** The CHECK expression or the column list, as written. */
      body: string;
      /** The constrained columns (a CHECK: the columns its expression names), when the reader knows them. */
      keyColumns?: string[];
    }
  | { type: "validate_constraint"; table: string; name: string }
  | { type: "drop_constraint"; table: string; name: string }
  | {
      type: "create_index";
      table: string;
      name: string | null;
      concurrently: boolean;
      unique: boolean;
      /** MySQL `ALGORITHM=INPLACE` / `LOCK=NONE` given for the statement. */
      online: boolean;
      /** The indexed columns (`expr` for an expression, as PostgreSQL names it), when the reader knows them. */
      keyColumns?: string[];
      /** Every column the index depends on (expressions, INCLUDE, the WHERE predicate), when known. */
      dependsOn?: string[];
    }
  | { type: "drop_index"; table: string; name: string; concurrently: boolean }
  | { type: "create_schema"; name: string }
  | { type: "drop_schema"; name: string }
  | { type: "drop_database"; name: string }
  | { type: "create_type"; name: string }
  | { type: "rename_type"; name: string; to: string }
  | { type: "drop_type"; name: string }
  | {
      type: "dml";
      verb: "insert" | "update" | "delete" | "merge";
      table: string;
      hasWhere: boolean;
      /** A LIMIT, a keyed range or a batch loop bounds the rows one statement touches. */
      batched: boolean;
    }
  | { type: "maintenance"; verb: MaintenanceVerb; table: string; full: boolean; concurrently: boolean }
  | { type: "transaction"; verb: "begin" | "commit" | "rollback" }
  | { type: "set"; name: string; value: string }
  | {
      /** MySQL ALTER TABLE options that choose how the table is changed. */
      type: "table_options";
      table: string;
      algorithm: string | null;
      lock: string | null;
    }
  | { type: "other"; kind: string };

export type Operation = OperationBase & OperationDetail;
export type OperationType = Operation["type"];
export type OperationOf<T extends OperationType> = Extract<Operation, { type: T }>;

export interface MigrationFile {
  framework: Framework;
  /** The version from the file or folder name (timestamp or sequence), or null. */
  version: string | null;
  name: string;
  /** What the file holds: one direction, or both (dbmate, goose, Liquibase). */
  direction: Direction | "both";
  sections: Section[];
  /** A Liquibase `--rollback not required` or sqitch verify script: nothing to pair. */
  downNotRequired?: boolean;
}

export interface Migration extends MigrationFile {
  file: string;
  dialect: SqlDialect;
  /** Whether the up section runs in a transaction the framework opens. */
  transactional: boolean | null;
  up: Operation[];
  /** Null when this file has no down (it may live in a sibling file). */
  down: Operation[] | null;
  statements: SqlStatement[];
}
