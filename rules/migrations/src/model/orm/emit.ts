// Collects the operations of one ORM migration section: each mapped call becomes an Operation at
// the call's range, SQL literals go through the embedded-SQL reader, and a call the pack cannot
// follow becomes an opaque `other/dynamic` operation (so an unreadable down never looks empty).
import type { TSESTree } from "@deploylint/core/rule-api";
import type { ColumnSpec, Direction, Operation, OperationDetail } from "../types.js";
import { type EmbeddedSqlParser, embeddedOperations } from "./embedded-sql.js";
import { passesParam, type Static, staticValue } from "./estree.js";
import { type Interpolate, sqlLiteral, taggedInterpolation, withKnexBindings } from "./sql-literal.js";

export const DYNAMIC = "dynamic";

const KIND: Partial<Record<OperationDetail["type"], string>> = {
  create_table: "create_table",
  drop_table: "drop_table",
  create_index: "create_index",
  drop_index: "drop_index",
  create_type: "create_type",
  drop_type: "drop_type",
};

/** The statement kind an ORM call stands for, as the SQL path would classify the same change. */
export function statementKindOf(detail: OperationDetail): string {
  if (detail.type === "dml") return detail.verb;
  return KIND[detail.type] ?? "alter_table";
}

export class SectionOps {
  readonly operations: Operation[] = [];
  constructor(
    readonly section: Direction,
    private readonly counter: { next: number },
    private readonly parseSql: EmbeddedSqlParser | null = null,
    /** The script's text, which placeholders quote (`${table}`). */
    private readonly source = "",
  ) {}

  nextIndex = (): number => this.counter.next++;

  /** Locals of the section bound to SQL templates (`const q = sql\`…\``), read where they are used. */
  locals = new Map<string, TSESTree.Node>();
  private interpolation: Interpolate | null = null;

  add(detail: OperationDetail, range: { start: number; end: number }, kind: string): void {
    const index = this.nextIndex();
    this.operations.push({
      ...detail,
      section: this.section,
      range,
      statementIndex: index,
      statementKind: kind,
      node: null,
    } as Operation);
  }

  /**
   * SQL passed as a literal or template (its `${…}` read as placeholders); anything else (a variable
   * holding a string, a concatenation) is dynamic.
   */
  sql(
    node: TSESTree.Node | undefined,
    range: { start: number; end: number },
    /** knex.raw's bindings array, when the call passes one. */
    bindings?: TSESTree.Node,
  ): void {
    const bound = node?.type === "Identifier" ? this.locals.get(node.name) : undefined;
    this.interpolation ??= taggedInterpolation(this.source, this.locals);
    const read = sqlLiteral(bound ?? node, this.interpolation);
    const values = bindings === undefined ? undefined : staticValue(bindings);
    const literal =
      read !== undefined && Array.isArray(values)
        ? withKnexBindings(
            read,
            values.map((v) => (typeof v === "string" || typeof v === "number" ? v : null)),
          )
        : read;
    if (literal === undefined) {
      this.dynamic(range);
      return;
    }
    this.operations.push(
      ...embeddedOperations({
        sql: literal.text,
        offset: literal.offset,
        toFile: literal.toFile,
        section: this.section,
        nextIndex: this.nextIndex,
        parseSql: this.parseSql,
      }),
    );
  }

  /** A call not on the builder: "skip" (and dynamic) when it hands the builder to a helper, else "enter". */
  opaqueCall(node: TSESTree.CallExpression, param: string): "skip" | "enter" {
    if (!passesParam(node, param)) return "enter";
    this.dynamic(node.range);
    return "skip";
  }

  dynamic(range: { start: number; end: number } | [number, number]): void {
    const at = Array.isArray(range) ? { start: range[0], end: range[1] } : range;
    this.add({ type: "other", kind: DYNAMIC }, at, "unknown");
  }
}

/** A column as ColumnSpec, with the defaults of an ORM declaration (nullable, no default). */
export function columnSpec(column: string, dataType: string, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return {
    column,
    dataType,
    notNull: false,
    defaultExpr: null,
    generated: null,
    primaryKey: false,
    references: false,
    ...extra,
  };
}

/** A default value as SQL text: `'x'`, `0`, `true`, `now()` for knex.fn.now()/pgm.func("now()")/Sequelize.fn("now"). */
export function defaultSql(node: TSESTree.Node | undefined): string | null {
  if (node === undefined) return null;
  if (node.type === "CallExpression") {
    const callee =
      node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier"
        ? node.callee.property.name
        : null;
    const first = staticValue(node.arguments[0]);
    if (callee === "now") return "now()";
    if ((callee === "func" || callee === "raw" || callee === "literal") && typeof first === "string") return first;
    if (callee === "fn" && typeof first === "string") return `${first}()`;
    return "dynamic()";
  }
  return defaultFromStatic(staticValue(node));
}

/** Whether any part of a read value was dynamic (undefined). */
function containsDynamic(value: Static): boolean {
  if (value === undefined) return true;
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some((item) => containsDynamic(item));
}

/** A default value read from an options object. */
export function defaultFromStatic(value: Static): string | null {
  if (value === undefined) return null;
  if (value === null) return "NULL";
  if (typeof value === "string") {
    // Sequelize.NOW, DataTypes.NOW, Sequelize.UUIDV4 read as dotted names.
    if (/^(Sequelize|DataTypes)\.NOW$/.test(value)) return "now()";
    if (/^(Sequelize|DataTypes)\.UUIDV[14]$/.test(value)) return "gen_random_uuid()";
    const call = /^\w+\.(func|literal|raw|fn)\((.*)\)$/.exec(value);
    if (call !== null) return call[1] === "fn" ? `${call[2]}()` : (call[2] ?? "");
    return `'${value.replace(/'/g, "''")}'`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // `defaultValue: {}` / `[]` (JSON columns): a constant default, written as its JSON text.
  if (typeof value === "object" && !containsDynamic(value)) return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
  return null;
}
