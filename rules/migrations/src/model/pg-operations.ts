// The PostgreSQL front end of the operation model: names, statement types and ALTER TABLE action
// boundaries from PostgreSQL's own parse tree (libpg-query), each clause then read by the same text
// readers the sql-parser-cst front end calls. Names in the tree are already unquoted and folded the
// way PostgreSQL resolves them (`"Users"` stays Users, `public.users` is users in schema public).
import type { PgRawStmt, SqlStatement } from "@deploylint/core/rule-api";
import { alterActionOperations } from "./alter-actions-text.js";
import { createIndex, isBatched, textOperations, withTableOptions } from "./operations-text.js";
import { pgActionTexts } from "./pg-actions.js";
import type { OperationDetail } from "./types.js";

type PgNode = Record<string, unknown>;
export type Located = { detail: OperationDetail; node: unknown };

const isObject = (value: unknown): value is PgNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Is this tree libpg-query's (a RawStmt), not sql-parser-cst's? */
export function isPgRawStmt(tree: unknown): tree is PgRawStmt {
  return isObject(tree) && isObject(tree.stmt) && tree.type === undefined;
}

/** The one `{ Type: node }` entry of a libpg-query node. */
function typed(node: unknown): [string, PgNode] | null {
  if (!isObject(node)) return null;
  const [entry] = Object.entries(node);
  return entry !== undefined && isObject(entry[1]) ? [entry[0], entry[1]] : null;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A RangeVar's table name (`relname`). */
function relationName(node: unknown): string {
  return isObject(node) ? text(node.relname) : "";
}

/** The last part of a qualified name given as `[{ String: { sval } }, …]`. */
function lastName(names: unknown): string {
  const last = typed(list(names).at(-1));
  return last?.[0] === "String" ? text(last[1].sval) : "";
}

/** The name a DROP object stands for: a List of Strings, a String, or a TypeName. */
function droppedName(object: unknown): string {
  const found = typed(object);
  if (found === null) return "";
  const [type, node] = found;
  if (type === "List") return lastName(node.items);
  if (type === "String") return text(node.sval);
  if (type === "TypeName") return lastName(node.names);
  return "";
}

/** ALTER TABLE (and RENAME / SET SCHEMA of a table): each action cut exactly, read by the text reader. */
function alterTable(statement: SqlStatement, relation: unknown, commands: unknown[]): Located[] | null {
  const table = relationName(relation);
  const location = isObject(relation) && typeof relation.location === "number" ? relation.location : null;
  const actions = location === null ? null : pgActionTexts(statement.text, location, commands.length);
  if (actions === null) return null;
  const located = actions.flatMap((action, i) =>
    alterActionOperations(table, action).map((detail) => ({ detail, node: commands[i] ?? null })),
  );
  const details = withTableOptions(
    table,
    statement.text,
    located.map((l) => l.detail),
  );
  return details.map((detail, i) => located[i] ?? { detail, node: null });
}

function drop(node: PgNode): OperationDetail[] | null {
  const names = list(node.objects).map(droppedName);
  switch (node.removeType) {
    case "OBJECT_TABLE":
      return names.map((table) => ({ type: "drop_table", table }));
    case "OBJECT_INDEX":
      return names.map((name) => ({ type: "drop_index", table: "", name, concurrently: node.concurrent === true }));
    case "OBJECT_SCHEMA":
      return names.map((name) => ({ type: "drop_schema", name }));
    case "OBJECT_TYPE":
      return names.map((name) => ({ type: "drop_type", name }));
  }
  return null;
}

const DML: Record<string, "insert" | "update" | "delete" | "merge"> = {
  InsertStmt: "insert",
  UpdateStmt: "update",
  DeleteStmt: "delete",
  MergeStmt: "merge",
};

/** The operations of a statement PostgreSQL's grammar parsed; null where the text readers know best. */
function fromTree(statement: SqlStatement, type: string, node: PgNode): Located[] | null {
  const one = (detail: OperationDetail): Located[] => [{ detail, node }];
  const verb = DML[type];
  if (verb !== undefined) {
    // Only the statement's own WHERE: one in a subquery of SET does not bound the rows it changes.
    const hasWhere = (verb === "update" || verb === "delete") && node.whereClause !== undefined;
    return one({ type: "dml", verb, table: relationName(node.relation), hasWhere, batched: isBatched(statement.text) });
  }
  switch (type) {
    case "AlterTableStmt":
      return node.objtype === "OBJECT_TABLE" ? alterTable(statement, node.relation, list(node.cmds)) : null;
    case "RenameStmt":
    case "AlterObjectSchemaStmt":
      // ALTER TABLE t RENAME …, SET SCHEMA …: one action (ALTER INDEX … RENAME is left to the text reader).
      return statement.kind === "alter_table" && isObject(node.relation)
        ? alterTable(statement, node.relation, [node])
        : null;
    case "CreateStmt": {
      const [fromText] = textOperations(statement);
      if (fromText?.type !== "create_table") return null;
      return one({ ...fromText, table: relationName(node.relation) || fromText.table });
    }
    case "IndexStmt": {
      const fromText = createIndex(statement.text);
      if (fromText.type !== "create_index") return null;
      const name = text(node.idxname);
      return one({
        ...fromText,
        table: relationName(node.relation),
        name: name === "" ? null : name,
        concurrently: node.concurrent === true,
        unique: node.unique === true,
      });
    }
    case "DropStmt": {
      const details = drop(node);
      return details === null ? null : details.map((detail) => ({ detail, node }));
    }
    case "TruncateStmt":
      return list(node.relations).map((relation) => ({
        detail: { type: "truncate", table: relationName(typed(relation)?.[1]) },
        node,
      }));
  }
  return null;
}

/** The operations of a statement parsed by libpg-query, each with the node it came from. */
export function pgOperations(statement: SqlStatement, tree: PgRawStmt): Located[] {
  const found = typed(tree.stmt);
  const located = found === null ? null : fromTree(statement, found[0], found[1]);
  if (located !== null) return located;
  return textOperations(statement).map((detail) => ({ detail, node: found?.[1] ?? null }));
}
