// TypeORM migrations: `queryRunner.query(sql)` and the QueryRunner schema API (addColumn,
// createTable(new Table({…})), createIndex, createForeignKey, …) in a class's up/down methods.
import type { TSESTree } from "@deploylint/core/rule-api";
import { typeormDefaultName } from "../default-names.js";
import type { ColumnSpec, OperationDetail } from "../types.js";
import { columnSpec, defaultFromStatic, type SectionOps, statementKindOf } from "./emit.js";
import { firstParam, type Static, staticValue, visitChains } from "./estree.js";

type Options = { [key: string]: Static | undefined };

function asObject(value: Static): Options | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}

function text(value: Static | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function strings(value: Static | undefined): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A TableColumn's options as a ColumnSpec (TypeORM columns are NOT NULL unless isNullable). */
/**
 * The name TypeORM's naming strategy gives an index written without one (`IDX_` and a hash of the
 * table and its sorted columns); a partial index hashes its WHERE too, which is left unnamed.
 */
function indexName(table: string, index: Options | null): string | null {
  const given = text(index?.name);
  if (given !== undefined) return given;
  const columns = strings(index?.columnNames);
  if (columns.length === 0 || index?.where !== undefined) return null;
  return typeormDefaultName({ table: table.split(".").pop() ?? table, columns, kind: "index" });
}

export function typeormColumn(options: Options): ColumnSpec | null {
  const name = text(options.name);
  if (name === undefined) return null;
  const length = options.length ?? null;
  const base = text(options.type) ?? "";
  const generated = options.isGenerated === true;
  const strategy = text(options.generationStrategy);
  const dataType =
    generated && strategy === "increment" && /^int/.test(base)
      ? "serial"
      : length !== null
        ? `${base}(${String(length)})`
        : base;
  return columnSpec(name, dataType, {
    notNull: options.isNullable !== true,
    // TypeORM passes a string `default` through as SQL text: "'active'" or "now()".
    defaultExpr: typeof options.default === "string" ? options.default : defaultFromStatic(options.default),
    generated: generated && strategy === "identity" ? "identity" : null,
    primaryKey: options.isPrimary === true,
  });
}

function columnOf(value: Static): ColumnSpec | null {
  const options = asObject(value);
  if (options === null) return null;
  return typeormColumn(options);
}

function map(method: string, args: TSESTree.CallExpressionArgument[]): OperationDetail[] | null {
  const values = args.map((arg) => staticValue(arg));
  const table = text(values[0]) ?? text(asObject(values[0] ?? null)?.name);
  if (method === "createTable") {
    const options = asObject(values[0] ?? null);
    const name = text(options?.name);
    if (options === null || name === undefined) return null;
    const columns = (Array.isArray(options.columns) ? options.columns : []).flatMap((c) => columnOf(c ?? null) ?? []);
    const details: OperationDetail[] = [{ type: "create_table", table: name, columns, asSelect: false }];
    for (const index of Array.isArray(options.indices) ? options.indices : []) {
      const o = asObject(index ?? null);
      if (o === null) continue;
      details.push({
        type: "create_index",
        table: name,
        name: indexName(name, o),
        concurrently: false,
        unique: o.isUnique === true,
        online: false,
      });
    }
    return details;
  }
  if (table === undefined) return null;
  switch (method) {
    case "dropTable":
      return [{ type: "drop_table", table }];
    case "renameTable": {
      const to = text(values[1]);
      return to === undefined ? null : [{ type: "rename_table", table, to }];
    }
    case "addColumn":
    case "addColumns": {
      const list = method === "addColumns" && Array.isArray(values[1]) ? values[1] : [values[1] ?? null];
      const specs = list.map((c) => columnOf(c ?? null));
      if (specs.some((s) => s === null)) return null;
      return specs.map((spec) => ({
        type: "add_column",
        table,
        hasDefault: spec?.defaultExpr != null,
        ...(spec as ColumnSpec),
      }));
    }
    case "dropColumn":
    case "dropColumns": {
      const list = Array.isArray(values[1]) ? values[1] : [values[1] ?? null];
      const names = list.map((c) => text(c) ?? text(asObject(c ?? null)?.name));
      if (names.some((n) => n === undefined)) return null;
      return names.map((column) => ({ type: "drop_column", table, column: column ?? "" }));
    }
    case "renameColumn": {
      const [from, to] = [values[1], values[2]].map((v) => text(v ?? null) ?? text(asObject(v ?? null)?.name));
      return from === undefined || to === undefined ? null : [{ type: "rename_column", table, column: from, to }];
    }
    case "changeColumn": {
      const column = text(values[1] ?? null) ?? text(asObject(values[1] ?? null)?.name);
      const spec = columnOf(values[2] ?? null);
      if (column === undefined || spec === null) return null;
      return [{ type: "alter_column_type", table, column, dataType: spec.dataType, notNull: spec.notNull }];
    }
    case "createIndex": {
      const o = asObject(values[1] ?? null);
      return [
        {
          type: "create_index",
          table,
          name: indexName(table, o),
          concurrently: false,
          unique: o?.isUnique === true,
          online: false,
        },
      ];
    }
    case "dropIndex":
      return [
        {
          type: "drop_index",
          table,
          name: text(values[1] ?? null) ?? text(asObject(values[1] ?? null)?.name) ?? "",
          concurrently: false,
        },
      ];
    case "createForeignKey":
    case "createUniqueConstraint":
    case "createCheckConstraint":
    case "createPrimaryKey": {
      const o = asObject(values[1] ?? null);
      const kind =
        method === "createForeignKey"
          ? "foreign_key"
          : method === "createUniqueConstraint"
            ? "unique"
            : method === "createCheckConstraint"
              ? "check"
              : "primary_key";
      const body =
        kind === "check"
          ? (text(o?.expression) ?? "")
          : (method === "createPrimaryKey" ? strings(values[1]) : strings(o?.columnNames)).join(", ");
      return [
        { type: "add_constraint", table, name: text(o?.name) ?? null, kind, notValid: false, usingIndex: false, body },
      ];
    }
    case "dropForeignKey":
    case "dropUniqueConstraint":
    case "dropCheckConstraint":
    case "dropPrimaryKey":
      return [
        {
          type: "drop_constraint",
          table,
          name: text(values[1] ?? null) ?? text(asObject(values[1] ?? null)?.name) ?? "",
        },
      ];
  }
  return null;
}

export function typeormOperations(ops: SectionOps, fn: TSESTree.FunctionLike): void {
  const runner = firstParam(fn);
  if (runner === null || fn.body === null || fn.body === undefined) return;
  visitChains(fn.body, (chain, node) => {
    if (chain.root !== runner) return ops.opaqueCall(node, runner);
    const link = chain.links[chain.links.length - 1];
    const at = { start: node.range[0], end: node.range[1] };
    if (link?.args == null) return "skip";
    if (link.name === "query") {
      ops.sql(link.args[0], at);
      return "skip";
    }
    if (/^(has|get|clear|release|connect|start|commit|rollback)/.test(link.name)) return "skip";
    const details = map(link.name, link.args);
    if (details === null) ops.dynamic(at);
    else for (const detail of details) ops.add(detail, at, statementKindOf(detail));
    return "skip";
  });
}
