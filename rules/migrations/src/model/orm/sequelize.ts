// Sequelize migrations: the QueryInterface API (`queryInterface.createTable`, `addColumn`,
// `addIndex(…, { concurrently })`, `bulkUpdate`, …) and `queryInterface.sequelize.query(sql)`.
import type { TSESTree } from "@deploylint/core/rule-api";
import { engineDefaultName, type NamedKind, sequelizeDefaultName } from "../default-names.js";
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

// Sequelize data types (`Sequelize.STRING`, `DataTypes.DECIMAL(10, 2)`) in PostgreSQL spelling.
const TYPES: Record<string, (args: string) => string> = {
  STRING: (args) => `varchar(${args || "255"})`,
  CHAR: (args) => `char(${args || "255"})`,
  TEXT: () => "text",
  CITEXT: () => "citext",
  INTEGER: () => "integer",
  SMALLINT: () => "smallint",
  BIGINT: () => "bigint",
  FLOAT: () => "real",
  REAL: () => "real",
  DOUBLE: () => "double precision",
  DECIMAL: (args) => (args ? `numeric(${args})` : "numeric"),
  BOOLEAN: () => "boolean",
  DATE: () => "timestamptz",
  DATEONLY: () => "date",
  TIME: () => "time",
  UUID: () => "uuid",
  JSON: () => "json",
  JSONB: () => "jsonb",
  BLOB: () => "bytea",
  ENUM: () => "text",
};

function dataType(value: Static | undefined, autoIncrement: boolean): string {
  const written = text(value) ?? "";
  const m = /^(?:\w+\.)*([A-Z]+)(?:\((.*)\))?$/.exec(written);
  const make = m?.[1] === undefined ? undefined : TYPES[m[1]];
  const type = make === undefined ? written : make(m?.[2] ?? "");
  if (autoIncrement && type === "integer") return "serial";
  if (autoIncrement && type === "bigint") return "bigserial";
  return type;
}

function columnOf(column: string, value: Static | undefined): ColumnSpec | null {
  const o = asObject(value);
  if (o === null) return typeof value === "string" ? columnSpec(column, dataType(value, false)) : null;
  return columnSpec(column, dataType(o.type, o.autoIncrement === true), {
    // Sequelize columns allow NULL unless allowNull: false; a primary key never does.
    notNull: o.allowNull === false || o.primaryKey === true,
    defaultExpr: defaultFromStatic(o.defaultValue),
    primaryKey: o.primaryKey === true,
    references: o.references !== undefined,
  });
}

/**
 * The unnamed FOREIGN KEY Sequelize adds for a column's `references`: the database names it
 * (PostgreSQL `<table>_<column>_fkey`; MySQL numbers it per table, which one file cannot know).
 */
function foreignKey(table: string, column: string, dialect: string): OperationDetail {
  return {
    type: "add_constraint",
    table,
    name: engineDefaultName(dialect, { table, columns: [column], kind: "foreign_key" }),
    kind: "foreign_key",
    notValid: false,
    usingIndex: false,
    body: column,
  };
}

function constraintKind(type: string | undefined): ConstraintKind {
  switch (type?.toLowerCase()) {
    case "foreign key":
      return "foreign_key";
    case "unique":
      return "unique";
    case "check":
      return "check";
    case "primary key":
      return "primary_key";
  }
  return "other";
}

function fieldNames(value: Static | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => text(v) ?? text(asObject(v)?.name) ?? []);
}

/** Sequelize's name for what it creates without one: an index by nameIndex, a constraint by its query generator. */
function sequelizeName(table: string, columns: string[], kind: NamedKind): string | null {
  return sequelizeDefaultName({ table, columns, kind });
}

const NAMED_KIND: Partial<Record<ConstraintKind, NamedKind>> = {
  unique: "unique",
  primary_key: "primary_key",
  check: "check",
};

