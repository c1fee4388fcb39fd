// knex migrations: `knex.schema.*` builder calls (with the table builder callbacks of createTable
// and alterTable), `knex.raw`/`knex.schema.raw` SQL, and `knex("t")…update/insert/del` data changes.
import type { TSESTree } from "@deploylint/core/rule-api";
import { knexDefaultName } from "../default-names.js";
import type { ColumnSpec, OperationDetail } from "../types.js";
import { columnSpec, defaultSql, type SectionOps } from "./emit.js";
import { type Chain, type ChainLink, firstParam, stringOf, stringsOf, visitChains } from "./estree.js";

type Arg = TSESTree.CallExpressionArgument;

// Column methods of the table builder and the type each declares (PostgreSQL spelling).
const TYPES: Record<string, (args: Arg[]) => string> = {
  increments: () => "serial",
  bigIncrements: () => "bigserial",
  integer: () => "integer",
  tinyint: () => "smallint",
  smallint: () => "smallint",
  mediumint: () => "integer",
  bigInteger: () => "bigint",
  bigint: () => "bigint",
  text: () => "text",
  string: (args) => `varchar(${numberArg(args[1]) ?? 255})`,
  float: () => "real",
  double: () => "double precision",
  decimal: (args) => `numeric(${numberArg(args[1]) ?? 8}, ${numberArg(args[2]) ?? 2})`,
  boolean: () => "boolean",
  date: () => "date",
  datetime: () => "timestamptz",
  timestamp: () => "timestamptz",
  time: () => "time",
  binary: () => "bytea",
  enu: () => "text",
  enum: () => "text",
  json: () => "json",
  jsonb: () => "jsonb",
  uuid: () => "uuid",
  specificType: (args) => stringOf(args[1]) ?? "",
};

function numberArg(node: Arg | undefined): number | undefined {
  return node?.type === "Literal" && typeof node.value === "number" ? node.value : undefined;
}

/** knex's own name for what it creates without one (knexDefaultName always names these kinds). */
function knexName(table: string, columns: string[], kind: "unique" | "index" | "foreign_key" | "primary_key"): string {
  return knexDefaultName({ table, columns, kind }) ?? `${table}_${columns.join("_")}`;
}

interface TableContext {
  ops: SectionOps;
  table: string;
  /** createTable: columns are collected into the CREATE TABLE; alterTable: each is an ADD COLUMN. */
  columns: ColumnSpec[] | null;
}

function range(link: ChainLink, chainStart: number): { start: number; end: number } {
  return { start: Math.min(link.start, chainStart), end: link.end };
}

