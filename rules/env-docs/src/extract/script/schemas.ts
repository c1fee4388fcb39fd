// Environment schemas: each key of the schema is a variable the app reads, also when the schema
// sits in a variable, is built from pieces (`{ ...base }`, `.extend({…})`) or is imported whole
// from another module (resolved in the project phase). envalid's
// cleanEnv(process.env, spec), zod's schema.parse(process.env), t3-env's createEnv({ server, client, shared }).
import type { TSESTree } from "@deploylint/core/rule-api";
import { innerRange, keyName, memberName, unwrap } from "./ast.js";
import type { FileIndex } from "./file-index.js";

type Node = TSESTree.Node;
type Add = (name: string | null, range: readonly [number, number], via: string) => void;
/** A schema key, where it is written; null when some of the schema cannot be followed. */
type Keys = { name: string; range: readonly [number, number] }[] | null;

const ZOD_PARSE = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync"]);
const ZOD_OBJECT = new Set(["object", "strictObject", "looseObject"]);
/** zod methods that keep the keys of the schema they are called on. */
const ZOD_SAME_KEYS = new Set([
  "passthrough",
  "strict",
  "strip",
  "partial",
  "required",
  "deepPartial",
  "describe",
  "refine",
  "superRefine",
  "catchall",
]);
const T3_SECTIONS = new Set(["server", "client", "shared"]);
const MAX_DEPTH = 8;
/** A variable's name as schemas write it (`DATABASE_URL`, `NEXT_PUBLIC_APP_URL`). */
const UPPER_NAME = /^[A-Z][A-Z0-9_]*$/;

/** A schema imported whole from another module: the project phase reads its keys there. */
export type UseImported = (use: {
  from: string;
  imported: string;
  via: string;
  range: readonly [number, number];
}) => void;

export function readSchema(
  call: TSESTree.CallExpression,
  context: { index: FileIndex; envVia: (node: Node) => string | null; add: Add; useImported: UseImported },
): void {
  const { index, envVia, add, useImported } = context;
  const callee = unwrap(call.callee);
  const name =
    callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : null;
  const report = (keys: Keys, where: Node, via: string) => {
    const binding = importedSchema(where, index);
    if (keys === null && binding) useImported({ ...binding, via, range: where.range });
    else if (keys === null) add(null, where.range, via);
    else for (const key of keys) add(key.name, key.range, via);
  };
  if (name === "cleanEnv" || name === "customCleanEnv") {
    const spec = call.arguments[1];
    if (spec) report(objectKeys(spec, index, 0), spec, "envalid");
    return;
  }
  if (name === "createEnv") {
    const options = call.arguments[0] ? objectOf(call.arguments[0], index, 0) : null;
    if (!options) return;
    for (const property of options.properties) {
      if (property.type !== "Property" || !T3_SECTIONS.has(keyName(property) ?? "")) continue;
      report(objectKeys(property.value, index, 0), property.value, "t3-env");
    }
    return;
  }
  // schema.parse(process.env): the schema's keys are read.
  const [first] = call.arguments;
  if (callee.type === "MemberExpression" && ZOD_PARSE.has(name ?? "") && first && envVia(first)) {
    report(zodKeys(callee.object, index, 0), callee.object, "zod");
  }
}

function zodKeys(expression: Node, index: FileIndex, depth: number): Keys {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(expression);
  if (node.type === "Identifier") {
    const declarations = index.declarations.get(node.name) ?? [];
    return declarations.length === 1 && declarations[0] ? zodKeys(declarations[0], index, depth + 1) : null;
  }
  if (node.type !== "CallExpression") return null;
  const callee = unwrap(node.callee);
  if (callee.type !== "MemberExpression") return null;
  const method = memberName(callee) ?? "";
  const [first] = node.arguments;
  if (ZOD_OBJECT.has(method)) return first ? objectKeys(first, index, depth + 1) : null;
  if (ZOD_SAME_KEYS.has(method)) return zodKeys(callee.object, index, depth + 1);
  if (method === "extend" || method === "merge") {
    const base = zodKeys(callee.object, index, depth + 1);
    const added = first
      ? method === "extend"
        ? objectKeys(first, index, depth + 1)
        : zodKeys(first, index, depth + 1)
      : null;
    return base && added ? [...base, ...added] : null;
  }
  return null;
}

function objectKeys(expression: Node, index: FileIndex, depth: number): Keys {
  const object = objectOf(expression, index, depth);
  if (!object) return null;
  const keys: NonNullable<Keys> = [];
  for (const property of object.properties) {
    if (property.type === "SpreadElement") {
      const spread = objectKeys(property.argument, index, depth + 1);
      if (!spread) return null;
      keys.push(...spread);
      continue;
    }
    const name = keyName(property);
    if (name === null) return null;
    keys.push({ name, range: property.key.type === "Literal" ? innerRange(property.key) : property.key.range });
  }
  return keys;
}

/** The object literal an expression is, directly or through one `const`. */
function objectOf(expression: Node, index: FileIndex, depth: number): TSESTree.ObjectExpression | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(expression);
  if (node.type === "ObjectExpression") return node;
  if (node.type !== "Identifier") return null;
  const declarations = index.declarations.get(node.name) ?? [];
  return declarations.length === 1 && declarations[0] ? objectOf(declarations[0], index, depth + 1) : null;
}

/** `envSchema` imported by name or default (not declared here): the module and export it comes from. */
function importedSchema(expression: Node, index: FileIndex): { from: string; imported: string } | null {
  const node = unwrap(expression);
  if (node.type !== "Identifier" || index.declarations.has(node.name)) return null;
  const binding = index.imports.get(node.name);
  return binding && binding.imported !== "*" ? binding : null;
}

/**
 * The file's exported schemas: `export const envSchema = z.object({…})` and envalid-style specs
 * (`export const spec = { PORT: port() }`), each key a name another file's parse may read.
 */
export function exportedSchemas(index: FileIndex): { export: string; keys: NonNullable<Keys> }[] {
  const schemas: { export: string; keys: NonNullable<Keys> }[] = [];
  for (const [exported, local] of index.exports) {
    const declarations = index.declarations.get(local) ?? [];
    const [init] = declarations;
    if (declarations.length !== 1 || !init) continue;
    const keys = zodKeys(init, index, 0) ?? objectKeys(init, index, 0);
    // Only names a variable can have: an exported object of settings is not a spec of variables.
    if (keys && keys.length > 0 && keys.every((key) => UPPER_NAME.test(key.name)))
      schemas.push({ export: exported, keys });
  }
  return schemas;
}
