// What name resolution needs to know about one script, gathered in one walk: each node's parent,
// the declarations, functions, imports and calls by name, and the values of object properties.
import type { TSESTree } from "@deploylint/core/rule-api";
import { walkWithParent } from "../walk.js";
import { importedName, isFunction, keyName, UPPER } from "./ast.js";

type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export interface ImportBinding {
  /** The module as written ("./env", "@/lib/env"). */
  from: string;
  /** The exported name, "default", or "*" for a namespace import. */
  imported: string;
}

export interface FileIndex {
  parents: Map<Node, Node>;
  /** `const x = init` by name (all scopes; a name declared twice, or by `let`/`var`, is ambiguous: listed twice). */
  declarations: Map<string, Node[]>;
  enums: Map<string, TSESTree.TSEnumDeclaration>;
  functions: Map<string, FunctionNode>;
  imports: Map<string, ImportBinding>;
  /** Calls by the callee's identifier; `new X(…)` calls X's constructor. */
  calls: Map<string, (TSESTree.CallExpression | TSESTree.NewExpression)[]>;
  /** `this.getEnv(…)` by method name: the calls of a class's own helper method. */
  thisCalls: Map<string, TSESTree.CallExpression[]>;
  /** `this.getEnv` used other than as a callee: the method escapes its call sites. */
  thisReferences: Set<string>;
  /** Calls of a method of a named object (`ns.getEnv(…)`). */
  memberCalls: TSESTree.CallExpression[];
  /**
   * Identifiers used other than as a callee or a declaration, by name: a function passed around
   * escapes its call sites. Counted on first need (see referenceCount): few scripts ever ask.
   */
  references: Map<string, number> | null;
  /** Values of object-literal properties and class fields, by key. */
  fields: Map<string, Node[]>;
  /**
   * Steps name evaluation may still take in this file: following values through variables,
   * calls and properties can branch without end in generated or test code; past it, unknown.
   */
  budget: { steps: number };
  /** Field resolutions already made, by "field|mode". */
  fieldCache: Map<string, unknown>;
  /** Parameter resolutions already made, by function and "index|mode". */
  paramCache: Map<FunctionNode, Map<string, unknown>>;
  /** String literals that may name a module: import sources, require() and plugin lists. */
  modules: TSESTree.Literal[];
  /**
   * Whether some string or template text is UPPER (`"API_URL"`, `` `${prefix}_URL` ``'s "_URL" is
   * not): every name evaluation finds is built of such pieces and starts in one that is, so a file
   * without one names no variable by a string (see links.ts addCall).
   */
  upperStrings: boolean;
  /** Local names exported, by their exported name. */
  exports: Map<string, string>;
  /** `export … from`: exported name → binding in another module ("*" re-exports everything). */
  reExports: { exported: string; from: string; imported: string }[];
}

export function indexFile(program: TSESTree.Program): FileIndex {
  const index = emptyIndex();
  walkWithParent(program, (node, parent) => indexNode(index, node, parent));
  return index;
}

