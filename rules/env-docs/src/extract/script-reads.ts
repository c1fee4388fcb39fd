// The variables a JavaScript or TypeScript file reads: process.env (dot, bracket, optional
// chaining, destructuring, aliases), import.meta.env, Bun.env, Deno.env.get, SvelteKit's $env
// modules, the schemas of envalid (cleanEnv), zod (.parse(process.env)) and t3-env (createEnv),
// library helpers (@silverhand/essentials' getEnv), and computed reads followed to their names
// (helpers, iterated lists, object properties).
import type { Position, TSESTree } from "@deploylint/core/rule-api";
import type { ReadFact, ScriptLinks } from "../facts.js";
import { alternativesOf } from "./script/alternatives.js";
import {
  importedName,
  innerRange,
  keyName,
  LOCAL_MODULE,
  MAX_MEMBER_READS,
  mayBeProjectModule,
  memberName,
  stringValue,
  UPPER,
  unwrap,
} from "./script/ast.js";
import { fallbackOf } from "./script/fallback.js";
import { emptyIndex, type FileIndex, indexNode } from "./script/file-index.js";
import { readNuxtRuntimeConfig } from "./script/frameworks.js";
import { callGivingName, fallbackParameter, literalsByContentStart } from "./script/helper-fallback.js";
import { readLibraryHelper } from "./script/library-helpers.js";
import { collectLinks, emptyLinks } from "./script/links.js";
import { evaluate } from "./script/names.js";
import { resolveTerms } from "./script/resolve.js";
import { readSchema, type UseImported } from "./script/schemas.js";
import { walkWithParent } from "./walk.js";

type Node = TSESTree.Node;

interface EnvAlias {
  via: string;
  /** An object that may hold other things too (an app's own `env` module): only UPPER_CASE names count. */
  strict: boolean;
}

/** Names Vite defines on import.meta.env itself; no one sets them. */
const VITE_BUILTINS = new Set(["MODE", "BASE_URL", "PROD", "DEV", "SSR"]);
const PROCESS_MODULES = new Set(["process", "node:process"]);

export interface ScriptFacts {
  reads: ReadFact[];
  links: ScriptLinks;
}

export function scriptReads(program: TSESTree.Program, positionAt: (offset: number) => Position): ReadFact[] {
  return scriptFacts(program, positionAt, "").reads;
}

