// Small readers over typescript-estree nodes for ORM migrations: call chains flattened into links,
// literal strings with their offsets, object literals as plain values. Anything dynamic reads as
// undefined, so callers skip it instead of guessing.
import type { TSESTree } from "@deploylint/core/rule-api";

type Node = TSESTree.Node;

/** One step of a chain such as `knex.schema.createTable("a", cb).createTable("b", cb)`. */
export interface ChainLink {
  name: string;
  /** The call's arguments, or null for a plain property access (`.schema`). */
  args: TSESTree.CallExpressionArgument[] | null;
  /** Where a finding about this step starts: the property name when the chain continues a call. */
  start: number;
  end: number;
}

export interface Chain {
  /** The identifier the chain starts from (`knex`, `queryRunner`, `t`), or null (`this.x`, a call). */
  root: string | null;
  /** A chain that starts with a call of the root itself: `knex("users").update(…)`. */
  rootArgs: TSESTree.CallExpressionArgument[] | null;
  links: ChainLink[];
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === "AwaitExpression" ||
    current.type === "TSAsExpression" ||
    current.type === "TSNonNullExpression" ||
    current.type === "ChainExpression"
  ) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  return current;
}

function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return null;
}

/** The chain an expression is, root first; null when it is not a member/call chain. */
export function chainOf(expression: Node): Chain | null {
  const links: ChainLink[] = [];
  let node = unwrap(expression);
  let pendingCall: TSESTree.CallExpression | null = null;
  for (;;) {
    if (node.type === "CallExpression") {
      pendingCall = node;
      node = unwrap(node.callee);
      continue;
    }
    if (node.type === "MemberExpression") {
      const name = propertyName(node);
      if (name === null) return null;
      const object = unwrap(node.object);
      const call = pendingCall;
      const start = object.type === "CallExpression" ? node.property.range[0] : node.range[0];
      links.unshift({ name, args: call ? call.arguments : null, start, end: (call ?? node).range[1] });
      pendingCall = null;
      node = object;
      continue;
    }
    if (node.type === "Identifier") return { root: node.name, rootArgs: pendingCall?.arguments ?? null, links };
    if (node.type === "ThisExpression") return { root: "this", rootArgs: null, links };
    return links.length > 0 ? { root: null, rootArgs: null, links } : null;
  }
}

/** A string value (literal or expression-free template), else undefined. */
export function stringOf(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Strings of a string or an array of strings (`"a"`, `["a", "b"]`). */
export function stringsOf(node: Node | undefined): string[] {
  if (node === undefined) return [];
  if (node.type === "ArrayExpression") {
    return node.elements.flatMap((element) => {
      const value = element === null || element.type === "SpreadElement" ? undefined : stringOf(element);
      return value === undefined ? [] : [value];
    });
  }
  const single = stringOf(node);
  return single === undefined ? [] : [single];
}

/** A value read from source: literals, objects and arrays of them; `undefined` for anything dynamic. */
export type Static = string | number | boolean | null | { [key: string]: Static | undefined } | Static[] | undefined;

/** The static value of a node; a member expression reads as its dotted text (`Sequelize.STRING`). */
export function staticValue(node: Node | undefined): Static {
  if (node === undefined) return undefined;
  const inner = unwrap(node);
  switch (inner.type) {
    case "Literal":
      return typeof inner.value === "string" || typeof inner.value === "number" || typeof inner.value === "boolean"
        ? inner.value
        : inner.value === null
          ? null
          : undefined;
    case "TemplateLiteral":
      return stringOf(inner);
    case "ArrayExpression":
      return inner.elements.map((element) =>
        element === null || element.type === "SpreadElement" ? undefined : staticValue(element),
      );
    case "ObjectExpression":
      return objectOf(inner);
    case "MemberExpression":
    case "Identifier":
      return dottedName(inner) ?? undefined;
    case "CallExpression": {
      // Sequelize.STRING(64), DataTypes.DECIMAL(10, 2): the type with its arguments.
      const callee = dottedName(inner.callee);
      if (callee === null) return undefined;
      const args = inner.arguments.map((arg) => staticValue(arg));
      return `${callee}(${args.map((a) => String(a)).join(", ")})`;
    }
    case "NewExpression":
      // new TableColumn({...}): the options object.
      return inner.arguments.length === 1 ? staticValue(inner.arguments[0]) : undefined;
  }
  return undefined;
}

function objectOf(node: TSESTree.ObjectExpression): { [key: string]: Static | undefined } {
  const result: { [key: string]: Static | undefined } = {};
  for (const property of node.properties) {
    if (property.type !== "Property") continue;
    const key =
      property.key.type === "Identifier" && !property.computed
        ? property.key.name
        : property.key.type === "Literal"
          ? String(property.key.value)
          : null;
    if (key !== null) result[key] = staticValue(property.value as Node);
  }
  return result;
}

/** `a.b.c` as text, or null when any part is computed or not an identifier. */
export function dottedName(node: Node): string | null {
  if (node.type === "Identifier") return node.name;
  if (node.type === "ThisExpression") return "this";
  if (node.type === "MemberExpression") {
    const object = dottedName(node.object);
    const name = propertyName(node);
    return object === null || name === null ? null : `${object}.${name}`;
  }
  return null;
}

/** The first parameter's name of a function, when it is a plain identifier. */
export function firstParam(fn: TSESTree.FunctionLike): string | null {
  const param = fn.params[0];
  if (param === undefined) return null;
  if (param.type === "Identifier") return param.name;
  if (param.type === "AssignmentPattern" && param.left.type === "Identifier") return param.left.name;
  return null;
}

/** Calls the ORM code makes, each visited once: a chain is read whole, callbacks are entered. */
export function visitChains(
  root: Node,
  visit: (chain: Chain, node: TSESTree.CallExpression) => "enter" | "skip",
): void {
  const walk = (node: Node): void => {
    if (node.type === "CallExpression") {
      const chain = chainOf(node);
      if (chain !== null && visit(chain, node) === "skip") return;
      // Walk the arguments of every call of the chain (callbacks, Promise.all lists), not its callee again.
      for (let call: Node = node; ; ) {
        if (call.type !== "CallExpression") break;
        for (const arg of call.arguments) walk(arg);
        const callee = unwrap(call.callee);
        if (callee.type !== "MemberExpression") break;
        call = unwrap(callee.object);
      }
      return;
    }
    forEachChild(node, walk);
  };
  walk(root);
}

/**
 * Calls `visit` on each child node of `node` in the order of its keys (source order), leaving out the
 * back link and positions. Read with for…in: Object.entries built a pair per key of every node, and
 * was the most of walking logto's alterations.
 */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    if (key === "parent" || key === "range" || key === "loc") continue;
    const value = record[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child);
    } else if (isNode(value)) visit(value);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** A helper call that hands the migration's builder on (`addAuditColumns(knex, "t")`): it does something unreadable. */
export function passesParam(node: TSESTree.CallExpression, param: string): boolean {
  return node.arguments.some((arg) => arg.type === "Identifier" && arg.name === param);
}