function map(method: string, values: Static[], dialect: string): OperationDetail[] | null {
  const table = text(values[0]) ?? text(asObject(values[0])?.tableName);
  if (table === undefined) return null;
  switch (method) {
    case "createTable": {
      const o = asObject(values[1]);
      if (o === null) return null;
      const columns = Object.entries(o).map(([column, spec]) => columnOf(column, spec));
      if (columns.some((c) => c === null)) return null;
      return [{ type: "create_table", table, columns: columns as ColumnSpec[], asSelect: false }];
    }
    case "dropTable":
      return [{ type: "drop_table", table }];
    case "renameTable":
      return text(values[1]) === undefined ? null : [{ type: "rename_table", table, to: text(values[1]) ?? "" }];
    case "addColumn": {
      const column = text(values[1]);
      const spec = column === undefined ? null : columnOf(column, values[2]);
      return spec === null ? null : [{ type: "add_column", table, hasDefault: spec.defaultExpr !== null, ...spec }];
    }
    case "removeColumn":
      return text(values[1]) === undefined ? null : [{ type: "drop_column", table, column: text(values[1]) ?? "" }];
    case "renameColumn": {
      const [column, to] = [text(values[1]), text(values[2])];
      return column === undefined || to === undefined ? null : [{ type: "rename_column", table, column, to }];
    }
    case "changeColumn": {
      const column = text(values[1]);
      const spec = column === undefined ? null : columnOf(column, values[2]);
      if (spec === null) return null;
      const changed: OperationDetail[] = [
        { type: "alter_column_type", table, column: spec.column, dataType: spec.dataType, notNull: spec.notNull },
      ];
      // With `references`, Sequelize adds the foreign key again (ADD FOREIGN KEY, named by the database).
      if (spec.references) changed.push(foreignKey(table, spec.column, dialect));
      return changed;
    }
    case "addIndex": {
      const o = asObject(values[2]) ?? asObject(values[1]);
      const fields = fieldNames(Array.isArray(values[1]) ? values[1] : o?.fields);
      return [
        {
          type: "create_index",
          table,
          name: text(o?.name) ?? sequelizeName(table, fields, "index"),
          concurrently: o?.concurrently === true,
          unique: o?.unique === true,
          online: false,
        },
      ];
    }
    case "removeIndex": {
      const o = asObject(values[2]);
      const name = text(values[1]) ?? sequelizeName(table, fieldNames(values[1]), "index") ?? "";
      return [{ type: "drop_index", table, name, concurrently: o?.concurrently === true }];
    }
    case "addConstraint": {
      const o = asObject(values[1]);
      const kind = constraintKind(text(o?.type));
      const fields = fieldNames(o?.fields);
      const body = kind === "check" ? "" : fields.join(", ");
      const named = NAMED_KIND[kind];
      // A foreign key's default name also holds the referenced table (`<table>_<cols>_<ref>_fk`).
      const name = text(o?.name) ?? (named === undefined ? null : sequelizeName(table, fields, named));
      return [{ type: "add_constraint", table, name, kind, notValid: false, usingIndex: false, body }];
    }
    case "removeConstraint":
      return [{ type: "drop_constraint", table, name: text(values[1]) ?? "" }];
    case "bulkInsert":
      return [{ type: "dml", verb: "insert", table, hasWhere: false, batched: false }];
    case "bulkUpdate":
    case "bulkDelete": {
      const where = asObject(values[method === "bulkUpdate" ? 2 : 1]);
      const hasWhere = where !== null && Object.keys(where).length > 0;
      const verb = method === "bulkUpdate" ? "update" : "delete";
      return [{ type: "dml", verb, table, hasWhere, batched: false }];
    }
  }
  return null;
}

/** The operations of an up or down function whose first parameter is the QueryInterface. */
export function sequelizeOperations(ops: SectionOps, fn: TSESTree.FunctionLike, dialect: string): void {
  const qi = firstParam(fn);
  if (qi === null || fn.body === null || fn.body === undefined) return;
  visitChains(fn.body, (chain, node) => {
    if (chain.root !== qi) return ops.opaqueCall(node, qi);
    const link = chain.links[chain.links.length - 1];
    const at = { start: node.range[0], end: node.range[1] };
    if (link?.args == null) return "skip";
    // queryInterface.sequelize.transaction(async (t) => { … }): the calls inside are the migration.
    if (link.name === "transaction") return "enter";
    if (link.name === "query") ops.sql(link.args[0], at);
    else if (/^(describe|show|select|rawSelect)/.test(link.name)) return "skip";
    else {
      const details = map(
        link.name,
        link.args.map((arg) => staticValue(arg)),
        dialect,
      );
      if (details === null) ops.dynamic(at);
      else for (const detail of details) ops.add(detail, at, statementKindOf(detail));
    }
    return "skip";
  });
}
