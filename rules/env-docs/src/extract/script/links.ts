// The cross-file part of a script's reads: the calls of imported functions with variable names
// as arguments, the variable names it exports, and next.config's build-time env keys.
import type { Position, TSESTree } from "@deploylint/core/rule-api";
import type { NamedSpan, ScriptLinks, Span } from "../../facts.js";
import { mayBeProjectModule, memberName, UPPER, unwrap } from "./ast.js";
import type { FileIndex } from "./file-index.js";
import { buildDefinitions, viteEnvPrefixes } from "./frameworks.js";
import { evaluate, type Mode } from "./names.js";
import { resolveTerms } from "./resolve.js";
import { exportedSchemas } from "./schemas.js";
import { toolReads } from "./tool-reads.js";

type Node = TSESTree.Node;
type PositionAt = (offset: number) => Position;

/** Bounds what one file may add to the project phase (a generated file can hold thousands). */
const MAX_ITEMS = 500;
/** A function whose name says it reads the environment: its calls are kept even when their argument is not known. */
const ENV_LIKE = /env/i;

export function emptyLinks(): ScriptLinks {
  return {
    helpers: [],
    constants: [],
    lookups: [],
    calls: [],
    reExports: [],
    envExports: [],
    memberReads: [],
    toolReads: [],
    buildEnv: [],
  };
}

export function collectLinks(index: FileIndex, positionAt: PositionAt, path: string, links: ScriptLinks): void {
  const spanOf = (range: readonly [number, number]): Span => {
    const start = positionAt(range[0]);
    const end = positionAt(range[1]);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
  links.reExports.push(...index.reExports);
  for (const calls of index.calls.values()) {
    for (const call of calls) addCall(call, index, spanOf, links);
  }
  // ns.getEnv("X") on a namespace import.
  for (const call of index.memberCalls) addCall(call, index, spanOf, links);
  collectConstants(index, links);
  const schemas = exportedSchemas(index).map((schema) => ({
    export: schema.export,
    keys: schema.keys.map((key) => ({ name: key.name, ...spanOf(key.range) })),
  }));
  if (schemas.length > 0) links.schemas = schemas.slice(0, MAX_ITEMS);
  links.toolReads.push(...toolReads(index.modules));
  links.buildEnv.push(...buildDefinitions(path, index));
  const prefixes = viteEnvPrefixes(path, index);
  if (prefixes) links.viteEnvPrefixes = prefixes;
}

function addCall(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: FileIndex,
  spanOf: (range: readonly [number, number]) => Span,
  links: ScriptLinks,
): void {
  if (links.calls.length >= MAX_ITEMS) return;
  const target = importedCallee(call, index);
  // Only the project's own modules can hold a helper the project phase knows.
  if (!target || !mayBeProjectModule(target.from)) return;
  // No argument can name a variable in a file without an UPPER string: only env-like helpers count.
  if (!index.upperStrings && !ENV_LIKE.test(target.imported)) return;
  const args = call.arguments.map((argument) =>
    argument.type === "SpreadElement" ? null : argumentNames(argument, index, spanOf),
  );
  const namesSomething = args.some((arg) => arg?.values.some((value) => UPPER.test(value.name)));
  if (!namesSomething && !ENV_LIKE.test(target.imported)) return;
  links.calls.push({ ...spanOf(call.range), ...target, args });
}

/** The imported function a call calls: `getEnv(…)` imported by name or default, or `ns.getEnv(…)`. */
function importedCallee(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: FileIndex,
): { from: string; imported: string } | null {
  const callee = unwrap(call.callee);
  if (callee.type === "Identifier") {
    const binding = index.imports.get(callee.name);
    return binding && binding.imported !== "*" && !index.declarations.has(callee.name) ? binding : null;
  }
  if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
    const binding = index.imports.get(callee.object.name);
    const name = memberName(callee);
    return binding?.imported === "*" && name !== null ? { from: binding.from, imported: name } : null;
  }
  return null;
}

/** The names an argument certainly holds: a name, or (array) the names it lists; null when not all are known. */
function argumentNames(argument: Node, index: FileIndex, spanOf: (range: readonly [number, number]) => Span) {
  for (const mode of ["value", "each"] as Mode[]) {
    const resolution = resolveTerms(evaluate(argument, mode, index), index);
    if (resolution.unknown || resolution.imports.length > 0 || resolution.names.length === 0) continue;
    const values: NamedSpan[] = resolution.names.map((name) => ({ name: name.value, ...spanOf(name.range) }));
    return { array: mode === "each", values };
  }
  return null;
}

/** Exported variable names: what `process.env[Keys.X]` in another file may look up. */
function collectConstants(index: FileIndex, links: ScriptLinks): void {
  const add = (item: ScriptLinks["constants"][number]) => {
    if (links.constants.length < MAX_ITEMS && UPPER.test(item.value)) links.constants.push(item);
  };
  for (const [exported, local] of index.exports) {
    const enumeration = index.enums.get(local);
    if (enumeration) {
      for (const member of enumeration.body.members) {
        const key = member.id.type === "Identifier" ? member.id.name : null;
        const value = member.initializer ? plainName(member.initializer) : null;
        if (key !== null && value !== null) add({ export: exported, path: [key], value, element: false });
      }
      continue;
    }
    const declarations = index.declarations.get(local) ?? [];
    const [init] = declarations;
    if (declarations.length !== 1 || !init) continue;
    const value = unwrap(init);
    const single = plainName(value);
    if (single !== null) add({ export: exported, path: [], value: single, element: false });
    if (value.type === "ArrayExpression") {
      for (const element of value.elements) {
        const name = element ? plainName(element) : null;
        if (name !== null) add({ export: exported, path: [], value: name, element: true });
      }
    }
    if (value.type === "ObjectExpression") {
      for (const property of value.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
        const name = plainName(property.value);
        if (name !== null) add({ export: exported, path: [property.key.name], value: name, element: false });
      }
    }
  }
}

function plainName(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === "Literal" && typeof value.value === "string") return value.value;
  return value.type === "TemplateLiteral" && value.expressions.length === 0
    ? (value.quasis[0]?.value.cooked ?? null)
    : null;
}
