// Evaluates the expression that names a computed read (`process.env[key]`) to what it can be:
// literal names, a parameter of a function (resolved at its call sites), the values of an
// object property (`entry.customNameEnv`), an import (resolved across files), or unknown.
import type { TSESTree } from "@deploylint/core/rule-api";
import { isFunction, memberName, stringValue, unwrap } from "./ast.js";
import type { FileIndex, FunctionNode, ImportBinding } from "./file-index.js";

type Node = TSESTree.Node;
type Range = [number, number];

/** Text around a name still to be found: `${prefix}_CLIENT_ID` has suffix "_CLIENT_ID". */
interface Affix {
  prefix: string;
  suffix: string;
}

export type Term =
  | { kind: "name"; value: string; range: Range }
  /** A parameter of `fn`; `each`: an element of it (it is iterated). */
  | ({ kind: "param"; fn: FunctionNode; index: number; each: boolean } & Affix)
  /** Any value of a property of that name in the file's object literals. */
  | ({ kind: "field"; field: string; each: boolean } & Affix)
  | ({ kind: "import"; binding: ImportBinding; path: string[]; each: boolean; range: Range } & Affix)
  | { kind: "unknown" };

/** "value": the expression is the name; "each": the name is an element of it. */
export type Mode = "value" | "each";

/** Array methods whose callback gets the elements: the index of the element parameter. */
const ELEMENT_PARAM: Record<string, number> = {
  some: 0,
  every: 0,
  forEach: 0,
  filter: 0,
  map: 0,
  flatMap: 0,
  find: 0,
  findIndex: 0,
  findLast: 0,
  reduce: 1,
  reduceRight: 1,
};
/** A bound on concatenations and on following values through variables and calls. */
const MAX_TERMS = 256;
export const MAX_DEPTH = 8;
const UNKNOWN: Term = { kind: "unknown" };

export function evaluate(node: Node, mode: Mode, index: FileIndex, depth = 0): Term[] {
  if (depth > MAX_DEPTH || --index.budget.steps < 0) return [UNKNOWN];
  const next = (child: Node, childMode: Mode) => evaluate(child, childMode, index, depth + 1);
  const expression = unwrap(node);
  const literal = stringValue(expression);
  if (literal !== null)
    return mode === "value" ? [{ kind: "name", value: literal, range: innerRangeOf(expression) }] : [UNKNOWN];
  switch (expression.type) {
    case "TemplateLiteral": {
      if (mode === "each") return [UNKNOWN];
      let terms: Term[] = [quasi(expression.quasis[0])];
      expression.expressions.forEach((part, i) => {
        terms = concat(concat(terms, next(part, "value")), [quasi(expression.quasis[i + 1])]);
      });
      return terms;
    }
    case "BinaryExpression":
      if (expression.operator !== "+" || mode === "each") return [UNKNOWN];
      return concat(next(expression.left, "value"), next(expression.right, "value"));
    case "ConditionalExpression":
      return [...next(expression.consequent, mode), ...next(expression.alternate, mode)];
    case "LogicalExpression":
      return [...next(expression.left, mode), ...next(expression.right, mode)];
    case "ArrayExpression":
      if (mode === "value") return [UNKNOWN];
      return expression.elements.flatMap((element) =>
        element === null
          ? []
          : element.type === "SpreadElement"
            ? next(element.argument, "each")
            : next(element, "value"),
      );
    case "Identifier":
      return identifier(expression, mode, index, depth);
    case "MemberExpression":
      return member(expression, mode, index, depth);
    default:
      return [UNKNOWN];
  }
}

function identifier(node: TSESTree.Identifier, mode: Mode, index: FileIndex, depth: number): Term[] {
  const name = node.name;
  for (
    let child: Node = node, parent = index.parents.get(node);
    parent;
    child = parent, parent = index.parents.get(parent)
  ) {
    if (isFunction(parent)) {
      const found = param(parent, name, mode, index, depth);
      if (found) return found;
    }
    // for (const key of keys) { process.env[key] }
    if (parent.type === "ForOfStatement" && parent.body === child && parent.left.type === "VariableDeclaration") {
      const [declarator] = parent.left.declarations;
      if (declarator?.id.type === "Identifier" && declarator.id.name === name) {
        return mode === "value" ? evaluate(parent.right, "each", index, depth + 1) : [UNKNOWN];
      }
    }
  }
  const declarations = index.declarations.get(name) ?? [];
  if (declarations.length === 1 && declarations[0]) return evaluate(declarations[0], mode, index, depth + 1);
  const binding = index.imports.get(name);
  if (binding && declarations.length === 0) {
    return [{ kind: "import", binding, path: [], each: mode === "each", range: node.range, prefix: "", suffix: "" }];
  }
  return [UNKNOWN];
}

/** The term for `name` when it is a parameter of `fn`; null when `fn` does not declare it. */
function param(fn: FunctionNode, name: string, mode: Mode, index: FileIndex, depth: number): Term[] | null {
  for (const [position, param] of fn.params.entries()) {
    // constructor(protected readonly envPrefix = "") declares a parameter and a field at once.
    const raw = param.type === "TSParameterProperty" ? param.parameter : param;
    const pattern = raw.type === "AssignmentPattern" ? raw.left : raw;
    if (pattern.type === "Identifier" && pattern.name === name) {
      // items.some((key) => process.env[key]): the key is an element of `items`.
      const call = index.parents.get(fn);
      if (call?.type === "CallExpression" && call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
        const callee = unwrap(call.callee);
        const method = callee.type === "MemberExpression" ? memberName(callee) : null;
        if (callee.type !== "MemberExpression" || method === null || ELEMENT_PARAM[method] !== position)
          return [UNKNOWN];
        return mode === "value" ? evaluate(callee.object, "each", index, depth + 1) : [UNKNOWN];
      }
      return [{ kind: "param", fn, index: position, each: mode === "each", prefix: "", suffix: "" }];
    }
    // function f({ envPrefix }) { … process.env[`${envPrefix}_URL`] }: whatever callers pass as envPrefix.
    if (pattern.type === "ObjectPattern") {
      for (const property of pattern.properties) {
        if (property.type !== "Property") continue;
        const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
        const key = property.key.type === "Identifier" && !property.computed ? property.key.name : null;
        if (value.type === "Identifier" && value.name === name && key !== null) {
          return [{ kind: "field", field: key, each: mode === "each", prefix: "", suffix: "" }];
        }
      }
    }
  }
  return null;
}

