// Turns parsed statements into normalised operations; statements the parser rejected go through
// the text fallback, so a dialect gap of the parser does not hide an operation.
import type { OffsetRange, SqlStatement } from "@deploylint/core/rule-api";
import { isNode, listItems, nameOf } from "./names.js";
import { textOperations } from "./operations-text.js";
import type { Direction, Operation, OperationBase, OperationDetail } from "./types.js";

type Node = Record<string, unknown>;

/** The source text of a CST node, using its absolute range. */
function sliceOf(statement: SqlStatement, node: unknown): string {
  if (!isNode(node) || !Array.isArray(node.range)) return "";
  const [start, end] = node.range as [number, number];
  return statement.text.slice(start - statement.range.start, end - statement.range.start);
}

function hasConstraint(column: Node, type: string): boolean {
  const constraints = Array.isArray(column.constraints) ? column.constraints : [];
  return constraints.some((constraint) => isNode(constraint) && constraint.type === type);
}

function alterAction(statement: SqlStatement, table: string, action: Node): OperationDetail[] {
  switch (action.type) {
    case "alter_action_add_column": {
      const column = isNode(action.column) ? action.column : {};
      return [
        {
          type: "add_column",
          table,
          column: nameOf(column.name) ?? "",
          notNull: hasConstraint(column, "constraint_not_null") || hasConstraint(column, "constraint_primary_key"),
          hasDefault: hasConstraint(column, "constraint_default"),
        },
      ];
    }
    case "alter_action_drop_column":
      return [{ type: "drop_column", table, column: nameOf(action.column) ?? "" }];
    case "alter_action_rename_column":
      return [{ type: "rename_column", table, column: nameOf(action.oldName) ?? "", to: nameOf(action.newName) ?? "" }];
    case "alter_action_rename":
      return [{ type: "rename_table", table, to: nameOf(action.newName) ?? "" }];
    case "alter_action_alter_column": {
      const inner = isNode(action.action) ? action.action : {};
      if (inner.type !== "alter_action_set_data_type") break;
      const dataType = sliceOf(statement, inner.dataType);
      return [{ type: "alter_column_type", table, column: nameOf(action.column) ?? "", dataType }];
    }
  }
  return [{ type: "other", kind: String(action.type ?? "alter_table") }];
}

function dmlTable(cst: Node): { table: string; hasWhere: boolean } {
  const clauses = Array.isArray(cst.clauses) ? cst.clauses.filter(isNode) : [];
  let table = "";
  for (const clause of clauses) {
    const target = clause.table ?? listItems(clause.tables)[0];
    if (table === "" && target !== undefined) table = nameOf(target) ?? "";
  }
  return { table, hasWhere: clauses.some((clause) => clause.type === "where_clause") };
}

const DML_VERBS: Record<string, "insert" | "update" | "delete" | "merge"> = {
  insert_stmt: "insert",
  update_stmt: "update",
  delete_stmt: "delete",
  merge_stmt: "merge",
};

/** Operations of a statement the parser understood, each with the node it came from. */
function cstOperations(statement: SqlStatement, cst: Node): { detail: OperationDetail; node: unknown }[] {
  const one = (detail: OperationDetail) => [{ detail, node: cst }];
  switch (cst.type) {
    case "create_table_stmt":
      return one({ type: "create_table", table: nameOf(cst.name) ?? "" });
    case "drop_table_stmt":
      return listItems(cst.tables).map((item) => ({
        detail: { type: "drop_table", table: nameOf(item) ?? "" },
        node: cst,
      }));
    case "truncate_stmt":
      return listItems(cst.tables).map((item) => ({
        detail: { type: "truncate", table: nameOf(item) ?? "" },
        node: cst,
      }));
    case "create_index_stmt":
      return one({
        type: "create_index",
        table: nameOf(cst.table) ?? "",
        name: nameOf(cst.name),
        concurrently: cst.concurrentlyKw !== undefined,
        unique: isNode(cst.indexTypeKw) && cst.indexTypeKw.name === "UNIQUE",
      });
    case "alter_table_stmt": {
      const table = nameOf(cst.table) ?? "";
      return listItems(cst.actions)
        .filter(isNode)
        .flatMap((action) => alterAction(statement, table, action).map((detail) => ({ detail, node: action })));
    }
  }
  const verb = DML_VERBS[String(cst.type)];
  if (verb !== undefined) return one({ type: "dml", verb, ...dmlTable(cst) });
  return one({ type: "other", kind: statement.kind });
}

function rangeOf(statement: SqlStatement): OffsetRange {
  return { start: statement.range.start, end: statement.range.end };
}

/** The operations of one statement in the given section. */
export function statementOperations(
  statement: SqlStatement,
  options: { index: number; section: Direction },
): Operation[] {
  const base = (node: unknown): OperationBase => ({
    section: options.section,
    range: rangeOf(statement),
    statementIndex: options.index,
    statementKind: statement.kind,
    node,
  });
  if (isNode(statement.cst)) {
    return cstOperations(statement, statement.cst).map(({ detail, node }) => ({ ...base(node), ...detail }));
  }
  return textOperations(statement).map((detail) => ({ ...base(null), ...detail }));
}
