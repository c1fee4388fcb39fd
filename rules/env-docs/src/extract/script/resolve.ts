// Resolves the terms of a computed read within its file: a parameter through the calls of its
// function, a property through the object literals that set it. What needs another file (an
// import, a helper's callers elsewhere) is handed on for the project phase.
import type { TSESTree } from "@deploylint/core/rule-api";
import type { HelperTemplate } from "../../facts.js";
import { UPPER } from "./ast.js";
import { type FileIndex, type FunctionNode, referenceCount } from "./file-index.js";
import { affix, evaluate, MAX_DEPTH, type Term } from "./names.js";

type Range = [number, number];
export type ImportTerm = Extract<Term, { kind: "import" }>;

export interface Resolution {
  names: { value: string; range: Range }[];
  imports: ImportTerm[];
  helpers: HelperTemplate[];
  /** Some name could not be known: the read stays computed. */
  unknown: boolean;
}

export function resolveTerms(terms: Term[], index: FileIndex): Resolution {
  const resolution: Resolution = { names: [], imports: [], helpers: [], unknown: false };
  resolveInto(terms, index, resolution, 0);
  return resolution;
}

function resolveInto(terms: Term[], index: FileIndex, out: Resolution, depth: number): void {
  if (depth > MAX_DEPTH) {
    out.unknown = true;
    return;
  }
  for (const term of terms) {
    switch (term.kind) {
      case "name":
        out.names.push({ value: term.value, range: term.range });
        break;
      case "unknown":
        out.unknown = true;
        break;
      case "import":
        out.imports.push(term);
        break;
      case "param":
        resolveParam(term, index, out, depth);
        break;
      case "field":
        resolveField(term, index, out, depth);
        break;
    }
  }
}

/** A parameter names what each caller passes; a function passed around has callers we cannot see. */
function resolveParam(term: Extract<Term, { kind: "param" }>, index: FileIndex, out: Resolution, depth: number): void {
  // What the callers pass is the same for every read of the parameter: resolved once per file.
  const key = `${term.index}|${term.each}`;
  const cache = index.paramCache.get(term.fn) ?? new Map<string, unknown>();
  index.paramCache.set(term.fn, cache);
  let found = cache.get(key) as Resolution | undefined;
  if (!found) {
    found = { names: [], imports: [], helpers: [], unknown: false };
    cache.set(key, { names: [], imports: [], helpers: [], unknown: true });
    collectCallers(term, index, found, depth);
    cache.set(key, found);
  }
  const withAffix = <T extends Term>(item: T) => affix(item, term.prefix, term.suffix) as T;
  out.names.push(...found.names.map((name) => ({ value: term.prefix + name.value + term.suffix, range: name.range })));
  out.imports.push(...found.imports.map(withAffix));
  out.helpers.push(
    ...found.helpers.map((helper) => ({
      ...helper,
      prefix: term.prefix + helper.prefix,
      suffix: helper.suffix + term.suffix,
    })),
  );
  if (found.unknown) out.unknown = true;
}

function collectCallers(
  term: Extract<Term, { kind: "param" }>,
  index: FileIndex,
  out: Resolution,
  depth: number,
): void {
  // `function f(name = "PORT")`, `constructor(…, envPrefix = "")`: a call without it uses the default.
  const declared = term.fn.params[term.index];
  const param = declared?.type === "TSParameterProperty" ? declared.parameter : declared;
  if (param?.type === "AssignmentPattern")
    resolveInto(evaluate(param.right, term.each ? "each" : "value", index, depth + 1), index, out, depth + 1);
  const method = ownMethod(term.fn, index);
  const name = method?.name ?? functionName(term.fn, index);
  const escapes = method ? index.thisReferences.has(method.name) : referenceCount(index, name ?? "") > 0;
  if (name === null || escapes) {
    out.unknown = true;
    return;
  }
  const calls = method
    ? (index.thisCalls.get(method.name) ?? []).filter((call) => enclosingClass(call, index) === method.owner)
    : (index.calls.get(name) ?? []);
  for (const call of calls) {
    const argument = call.arguments[term.index];
    if (!argument) continue;
    if (argument.type === "SpreadElement") {
      out.unknown = true;
      continue;
    }
    resolveInto(evaluate(argument, term.each ? "each" : "value", index, depth + 1), index, out, depth + 1);
  }
  for (const [exported, local] of index.exports) {
    if (local === name)
      out.helpers.push({ export: exported, index: term.index, each: term.each, prefix: "", suffix: "" });
  }
}

/**
 * `entry.customNameEnv`: every value the file gives that property. Only when all of them are
 * variable names: a property named `key` or `name` holds all sorts, and reading those as
 * variables would invent reads.
 */
function resolveField(term: Extract<Term, { kind: "field" }>, index: FileIndex, out: Resolution, depth: number): void {
  // The values of a property are the same wherever it is looked up: resolved once per file.
  const key = `${term.field}|${term.each}`;
  let found = index.fieldCache.get(key) as Resolution | undefined;
  if (!found) {
    const values = index.fields.get(term.field) ?? [];
    found = { names: [], imports: [], helpers: [], unknown: values.length === 0 };
    // Marked unknown while in progress: a property whose value reads the same property is not followed.
    index.fieldCache.set(key, { names: [], imports: [], helpers: [], unknown: true });
    for (const value of values)
      resolveInto(evaluate(value, term.each ? "each" : "value", index, depth + 1), index, found, depth + 1);
    index.fieldCache.set(key, found);
  }
  const names = found.names.map((name) => ({ value: term.prefix + name.value + term.suffix, range: name.range }));
  if (found.unknown || found.imports.length > 0 || names.some((name) => !UPPER.test(name.value))) {
    out.unknown = true;
    return;
  }
  out.names.push(...names);
  out.helpers.push(...found.helpers);
}

/**
 * A class's own method (`getEnv(key) { return process.env[key] }`), called as `this.getEnv("X")`
 * in that class. A static or computed one is called otherwise: not followed.
 */
function ownMethod(fn: FunctionNode, index: FileIndex): { name: string; owner: TSESTree.Node } | null {
  const definition = index.parents.get(fn) as TSESTree.Node | undefined;
  if (definition?.type !== "MethodDefinition" || definition.kind !== "method" || definition.static) return null;
  if (definition.computed || definition.key.type !== "Identifier") return null;
  const owner = index.parents.get(definition);
  return owner ? { name: definition.key.name, owner } : null;
}

function enclosingClass(node: TSESTree.Node, index: FileIndex): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== "ClassBody") current = index.parents.get(current);
  return current;
}

/** The name its callers call it by: a class's constructor is called as `new ClassName(…)`. */
function functionName(fn: FunctionNode, index: FileIndex): string | null {
  if (fn.type === "FunctionDeclaration") return fn.id?.name ?? null;
  const parent = index.parents.get(fn) as TSESTree.Node | undefined;
  if (parent?.type === "MethodDefinition" && parent.kind === "constructor") {
    const owner = index.parents.get(parent) && index.parents.get(index.parents.get(parent) as TSESTree.Node);
    return owner?.type === "ClassDeclaration" ? (owner.id?.name ?? null) : null;
  }
  return parent?.type === "VariableDeclarator" && parent.id.type === "Identifier" ? parent.id.name : null;
}
