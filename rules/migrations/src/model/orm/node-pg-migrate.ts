// node-pg-migrate migrations: the MigrationBuilder API (`pgm.createTable`, `addColumns`,
// `createIndex(…, { concurrently })`, `pgm.sql`, …) and `pgm.noTransaction()`.
import type { TSESTree } from "@deploylint/core/rule-api";
import type { ColumnSpec, ConstraintKind, OperationDetail } from "../types.js";
import { columnSpec, defaultFromStatic, type SectionOps, statementKindOf } from "./emit.js";
import { firstParam, type Static, staticValue, visitChains } from "./estree.js";

type Options = { [key: string]: Static | undefined };

function asObject(value: Static | undefined): Options | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}

function text(value: Static | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function names(value: Static | undefined): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  const o = asObject(value);
  return o !== null && typeof o.name === "string" ? [o.name] : [];
}

/** A column definition: `"text"`, `"id"` (the serial primary key shorthand) or `{ type, notNull, default, … }`. */
function columnOf(column: string, value: Static | undefined): ColumnSpec | null {
  if (value === "id") return columnSpec(column, "serial", { notNull: true, primaryKey: true });
  if (typeof value === "string") return columnSpec(column, value);
  const o = asObject(value);
  if (o === null) return null;
  const type = text(o.type) ?? "";
  return columnSpec(column, type, {
    notNull: o.notNull === true || o.primaryKey === true,
    defaultExpr: defaultFromStatic(o.default),
    primaryKey: o.primaryKey === true,
    references: o.references !== undefined,
    generated: o.sequenceGenerated !== undefined || o.generated !== undefined ? "identity" : null,
  });
}

function columnsOf(value: Static | undefined): ColumnSpec[] | null {
  const o = asObject(value);
  if (o === null) return null;
  const specs = Object.entries(o).map(([column, spec]) => columnOf(column, spec));
  return specs.some((s) => s === null) ? null : (specs as ColumnSpec[]);
}

function constraintKind(o: Options | null): ConstraintKind {
  if (o === null) return "other";
  if (o.foreignKeys !== undefined) return "foreign_key";
  if (o.check !== undefined) return "check";
  if (o.unique !== undefined) return "unique";
  if (o.primaryKey !== undefined) return "primary_key";
  if (o.exclude !== undefined) return "exclude";
  return "other";
}

function indexName(table: string, columns: Static | undefined, options: Options | null): string {
  return (
    text(options?.name) ?? `${table}_${names(columns).join("_")}_${options?.unique === true ? "unique_index" : "index"}`
  );
}

function map(method: string, values: Static[]): OperationDetail[] | null {
  const table = text(values[0]) ?? text(asObject(values[0])?.name);
  if (table === undefined) return null;
  switch (method) {
    case "createTable": {
      const columns = columnsOf(values[1]);
      return columns === null ? null : [{ type: "create_table", table, columns, asSelect: false }];
    }
    case "dropTable":
      return [{ type: "drop_table", table }];
    case "renameTable":
      return text(values[1]) === undefined ? null : [{ type: "rename_table", table, to: text(values[1]) ?? "" }];
    case "addColumns":
    case "addColumn": {
      const columns = columnsOf(values[1]);
      return columns === null
        ? null
        : columns.map((spec) => ({ type: "add_column", table, hasDefault: spec.defaultExpr !== null, ...spec }));
    }
    case "dropColumns":
    case "dropColumn": {
      const list = names(values[1]);
      const keys = list.length > 0 ? list : Object.keys(asObject(values[1]) ?? {});
      return keys.map((column) => ({ type: "drop_column", table, column }));
    }
    case "renameColumn": {
      const [column, to] = [text(values[1]), text(values[2])];
      return column === undefined || to === undefined ? null : [{ type: "rename_column", table, column, to }];
    }
    case "alterColumn": {
      const column = text(values[1]);
      const o = asObject(values[2]);
      if (column === undefined || o === null) return null;
      const details: OperationDetail[] = [];
      if (typeof o.type === "string") {
        const notNull = o.notNull === true ? true : o.notNull === false ? false : null;
        details.push({ type: "alter_column_type", table, column, dataType: o.type, notNull });
      } else if (o.notNull === true) details.push({ type: "set_not_null", table, column });
      return details.length > 0 ? details : [{ type: "other", kind: "alter_table" }];
    }
    case "createIndex":
    case "addIndex": {
      const o = asObject(values[2]);
      return [
        {
          type: "create_index",
          table,
          name: indexName(table, values[1], o),
          concurrently: o?.concurrently === true,
          unique: o?.unique === true,
          online: false,
        },
      ];
    }
    case "dropIndex": {
      const o = asObject(values[2]);
      return [
        { type: "drop_index", table, name: indexName(table, values[1], o), concurrently: o?.concurrently === true },
      ];
    }
    case "addConstraint":
    case "createConstraint": {
      const o = asObject(values[2]);
      return [
        {
          type: "add_constraint",
          table,
          name: text(values[1]) ?? null,
          kind: constraintKind(o),
          notValid: o?.notValid === true,
          usingIndex: false,
          body: "",
        },
      ];
    }
    case "dropConstraint":
      return [{ type: "drop_constraint", table, name: text(values[1]) ?? "" }];
    case "createType":
    case "addType":
      return [{ type: "create_type", name: table }];
    case "dropType":
      return [{ type: "drop_type", name: table }];
    case "createSchema":
      return [{ type: "create_schema", name: table }];
    case "dropSchema":
      return [{ type: "drop_schema", name: table }];
  }
  return null;
}

// Calls node-pg-migrate can reverse on its own when a migration has no down.
const REVERSIBLE = new Set([
  "createTable",
  "addColumns",
  "addColumn",
  "renameColumn",
  "renameTable",
  "createIndex",
  "addIndex",
  "addConstraint",
  "createConstraint",
  "createType",
  "addType",
  "createSchema",
]);

/** The operations of an up or down function whose first parameter is the MigrationBuilder. */
export function pgmOperations(
  ops: SectionOps,
  fn: TSESTree.FunctionLike,
): { noTransaction: boolean; reversible: boolean } {
  const pgm = firstParam(fn);
  let noTransaction = false;
  // node-pg-migrate writes the down itself when every call of the up has a known inverse.
  let reversible = true;
  if (pgm === null || fn.body === null || fn.body === undefined) return { noTransaction, reversible: false };
  visitChains(fn.body, (chain, node) => {
    if (chain.root !== pgm) return ops.opaqueCall(node, pgm);
    const link = chain.links[chain.links.length - 1];
    const at = { start: node.range[0], end: node.range[1] };
    if (link?.args == null) return "skip";
    if (link.name === "noTransaction") noTransaction = true;
    else if (link.name === "sql") {
      reversible = false;
      ops.sql(link.args[0], at);
    } else if (link.name === "func") return "skip";
    else {
      const details = map(
        link.name,
        link.args.map((arg) => staticValue(arg)),
      );
      if (details === null || !REVERSIBLE.has(link.name)) reversible = false;
      if (details === null) ops.dynamic(at);
      else for (const detail of details) ops.add(detail, at, statementKindOf(detail));
    }
    return "skip";
  });
  return { noTransaction, reversible };
}
