// The variables a JavaScript or TypeScript file reads: process.env (dot, bracket, optional
// chaining, destructuring, aliases), import.meta.env, Bun.env, Deno.env.get, SvelteKit's $env
// modules, and the schemas of envalid (cleanEnv) and t3-env (createEnv).
import type { Position, TSESTree } from "@deploylint/core/rule-api";
import type { ReadFact } from "../facts.js";
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
const UPPER = /^[A-Z][A-Z0-9_]*$/;

export function scriptReads(program: TSESTree.Program, positionAt: (offset: number) => Position): ReadFact[] {
  const scope = collectAliases(program);
  const reads: ReadFact[] = [];
  let dynamicSeen = false;
  const add = (name: string | null, range: readonly [number, number], via: string) => {
    // One computed access per file is enough to say that reads may be missed here.
    if (name === null) {
      if (dynamicSeen) return;
      dynamicSeen = true;
    }
    const start = positionAt(range[0]);
    const end = positionAt(range[1]);
    reads.push({ name, via, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  };
  const envVia = (node: Node) => envObjectVia(node, scope);

  walkWithParent(program, (node, parent) => {
    switch (node.type) {
      case "MemberExpression":
        readMember({ node, parent, envVia, scope, add });
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
          if (key !== null) add(key, innerRange(node.left), envVia(node.right) ?? "");
        }
        break;
      case "CallExpression":
        readCall(node, envVia, add);
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
  });
  return reads;
}

interface Scope {
  processNames: Set<string>;
  envAliases: Map<string, EnvAlias>;
}

type Add = (name: string | null, range: readonly [number, number], via: string) => void;

// Aliases are collected for the whole file first (a function may use one declared below it);
// scopes are not tracked, which is right for the common `const env = process.env` at the top.
function collectAliases(program: TSESTree.Program): Scope {
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
        } else if (/^(\.{1,2}\/|[~@#]\/)/.test(from)) {
          // A project's own env module (a re-export of process.env, or t3-env's validated object).
          scope.envAliases.set(local, { via: "env module", strict: true });
        }
      }
    }
  }
  walkWithParent(program, (node) => {
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
  });
  return scope;
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

function readMember(options: {
  node: TSESTree.MemberExpression;
  parent: Node | null;
  envVia: (node: Node) => string | null;
  scope: Scope;
  add: Add;
}): void {
  const { node, parent, envVia, scope, add } = options;
  const via = envVia(node.object);
  if (!via || via === "Deno.env") return;
  if (parent && isWrite(node, parent)) return;
  const name = memberName(node);
  if (name === null) {
    add(null, node.range, via);
    return;
  }
  // process.env.hasOwnProperty("X") calls a method; it reads no variable named like the method.
  if (parent?.type === "CallExpression" && parent.callee === node && !UPPER.test(name)) return;
  if (via === "import.meta.env" && VITE_BUILTINS.has(name)) return;
  const object = unwrap(node.object);
  if (object.type === "Identifier" && scope.envAliases.get(object.name)?.strict && !UPPER.test(name)) return;
  add(name, node.computed ? innerRange(node.property) : node.property.range, via);
}

function readCall(node: TSESTree.CallExpression, envVia: (node: Node) => string | null, add: Add): void {
  const callee = unwrap(node.callee);
  const calleeName =
    callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : null;
  // Deno.env.get("X"), Deno.env.has("X")
  if (callee.type === "MemberExpression" && envVia(callee.object) === "Deno.env") {
    if (calleeName !== "get" && calleeName !== "has") return;
    const [first] = node.arguments;
    if (!first) return;
    const name = stringValue(first);
    add(name, name === null ? first.range : innerRange(first), "Deno.env");
    return;
  }
  // envalid: cleanEnv(process.env, { X: str(), … })
  if (calleeName === "cleanEnv" || calleeName === "customCleanEnv") {
    const schema = node.arguments[1];
    if (schema?.type === "ObjectExpression") readObjectKeys(schema, "envalid", add);
    return;
  }
  // t3-env: createEnv({ server: { X: z.string() }, client: { … }, shared: { … } })
  if (calleeName === "createEnv") {
    const options = node.arguments[0];
    if (options?.type !== "ObjectExpression") return;
    for (const property of options.properties) {
      if (property.type !== "Property" || property.value.type !== "ObjectExpression") continue;
      const section = keyName(property);
      if (section === "server" || section === "client" || section === "shared") {
        readObjectKeys(property.value, "t3-env", add);
      }
    }
  }
}

function readObjectKeys(object: TSESTree.ObjectExpression, via: string, add: Add): void {
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property);
    if (name !== null) add(name, property.key.type === "Literal" ? innerRange(property.key) : property.key.range, via);
  }
}

/** `const { X, Y = "d", Z: z } = process.env`: each key is a read. */
function readPattern(pattern: Node, via: string, add: Add): void {
  if (pattern.type !== "ObjectPattern") return;
  for (const property of pattern.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property);
    if (name === null) add(null, property.key.range, via);
    else add(name, property.key.type === "Literal" ? innerRange(property.key) : property.key.range, via);
  }
}

function isWrite(node: Node, parent: Node): boolean {
  if (parent.type === "AssignmentExpression" && parent.left === node) return true;
  if (parent.type === "UpdateExpression") return true;
  return parent.type === "UnaryExpression" && parent.operator === "delete";
}

function memberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : null;
  return stringValue(node.property);
}

function keyName(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  return stringValue(property.key);
}

function importedName(specifier: TSESTree.ImportSpecifier): string | null {
  return specifier.imported.type === "Identifier" ? specifier.imported.name : stringValue(specifier.imported);
}

function nameOf(node: Node): string {
  return node.type === "Identifier" ? node.name : "";
}

/** A string literal's value, or a template literal's without substitutions; null otherwise. */
function stringValue(node: Node): string | null {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The range of a string literal's content, without its quotes. */
function innerRange(node: Node): [number, number] {
  const isString = node.type === "Literal" || node.type === "TemplateLiteral";
  return isString ? [node.range[0] + 1, node.range[1] - 1] : [node.range[0], node.range[1]];
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === "ChainExpression" ||
    current.type === "TSNonNullExpression" ||
    current.type === "TSAsExpression" ||
    current.type === "TSSatisfiesExpression" ||
    current.type === "TSTypeAssertion"
  ) {
    current = current.expression;
  }
  return current;
}