export function emptyIndex(): FileIndex {
  return {
    parents: new Map(),
    declarations: new Map(),
    enums: new Map(),
    functions: new Map(),
    imports: new Map(),
    calls: new Map(),
    memberCalls: [],
    thisCalls: new Map(),
    thisReferences: new Set(),
    references: null,
    fields: new Map(),
    exports: new Map(),
    reExports: [],
    modules: [],
    upperStrings: false,
    budget: { steps: 5_000 },
    fieldCache: new Map(),
    paramCache: new Map(),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds one node of a walk (script-reads.ts takes the walk, for its own passes too). */
export function indexNode(index: FileIndex, node: Node, parent: Node | null): void {
  if (parent) index.parents.set(node, parent);
  switch (node.type) {
    case "Literal":
      if (typeof node.value === "string") {
        if (node.value.startsWith("@")) index.modules.push(node);
        else if (!index.upperStrings && UPPER.test(node.value)) index.upperStrings = true;
      }
      break;
    case "TemplateElement":
      if (!index.upperStrings && UPPER.test(node.value.cooked ?? "")) index.upperStrings = true;
      break;
    case "VariableDeclarator":
      if (node.id.type === "Identifier" && node.init) {
        push(index.declarations, node.id.name, node.init);
        // `let key = "A"; if (x) key = "B";`: the initial value is one of several; not followed.
        if (parent?.type === "VariableDeclaration" && parent.kind !== "const")
          push(index.declarations, node.id.name, node.init);
        if (isFunction(node.init)) index.functions.set(node.id.name, node.init);
      }
      break;
    case "FunctionDeclaration":
      if (node.id) index.functions.set(node.id.name, node);
      break;
    case "TSEnumDeclaration":
      index.enums.set(node.id.name, node);
      break;
    case "ImportDeclaration":
      for (const specifier of node.specifiers) {
        const imported =
          specifier.type === "ImportDefaultSpecifier"
            ? "default"
            : specifier.type === "ImportNamespaceSpecifier"
              ? "*"
              : importedName(specifier);
        if (imported !== null) index.imports.set(specifier.local.name, { from: node.source.value, imported });
      }
      break;
    case "NewExpression":
      if (node.callee.type === "Identifier") push(index.calls, node.callee.name, node);
      break;
    case "CallExpression":
      if (node.callee.type === "Identifier") push(index.calls, node.callee.name, node);
      else if (node.callee.type === "MemberExpression" && node.callee.object.type === "Identifier")
        index.memberCalls.push(node);
      break;
    case "MemberExpression":
      if (node.object.type === "ThisExpression" && !node.computed && node.property.type === "Identifier") {
        const isCallee = parent?.type === "CallExpression" && parent.callee === node;
        if (isCallee) push(index.thisCalls, node.property.name, parent);
        else index.thisReferences.add(node.property.name);
      }
      break;
    case "Property":
    case "PropertyDefinition": {
      const key = keyName(node);
      if (key !== null && node.value && parent?.type !== "ObjectPattern") push(index.fields, key, node.value);
      break;
    }
    case "ExportNamedDeclaration":
      indexNamedExport(node, index);
      break;
    case "ExportDefaultDeclaration": {
      const declaration = node.declaration;
      if (declaration.type === "Identifier") index.exports.set("default", declaration.name);
      else if (
        (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") &&
        declaration.id
      ) {
        index.exports.set("default", declaration.id.name);
      }
      break;
    }
    case "ExportAllDeclaration":
      index.reExports.push({
        exported: node.exported ? nameOf(node.exported) : "*",
        from: node.source.value,
        imported: "*",
      });
      break;
  }
}

/** How many times `name` is used other than as a callee or a declaration (see FileIndex.references). */
export function referenceCount(index: FileIndex, name: string): number {
  if (!index.references) {
    const references = new Map<string, number>();
    for (const [node, parent] of index.parents) {
      if (node.type === "Identifier" && isReference(node, parent))
        references.set(node.name, (references.get(node.name) ?? 0) + 1);
    }
    index.references = references;
  }
  return index.references.get(name) ?? 0;
}

function indexNamedExport(node: TSESTree.ExportNamedDeclaration, index: FileIndex): void {
  const declaration = node.declaration;
  if (declaration?.type === "VariableDeclaration") {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier") index.exports.set(declarator.id.name, declarator.id.name);
    }
  } else if (declaration && "id" in declaration && declaration.id?.type === "Identifier") {
    index.exports.set(declaration.id.name, declaration.id.name);
  }
  for (const specifier of node.specifiers) {
    const local = nameOf(specifier.local);
    const exported = nameOf(specifier.exported);
    if (node.source) index.reExports.push({ exported, from: node.source.value, imported: local });
    else index.exports.set(exported, local);
  }
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

/** An identifier that names a value in use: not a key, a member's property, a declaration or a callee. */
function isReference(node: TSESTree.Identifier, parent: Node): boolean {
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === node || (parent.computed && parent.property === node);
    case "Property":
      return parent.value === node || parent.shorthand || (parent.computed && parent.key === node);
    case "CallExpression":
    case "NewExpression":
      return parent.callee !== node;
    case "ClassDeclaration":
    case "ClassExpression":
      return parent.id !== node;
    case "VariableDeclarator":
      return parent.init === node;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "ExportSpecifier":
    case "ExportDefaultDeclaration":
    case "PropertyDefinition":
    case "MethodDefinition":
    case "TSEnumMember":
    case "TSPropertySignature":
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return false;
    default:
      return !parent.type.startsWith("TS");
  }
}