function member(node: TSESTree.MemberExpression, mode: Mode, index: FileIndex, depth: number): Term[] {
  const property = memberName(node);
  if (property === null) return [UNKNOWN];
  const object = unwrap(node.object);
  if (object.type === "Identifier") {
    const enumeration = index.enums.get(object.name);
    if (enumeration) {
      const found = enumeration.body.members.find(
        (item) => (item.id.type === "Identifier" ? item.id.name : stringValue(item.id)) === property,
      );
      return found?.initializer ? evaluate(found.initializer, mode, index, depth + 1) : [UNKNOWN];
    }
    const declarations = index.declarations.get(object.name) ?? [];
    const binding = index.imports.get(object.name);
    if (binding && declarations.length === 0) {
      const imported = binding.imported === "*" ? { ...binding, imported: property } : binding;
      const path = binding.imported === "*" ? [] : [property];
      return [
        { kind: "import", binding: imported, path, each: mode === "each", range: node.range, prefix: "", suffix: "" },
      ];
    }
    const [declaration] = declarations;
    if (declarations.length === 1 && declaration?.type === "ObjectExpression") {
      for (const item of declaration.properties) {
        if (
          item.type === "Property" &&
          !item.computed &&
          item.key.type === "Identifier" &&
          item.key.name === property
        ) {
          return evaluate(item.value, mode, index, depth + 1);
        }
      }
      return [UNKNOWN];
    }
  }
  // consts.ConfigKey.RedisUrl on a namespace import: the export ConfigKey, member RedisUrl.
  if (object.type === "MemberExpression" && object.object.type === "Identifier") {
    const binding = index.imports.get(object.object.name);
    const exported = memberName(object);
    if (binding?.imported === "*" && exported !== null && !index.declarations.has(object.object.name)) {
      const imported = { from: binding.from, imported: exported };
      return [
        {
          kind: "import",
          binding: imported,
          path: [property],
          each: mode === "each",
          range: node.range,
          prefix: "",
          suffix: "",
        },
      ];
    }
  }
  // this.envPrefix for `constructor(…, readonly envPrefix = "")`: what each `new` passes there.
  if (object.type === "ThisExpression") {
    const found = constructorParameter(node, property, index);
    if (found) return [{ ...found, each: mode === "each" }];
  }
  // entry.customNameEnv, this.envPrefix: whatever the file sets that property to.
  return [{ kind: "field", field: property, each: mode === "each", prefix: "", suffix: "" }];
}

/** The constructor parameter property `name` of the class `node` is in, as a parameter term. */
function constructorParameter(node: Node, name: string, index: FileIndex): Extract<Term, { kind: "param" }> | null {
  let current: Node | undefined = node;
  while (current && current.type !== "ClassBody") current = index.parents.get(current);
  if (!current) return null;
  for (const member of current.body) {
    if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
    if (member.value.type !== "FunctionExpression") continue;
    for (const [position, param] of member.value.params.entries()) {
      if (param.type !== "TSParameterProperty") continue;
      const inner = param.parameter.type === "AssignmentPattern" ? param.parameter.left : param.parameter;
      if (inner.type === "Identifier" && inner.name === name)
        return { kind: "param", fn: member.value, index: position, each: false, prefix: "", suffix: "" };
    }
  }
  return null;
}

function quasi(element: TSESTree.TemplateElement | undefined): Term {
  const value = element?.value.cooked ?? "";
  return { kind: "name", value, range: element ? [element.range[0] + 1, element.range[1] - 1] : [0, 0] };
}

/** Every name `left` can be followed by every name `right` can be; a name built of two unknown parts is unknown. */
export function concat(left: Term[], right: Term[]): Term[] {
  const terms: Term[] = [];
  for (const a of left) {
    for (const b of right) {
      if (terms.length >= MAX_TERMS) return [UNKNOWN];
      if (a.kind === "name" && b.kind === "name") {
        // The range of the part that varies: where a reader looks for the name.
        const range: Range = b.value === "" ? a.range : a.value === "" ? b.range : [a.range[0], b.range[1]];
        terms.push({ kind: "name", value: a.value + b.value, range });
      } else if (a.kind === "name" && b.kind !== "unknown") terms.push(affix(b, a.value, ""));
      else if (b.kind === "name" && a.kind !== "unknown") terms.push(affix(a, "", b.value));
      else terms.push(UNKNOWN);
    }
  }
  return terms;
}

export function affix(term: Term, prefix: string, suffix: string): Term {
  if (term.kind === "unknown") return term;
  if (term.kind === "name") return { ...term, value: prefix + term.value + suffix };
  return { ...term, prefix: prefix + term.prefix, suffix: term.suffix + suffix };
}

function innerRangeOf(node: Node): Range {
  return [node.range[0] + 1, node.range[1] - 1];
}