export function scriptFacts(
  program: TSESTree.Program,
  positionAt: (offset: number) => Position,
  path: string,
): ScriptFacts {
  // One walk of the whole tree gathers the aliases and the file index; the reads need both whole
  // (a function may use an alias declared below it), so they are taken after, from the nodes this
  // walk set aside: only the kinds read below (most of a tree is identifiers and literals).
  const scope = importedAliases(program);
  const index = emptyIndex();
  const kept: Node[] = [];
  const keptParents: (Node | null)[] = [];
  const first: FirstPass = { scope, index, kept, keptParents };
  walkWithParent(program, (node, parent) => firstPass(first, node, parent));
  const links = emptyLinks();
  const reads: ReadFact[] = [];
  const seen = new Set<string>();
  let dynamicSeen = false;
  const add: Add = (name, range, via, hasFallback, aliasOf) => {
    // One computed access per file is enough to say that reads may be missed here.
    if (name === null) {
      if (dynamicSeen) return;
      dynamicSeen = true;
    }
    // A helper called twice with one name, or two fields with one value, is one read there.
    const key = `${name}\u0000${range[0]}\u0000${range[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    const start = positionAt(range[0]);
    const end = positionAt(range[1]);
    reads.push({
      name,
      via,
      ...(hasFallback === undefined ? {} : { hasFallback }),
      ...(aliasOf === undefined ? {} : { aliasOf }),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  };
  const envVia = (node: Node) => envObjectVia(node, scope);
  const fallback = (access: Node) => fallbackOf(access, index.parents);
  const computed = (key: Node, access: Node, via: string, hasFallback = fallback(access)) =>
    readComputed({ key, access, via, hasFallback, index, links, add, positionAt });

  // What the reads below hand on, made once for the file rather than per node.
  const memberRead = (name: string | null, range: readonly [number, number], via: string, access: Node) =>
    add(name, range, via, fallback(access), aliasTarget(access, index.parents, envVia));
  const callRead = (name: string | null, range: readonly [number, number], via: string, call: Node) =>
    add(
      name,
      range,
      via,
      call.type === "CallExpression" && call.callee.type === "MemberExpression" && memberName(call.callee) === "has"
        ? true
        : fallback(call),
    );
  const importedMember = { index, envVia, links, positionAt };
  const schemaContext = {
    index,
    envVia,
    add,
    useImported: ({ from, imported, via, range }: Parameters<UseImported>[0]) => {
      const start = positionAt(range[0]);
      const end = positionAt(range[1]);
      links.schemaUses = [
        ...(links.schemaUses ?? []),
        { from, imported, via, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      ];
    },
  };
  const libraryRead = { add, computed };
  for (let i = 0; i < kept.length; i++) {
    const node = kept[i] as Node;
    const parent = keptParents[i] ?? null;
    switch (node.type) {
      case "MemberExpression":
        readMember(node, parent, { envVia, scope, add: memberRead, computed });
        noteImportedMember(node, parent, importedMember);
        break;
      case "ExportDefaultDeclaration":
        if (isEnvObject(node.declaration, envVia)) links.envExports.push("default");
        break;
      case "VariableDeclarator":
        if (node.init && envVia(node.init)) readPattern(node.id, envVia(node.init) ?? "", add);
        break;
      case "AssignmentExpression":
      case "AssignmentPattern": {
        const via = envVia(node.right);
        if (via) readPattern(node.left, via, add);
        break;
      }
      case "BinaryExpression":
        // `"X" in process.env` checks the variable: it is read.
        if (node.operator === "in" && envVia(node.right)) {
          const key = stringValue(node.left);
          if (key !== null) add(key, innerRange(node.left), envVia(node.right) ?? "", true);
        }
        break;
      case "CallExpression":
        readCall(node, envVia, callRead);
        readSchema(node, schemaContext);
        readLibraryHelper(node, index, libraryRead);
        break;
      case "ImportDeclaration":
        // SvelteKit: `import { API_KEY } from "$env/static/private"` reads API_KEY at build time.
        if (/^\$env\/static\/(private|public)$/.test(node.source.value)) {
          for (const specifier of node.specifiers) {
            if (specifier.type !== "ImportSpecifier") continue;
            const name = importedName(specifier);
            const { imported } = specifier;
            const range = imported.type === "Identifier" ? imported.range : innerRange(imported);
            if (name !== null) add(name, range, "$env/static");
          }
        }
        break;
    }
  }
  readNuxtRuntimeConfig(path, index, add);
  collectLinks(index, positionAt, path, links);
  for (const [exported, local] of index.exports) {
    const declarations = index.declarations.get(local) ?? [];
    if (declarations.length === 1 && declarations[0] && isEnvObject(declarations[0], envVia))
      links.envExports.push(exported);
  }
  return { reads, links };
}

/** What scriptFacts' walk gathers: the aliases, the file index and the nodes the reads are taken from. */
interface FirstPass {
  scope: Scope;
  index: FileIndex;
  kept: Node[];
  keptParents: (Node | null)[];
}

/**
 * One node of scriptFacts' walk. A function of the module, not a closure made per file: the engine
 * optimises it once it runs often, where each file's own closure ran every node in the interpreter.
 */
function firstPass(pass: FirstPass, node: Node, parent: Node | null): void {
  // Asked here, in the optimised loop, rather than inside noteAlias: most nodes are of other kinds.
  if (node.type === "VariableDeclarator" || node.type === "AssignmentPattern") noteAlias(node, pass.scope);
  indexNode(pass.index, node, parent);
  if (READ_FROM.has(node.type)) {
    pass.kept.push(node);
    pass.keptParents.push(parent);
  }
}

/** process.env itself, or what an env schema returns (t3-env, envalid, zod over process.env). */
function isEnvObject(expression: Node, envVia: (node: Node) => string | null): boolean {
  const node = unwrap(expression);
  if (envVia(node)) return true;
  if (node.type !== "CallExpression") return false;
  const callee = unwrap(node.callee);
  const name =
    callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : null;
  if (name === "createEnv" || name === "cleanEnv" || name === "customCleanEnv") return true;
  const [first] = node.arguments;
  return (name === "parse" || name === "safeParse") && first !== undefined && envVia(first) !== null;
}

/**
 * `config.API_URL` on an import from the package: a read when that module exports an env object
 * (known only once every file is read: the project phase decides).
 */
function noteImportedMember(
  node: TSESTree.MemberExpression,
  parent: Node | null,
  context: {
    index: FileIndex;
    envVia: (node: Node) => string | null;
    links: ScriptLinks;
    positionAt: (offset: number) => Position;
  },
): void {
  const { index, envVia, links, positionAt } = context;
  const object = unwrap(node.object);
  if (object.type !== "Identifier" || envVia(object) || index.declarations.has(object.name)) return;
  const binding = index.imports.get(object.name);
  const name = memberName(node);
  if (!binding || !mayBeProjectModule(binding.from) || name === null || !UPPER.test(name)) return;
  if (links.memberReads.length >= MAX_MEMBER_READS) return;
  if (parent && (isWrite(node, parent) || (parent.type === "CallExpression" && parent.callee === node))) return;
  const range = node.computed ? innerRange(node.property) : node.property.range;
  const start = positionAt(range[0]);
  const end = positionAt(range[1]);
  // A namespace import's member is an export of its own: `* as config` then config.env.X is not followed.
  if (binding.imported === "*") return;
  links.memberReads.push({
    from: binding.from,
    imported: binding.imported,
    name,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  });
}

/**
 * `process.env[key]`: the names `key` can be, followed through the file; those only another file
 * knows go to the links, and a name nothing resolves leaves the read computed.
 */
function readComputed(options: {
  key: Node;
  access: Node;
  via: string;
  hasFallback: boolean | undefined;
  index: FileIndex;
  links: ScriptLinks;
  add: Add;
  positionAt: (offset: number) => Position;
}): void {
  const { key, access, via, hasFallback, index, links, add, positionAt } = options;
  const resolution = resolveTerms(evaluate(key, "value", index), index);
  const aliasIn = resolution.names.length > 1 ? alternativesOf(access, index) : null;
  // `process.env[name] ?? fallback`: each call says whether it passes a fallback.
  const parameter = fallbackParameter(access, index);
  const literals = parameter && resolution.names.length > 0 ? literalsByContentStart(index) : null;
  const fallbackFor = (range: readonly [number, number]): boolean | undefined => {
    if (!parameter || !literals) return hasFallback;
    const call = callGivingName(range, index, literals);
    return call && call.arguments.length > parameter.position ? true : undefined;
  };
  for (const name of resolution.names) add(name.value, name.range, via, fallbackFor(name.range), aliasIn?.(name.range));
  for (const term of resolution.imports) {
    const start = positionAt(term.range[0]);
    const end = positionAt(term.range[1]);
    const { from, imported } = term.binding;
    const { path, each, prefix, suffix } = term;
    links.lookups.push({
      from,
      imported,
      path,
      each,
      prefix,
      suffix,
      via,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  for (const helper of resolution.helpers) {
    // Callers in other files learn the helper's default: its own, or the argument that carries it.
    const own = parameter && index.exports.get(helper.export) === parameter.helper;
    if (own) links.helpers.push({ ...helper, fallbackArgument: parameter.position });
    else if (!parameter && hasFallback !== undefined) links.helpers.push({ ...helper, hasFallback });
    else links.helpers.push(helper);
  }
  if (resolution.unknown) add(null, access.range, via);
}

interface Scope {
  processNames: Set<string>;
  envAliases: Map<string, EnvAlias>;
}

/** hasFallback: see ReadFact; undefined when the form does not say. */
type Add = (
  name: string | null,
  range: readonly [number, number],
  via: string,
  hasFallback?: boolean,
  aliasOf?: string,
) => void;

/**
 * `process.env.A || process.env.B` (or `??`): B is read only when A is unset, an older or alternative
 * name for A (linkwarden's `APPLE_CLIENT_ID || APPLE_ID`). Returns A for the read of B.
 */
function aliasTarget(
  access: Node,
  parents: ReadonlyMap<Node, Node>,
  envVia: (node: Node) => string | null,
): string | undefined {
  let node = access;
  let parent = parents.get(node);
  while (parent && (parent.type === "ChainExpression" || parent.type === "TSAsExpression")) {
    node = parent;
    parent = parents.get(node);
  }
  if (parent?.type !== "LogicalExpression" || parent.operator === "&&" || parent.right !== node) return undefined;
  // In `A || B || C`, C's left is `A || B`: the variable it stands in for is the first one.
  let left: Node = parent.left;
  while (left.type === "LogicalExpression" && left.operator !== "&&") left = left.left;
  if (left.type === "ChainExpression") left = left.expression;
  if (left.type !== "MemberExpression" || envVia(left.object) === null) return undefined;
  return memberName(left) ?? undefined;
}

/** The node kinds the reads are taken from (scriptFacts' second pass); every other kind gives none. */
const READ_FROM = new Set<string>([
  "MemberExpression",
  "ExportDefaultDeclaration",
  "VariableDeclarator",
  "AssignmentExpression",
  "AssignmentPattern",
  "BinaryExpression",
  "CallExpression",
  "ImportDeclaration",
]);

// Aliases are collected for the whole file first (a function may use one declared below it);
// scopes are not tracked, which is right for the common `const env = process.env` at the top.
function importedAliases(program: TSESTree.Program): Scope {
  const scope: Scope = { processNames: new Set(["process"]), envAliases: new Map() };
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const from = statement.source.value;
    for (const specifier of statement.specifiers) {
      const local = specifier.local.name;
      if (PROCESS_MODULES.has(from)) {
        if (specifier.type === "ImportSpecifier") {
          if (importedName(specifier) === "env") scope.envAliases.set(local, { via: "process.env", strict: false });
        } else scope.processNames.add(local);
      } else if (specifier.type === "ImportSpecifier" && importedName(specifier) === "env") {
        if (/^\$env\/dynamic\/(private|public)$/.test(from)) {
          scope.envAliases.set(local, { via: "$env/dynamic", strict: false });
        } else if (LOCAL_MODULE.test(from)) {
          // A project's own env module (a re-export of process.env, or t3-env's validated object).
          scope.envAliases.set(local, { via: "env module", strict: true });
        }
      } else if (specifier.type !== "ImportSpecifier" && /^env$/i.test(local) && LOCAL_MODULE.test(from)) {
        // import env from "./env"; import * as env from "@/env": the module is the app's env object.
        scope.envAliases.set(local, { via: "env module", strict: true });
      }
    }
  }
  return scope;
}

/** An alias one node declares, seen in walk order: `const env = process.env`, `const { env } = process`. */
function noteAlias(node: Node, scope: Scope): void {
  if (node.type === "AssignmentPattern" && node.left.type === "Identifier") {
    // A parameter that defaults to the environment, kept so for tests to pass their own:
    // `function loadConfig(env = process.env) { return env.PORT; }` reads PORT.
    const via = envObjectVia(node.right, scope);
    if (via) scope.envAliases.set(node.left.name, { via, strict: false });
    return;
  }
  if (node.type !== "VariableDeclarator" || !node.init) return;
  const init = unwrap(node.init);
  if (node.id.type === "Identifier") {
    const via = envObjectVia(init, scope);
    if (via) scope.envAliases.set(node.id.name, { via, strict: scope.envAliases.get(nameOf(init))?.strict ?? false });
  } else if (node.id.type === "ObjectPattern" && init.type === "Identifier" && scope.processNames.has(init.name)) {
    // const { env } = process;  const { env: e } = process;
    for (const property of node.id.properties) {
      if (property.type === "Property" && keyName(property) === "env" && property.value.type === "Identifier") {
        scope.envAliases.set(property.value.name, { via: "process.env", strict: false });
      }
    }
  }
}

/** What an expression is, when it is an environment object: "process.env", "import.meta.env", … */
function envObjectVia(expression: Node, scope: Scope): string | null {
  const node = unwrap(expression);
  if (node.type === "Identifier") return scope.envAliases.get(node.name)?.via ?? null;
  if (node.type !== "MemberExpression" || memberName(node) !== "env") return null;
  const object = unwrap(node.object);
  if (object.type === "Identifier") {
    if (scope.processNames.has(object.name)) return "process.env";
    if (object.name === "Bun") return "Bun.env";
    if (object.name === "Deno") return "Deno.env";
    return null;
  }
  if (object.type === "MetaProperty" && object.meta.name === "import" && object.property.name === "meta") {
    return "import.meta.env";
  }
  // globalThis.process.env, global.process.env
  if (
    object.type === "MemberExpression" &&
    memberName(object) === "process" &&
    object.object.type === "Identifier" &&
    (object.object.name === "globalThis" || object.object.name === "global")
  ) {
    return "process.env";
  }
  return null;
}

function readMember(
  node: TSESTree.MemberExpression,
  parent: Node | null,
  context: {
    envVia: (node: Node) => string | null;
    scope: Scope;
    add: (name: string | null, range: readonly [number, number], via: string, access: Node) => void;
    computed: (key: Node, access: Node, via: string) => void;
  },
): void {
  const { envVia, scope, add, computed } = context;
  const via = envVia(node.object);
  if (!via || via === "Deno.env") return;
  if (parent && isWrite(node, parent)) return;
  const name = memberName(node);
  if (name === null) {
    if (node.computed) computed(node.property, node, via);
    else add(null, node.range, via, node);
    return;
  }
  // process.env.hasOwnProperty("X") calls a method; it reads no variable named like the method.
  if (parent?.type === "CallExpression" && parent.callee === node && !UPPER.test(name)) return;
  if (via === "import.meta.env" && VITE_BUILTINS.has(name)) return;
  const object = unwrap(node.object);
  if (object.type === "Identifier" && scope.envAliases.get(object.name)?.strict && !UPPER.test(name)) return;
  add(name, node.computed ? innerRange(node.property) : node.property.range, via, node);
}

function readCall(
  node: TSESTree.CallExpression,
  envVia: (node: Node) => string | null,
  add: (name: string | null, range: readonly [number, number], via: string, call: Node) => void,
): void {
  const callee = unwrap(node.callee);
  const calleeName =
    callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : null;
  // Deno.env.get("X"), Deno.env.has("X")
  if (callee.type === "MemberExpression" && envVia(callee.object) === "Deno.env") {
    if (calleeName !== "get" && calleeName !== "has") return;
    const [first] = node.arguments;
    if (!first) return;
    const name = stringValue(first);
    add(name, name === null ? first.range : innerRange(first), "Deno.env", node);
    return;
  }
}

/** `const { X, Y = "d", Z: z } = process.env`: each key is a read. */
function readPattern(pattern: Node, via: string, add: Add): void {
  if (pattern.type !== "ObjectPattern") return;
  for (const property of pattern.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property);
    // `const { X = "d" } = process.env`: the default is X's fallback.
    const hasFallback = property.value.type === "AssignmentPattern" ? true : undefined;
    if (via === "import.meta.env" && name !== null && VITE_BUILTINS.has(name)) continue;
    if (name === null) add(null, property.key.range, via);
    else add(name, property.key.type === "Literal" ? innerRange(property.key) : property.key.range, via, hasFallback);
  }
}

function isWrite(node: Node, parent: Node): boolean {
  if (parent.type === "AssignmentExpression" && parent.left === node) return true;
  if (parent.type === "UpdateExpression") return true;
  return parent.type === "UnaryExpression" && parent.operator === "delete";
}

function nameOf(node: Node): string {
  return node.type === "Identifier" ? node.name : "";
}
