// Turns statements into normalised operations. The parser's tree gives names and action boundaries
// where it understood the statement (sql-parser-cst's here, PostgreSQL's own in pg-operations.ts);
// every clause is then read by the same text readers, so a parser gap of one dialect never hides or
// changes an operation.
import type { SqlStatement } from "@deploylint/core/rule-api";
import { alterActionOperations } from "./alter-actions-text.js";
import { isNode, listItems, nameOf } from "./names.js";
import { createIndex, isBatched, textOperations, withTableOptions } from "./operations-text.js";
import { isPgRawStmt, pgOperations } from "./pg-operations.js";
import type { Direction, Operation, OperationBase, OperationDetail } from "./types.js";

type Node = Record<string, unknown>;
type Located = { detail: OperationDetail; node: unknown };

/** The source text of a CST node, using its absolute range. */
function sliceOf(statement: SqlStatement, node: unknown): string {
  if (!isNode(node) || !Array.isArray(node.range)) return "";
  const [start, end] = node.range as [number, number];
  return statement.text.slice(start - statement.range.start, end - statement.range.start);
}

function dmlTarget(cst: Node): { table: string; hasWhere: boolean } {
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

function alterTable(statement: SqlStatement, cst: Node): Located[] {
  const table = nameOf(cst.table) ?? "";
  const located = listItems(cst.actions)
    .filter(isNode)
    .flatMap((action) =>
      alterActionOperations(table, sliceOf(statement, action)).map((detail) => ({ detail, node: action })),
    );
  const details = withTableOptions(
    table,
    statement.text,
    located.map((l) => l.detail),
  );
  return details.map((detail, i) => located[i] ?? { detail, node: cst });
}

/** Operations of a statement the parser understood, each with the node it came from. */
function cstOperations(statement: SqlStatement, cst: Node): Located[] {
  const one = (detail: OperationDetail): Located[] => [{ detail, node: cst }];
  switch (cst.type) {
    case "alter_table_stmt":
      return alterTable(statement, cst);
    case "create_table_stmt": {
      const [fromText] = textOperations(statement);
      if (fromText?.type !== "create_table") break;
      return one({ ...fromText, table: nameOf(cst.name) ?? fromText.table });
    }
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
    case "create_index_stmt": {
      const fromText = createIndex(statement.text);
      if (fromText.type !== "create_index") break;
      return one({
        ...fromText,
        table: nameOf(cst.table) ?? fromText.table,
        name: nameOf(cst.name) ?? fromText.name,
        concurrently: cst.concurrentlyKw !== undefined,
        unique: isNode(cst.indexTypeKw) && cst.indexTypeKw.name === "UNIQUE",
      });
    }
  }
  const verb = DML_VERBS[String(cst.type)];
  if (verb !== undefined) return one({ type: "dml", verb, ...dmlTarget(cst), batched: isBatched(statement.text) });
  return textOperations(statement).map((detail) => ({ detail, node: cst }));
}

/** The operations of one statement in the given section. */
export function statementOperations(
  statement: SqlStatement,
  options: { index: number; section: Direction },
): Operation[] {
  const base = (node: unknown): OperationBase => ({
    section: options.section,
    range: { start: statement.range.start, end: statement.range.end },
    statementIndex: options.index,
    statementKind: statement.kind,
    node,
  });
  // Object.assign, not a spread: spreading details of dozens of shapes fell to V8's slow path, and
  // was a twentieth of hatchet's model. Same keys in the same order.
  if (isPgRawStmt(statement.cst)) {
    return pgOperations(statement, statement.cst).map(
      ({ detail, node }) => Object.assign(base(node), detail) as Operation,
    );
  }
  if (isNode(statement.cst)) {
    return cstOperations(statement, statement.cst).map(
      ({ detail, node }) => Object.assign(base(node), detail) as Operation,
    );
  }
  return textOperations(statement).map((detail) => Object.assign(base(null), detail) as Operation);
}
