// The migrations model every rule of the pack reads: a migration file, its up/down sections and
// its statements normalised into operations, whatever the framework or dialect.
import type { OffsetRange, SqlDialect, SqlStatement } from "@deploylint/core/rule-api";

export type Framework = "golang-migrate" | "dbmate" | "goose" | "diesel" | "prisma" | "flyway" | "plain";
export type Direction = "up" | "down";

/** A part of the file run in one direction (the whole file, or a dbmate/goose section). */
export interface Section {
  direction: Direction;
  range: OffsetRange;
  /** Whether the framework wraps the section in a transaction; null when it cannot be known. */
  transactional: boolean | null;
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

export type OperationDetail =
  | { type: "create_table"; table: string }
  | { type: "drop_table"; table: string }
  | { type: "truncate"; table: string }
  | { type: "rename_table"; table: string; to: string }
  | { type: "add_column"; table: string; column: string; notNull: boolean; hasDefault: boolean }
  | { type: "drop_column"; table: string; column: string }
  | { type: "rename_column"; table: string; column: string; to: string }
  | { type: "alter_column_type"; table: string; column: string; dataType: string }
  | { type: "create_index"; table: string; name: string | null; concurrently: boolean; unique: boolean }
  | { type: "dml"; verb: "insert" | "update" | "delete" | "merge"; table: string; hasWhere: boolean }
  | { type: "other"; kind: string };

export type Operation = OperationBase & OperationDetail;
export type OperationType = Operation["type"];

export interface MigrationFile {
  framework: Framework;
  /** The version from the file or folder name (timestamp or sequence), or null. */
  version: string | null;
  name: string;
  /** What the file holds: one direction, or both (dbmate, goose). */
  direction: Direction | "both";
  sections: Section[];
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
