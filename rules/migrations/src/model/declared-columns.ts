// Every column type an up section declares (CREATE TABLE columns, ADD COLUMN, ALTER … TYPE), for
// the type-choice rules.
import type { OffsetRange } from "@deploylint/core/rule-api";
import { type DataType, parseDataType } from "./data-types.js";
import type { Migration } from "./types.js";

export interface DeclaredColumn {
  table: string;
  column: string;
  /** The type as written. */
  written: string;
  type: DataType;
  range: OffsetRange;
}

export function declaredColumns(migration: Migration): DeclaredColumn[] {
  return migration.up.flatMap((operation): DeclaredColumn[] => {
    const at = (column: string, written: string): DeclaredColumn => ({
      table: "table" in operation ? operation.table : "",
      column,
      written,
      type: parseDataType(written),
      range: operation.range,
    });
    switch (operation.type) {
      case "create_table":
        return operation.columns.filter((c) => c.dataType !== "").map((c) => at(c.column, c.dataType));
      case "add_column":
      case "alter_column_type":
        return operation.dataType === "" ? [] : [at(operation.column, operation.dataType)];
      default:
        return [];
    }
  });
}