/** One statement of a table builder callback: `t.string("email").notNullable()`, `t.dropColumn("x")`. */
function tableStatement(context: TableContext, chain: Chain, node: TSESTree.CallExpression): void {
  const [head, ...modifiers] = chain.links;
  if (head === undefined || head.args === null) return;
  const { ops, table } = context;
  const at = { start: node.range[0], end: node.range[1] };
  const args = head.args;
  const names = stringsOf(args[0]);
  const make = TYPES[head.name];
  if (make !== undefined) {
    if (head.name === "timestamps") return;
    const column = stringOf(args[0]);
    if (column === undefined) {
      ops.dynamic(at);
      return;
    }
    columnFrom({ context, column, dataType: make(args), modifiers, at, increments: /increments/i.test(head.name) });
    return;
  }
  const one = (detail: OperationDetail) => ops.add(detail, at, "alter_table");
  switch (head.name) {
    case "timestamps":
      for (const column of ["created_at", "updated_at"]) {
        columnFrom({ context, column, dataType: "timestamptz", modifiers: [], at, increments: false });
      }
      return;
    case "dropColumn":
    case "dropColumns":
      for (const arg of args) for (const column of stringsOf(arg)) one({ type: "drop_column", table, column });
      return;
    case "dropTimestamps":
      for (const column of ["created_at", "updated_at"]) one({ type: "drop_column", table, column });
      return;
    case "renameColumn": {
      const [column, to] = [stringOf(args[0]), stringOf(args[1])];
      if (column === undefined || to === undefined) {
        ops.dynamic(at);
        return;
      }
      one({ type: "rename_column", table, column, to });
      return;
    }
    case "index":
    case "unique":
      ops.add(
        {
          type: "create_index",
          table,
          name: stringOf(args[1]) ?? knexName(table, names, head.name === "unique" ? "unique" : "index"),
          concurrently: false,
          unique: head.name === "unique",
          online: false,
        },
        at,
        "create_index",
      );
      return;
    case "dropIndex":
    case "dropUnique":
      ops.add(
        {
          type: "drop_index",
          table,
          // By columns, knex drops the name it gave them: `<table>_<cols>_index` / `_unique`.
          name: stringOf(args[1]) ?? knexName(table, names, head.name === "dropUnique" ? "unique" : "index"),
          concurrently: false,
        },
        at,
        "drop_index",
      );
      return;
    case "foreign": {
      const body = names.join(", ");
      one({
        type: "add_constraint",
        table,
        name: stringOf(args[1]) ?? knexName(table, names, "foreign_key"),
        kind: "foreign_key",
        notValid: false,
        usingIndex: false,
        body,
      });
      return;
    }
    case "primary":
      one({
        type: "add_constraint",
        table,
        name: stringOf(args[1]) ?? knexName(table, [], "primary_key"),
        kind: "primary_key",
        notValid: false,
        usingIndex: false,
        body: names.join(", "),
      });
      return;
    case "check":
      one({
        type: "add_constraint",
        table,
        name: stringOf(args[2]) ?? null,
        kind: "check",
        notValid: false,
        usingIndex: false,
        body: stringOf(args[0]) ?? "",
      });
      return;
    case "dropForeign":
      // dropForeign(columns, name?): without a name, the one knex gave the columns' foreign key.
      one({ type: "drop_constraint", table, name: stringOf(args[1]) ?? knexName(table, names, "foreign_key") });
      return;
    case "dropPrimary":
      one({ type: "drop_constraint", table, name: stringOf(args[0]) ?? knexName(table, [], "primary_key") });
      return;
    case "dropChecks":
      one({ type: "drop_constraint", table, name: stringOf(args[1]) ?? stringOf(args[0]) ?? names.join("_") });
      return;
    case "dropNullable":
      if (names[0] === undefined) ops.dynamic(at);
      else one({ type: "set_not_null", table, column: names[0] });
      return;
    case "setNullable":
      one({ type: "other", kind: "alter_table" });
      return;
    default:
      ops.dynamic(at);
  }
}

function columnFrom(options: {
  context: TableContext;
  column: string;
  dataType: string;
  modifiers: ChainLink[];
  at: { start: number; end: number };
  increments: boolean;
}): void {
  const { context, column, dataType, modifiers, at } = options;
  const has = (name: string) => modifiers.some((m) => m.name === name);
  const defaultLink = modifiers.find((m) => m.name === "defaultTo");
  const spec = columnSpec(column, dataType, {
    notNull: has("notNullable") || options.increments || has("primary"),
    defaultExpr: defaultLink?.args ? defaultSql(defaultLink.args[0]) : null,
    primaryKey: options.increments || has("primary"),
    references: has("references"),
  });
  if (context.columns !== null) {
    context.columns.push(spec);
  } else if (has("alter")) {
    const notNull = has("notNullable") ? true : has("nullable") ? false : null;
    context.ops.add({ type: "alter_column_type", table: context.table, column, dataType, notNull }, at, "alter_table");
  } else {
    context.ops.add(
      { type: "add_column", table: context.table, hasDefault: spec.defaultExpr !== null, ...spec },
      at,
      "alter_table",
    );
  }
  if (has("index") || has("unique")) {
    const unique = has("unique");
    const name = knexName(context.table, [column], unique ? "unique" : "index");
    context.ops.add(
      { type: "create_index", table: context.table, name, concurrently: false, unique, online: false },
      at,
      "create_index",
    );
  }
}

/** The statements of a table builder callback `(t) => { … }`. */
function tableCallback(context: TableContext, callback: Arg | undefined): void {
  if (callback === undefined || (callback.type !== "ArrowFunctionExpression" && callback.type !== "FunctionExpression"))
    return;
  const param = firstParam(callback);
  if (param === null) return;
  visitChains(callback.body, (chain, node) => {
    if (chain.root !== param) return "enter";
    tableStatement(context, chain, node);
    return "skip";
  });
}

/** A `knex.schema…` chain: each builder call in order. */
function schemaChain(ops: SectionOps, chain: Chain, node: TSESTree.CallExpression): void {
  const links = chain.links.slice(chain.links.findIndex((l) => l.name === "schema") + 1);
  const chainStart = node.range[0];
  for (const link of links) {
    if (link.args === null) continue;
    const at = range(link, chainStart);
    const table = stringOf(link.args[0]);
    switch (link.name) {
      case "withSchema":
        continue;
      case "createTable":
      case "createTableIfNotExists":
      case "createTableLike": {
        if (table === undefined) {
          ops.dynamic(at);
          continue;
        }
        const columns: ColumnSpec[] = [];
        const context: TableContext = { ops, table, columns };
        // The table's own operations (indexes, constraints) follow its CREATE TABLE.
        const before = ops.operations.length;
        tableCallback(context, link.args[link.name === "createTableLike" ? 2 : 1]);
        const extra = ops.operations.splice(before);
        ops.add({ type: "create_table", table, columns, asSelect: false }, at, "create_table");
        ops.operations.push(...extra);
        continue;
      }
      case "alterTable":
      case "table":
        if (table === undefined) ops.dynamic(at);
        else tableCallback({ ops, table, columns: null }, link.args[1]);
        continue;
      case "dropTable":
      case "dropTableIfExists":
        if (table === undefined) ops.dynamic(at);
        else ops.add({ type: "drop_table", table }, at, "drop_table");
        continue;
      case "renameTable": {
        const to = stringOf(link.args[1]);
        if (table === undefined || to === undefined) ops.dynamic(at);
        else ops.add({ type: "rename_table", table, to }, at, "alter_table");
        continue;
      }
      case "createSchema":
      case "createSchemaIfNotExists":
        if (table !== undefined) ops.add({ type: "create_schema", name: table }, at, "create_schema");
        continue;
      case "dropSchema":
      case "dropSchemaIfExists":
        if (table !== undefined) ops.add({ type: "drop_schema", name: table }, at, "drop_schema");
        continue;
      case "raw":
        ops.sql(link.args[0], at, link.args[1]);
        continue;
      case "hasTable":
      case "hasColumn":
        continue;
      default:
        ops.dynamic(at);
    }
  }
}

const DML: Record<string, "insert" | "update" | "delete"> = {
  insert: "insert",
  update: "update",
  del: "delete",
  delete: "delete",
};

/** `knex("orders").where(…).update(…)`: a data change on a table. */
function queryChain(ops: SectionOps, chain: Chain, node: TSESTree.CallExpression): void {
  const table = stringOf(chain.rootArgs?.[0]);
  const verbLink = chain.links.find((link) => DML[link.name] !== undefined);
  if (verbLink === undefined) return;
  const at = { start: node.range[0], end: node.range[1] };
  if (table === undefined) {
    ops.dynamic(at);
    return;
  }
  const verb = DML[verbLink.name] ?? "update";
  ops.add(
    {
      type: "dml",
      verb,
      table,
      hasWhere: chain.links.some((link) => /^(where|andWhere|orWhere|whereIn|whereNotNull|whereNull)/.test(link.name)),
      batched: chain.links.some((link) => link.name === "limit"),
    },
    at,
    verb,
  );
}

/** The operations of a knex up or down function whose first parameter is `knex`. */
export function knexOperations(ops: SectionOps, fn: TSESTree.FunctionLike): void {
  const knex = firstParam(fn);
  if (knex === null || fn.body === null || fn.body === undefined) return;
  // knex.transaction(async (trx) => { await trx.raw(…); }): the transaction runs the same builder.
  const builders = new Set([knex]);
  visitChains(fn.body, (chain, node) => {
    if (chain.root === null || !builders.has(chain.root)) return ops.opaqueCall(node, knex);
    const at = { start: node.range[0], end: node.range[1] };
    const transaction = chain.rootArgs === null && chain.links[0]?.name === "transaction" ? chain.links[0] : null;
    const callback = transaction?.args?.find(
      (arg) => arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression",
    );
    if (callback !== undefined) {
      const trx = firstParam(callback as TSESTree.FunctionLike);
      if (trx !== null) builders.add(trx);
      return "enter";
    }
    if (chain.links[0]?.name === "schema") schemaChain(ops, chain, node);
    else if (chain.links[0]?.name === "raw" && chain.rootArgs === null) {
      ops.sql(chain.links[0].args?.[0], at, chain.links[0].args?.[1]);
    } else if (chain.rootArgs !== null) queryChain(ops, chain, node);
    else if (chain.links[0]?.name !== "fn") ops.dynamic(at);
    return "skip";
  });
}
