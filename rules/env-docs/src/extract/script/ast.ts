// Small questions about ESTree nodes that every script-read module asks: a literal's value, a
// key's name, a node without its TypeScript wrappers.
import type { TSESTree } from "@deploylint/core/rule-api";

type Node = TSESTree.Node;

/** What a variable name looks like in code that reads it by a built name (a prefix, a field value). */
export const UPPER = /^[A-Z][A-Z0-9_]*$/;

/** A module of the package itself: relative, or through a path alias (`@/`, `~/`, `#/`). */
export const LOCAL_MODULE = /^(\.{1,2}\/|[~@#]\/)/;

/** Bounds the member reads one file hands on (`Constants.MAX_SIZE` on every library import). */
export const MAX_MEMBER_READS = 500;

/**
 * A module that may be the project's own: one of the package, a package imported by name
 * (`@app/env`) or a tsconfig `paths` alias (`#src/env`) the project phase may resolve.
 */
export function mayBeProjectModule(specifier: string): boolean {
  return LOCAL_MODULE.test(specifier) || /^(#|(@[\w.-]+\/)?[\w.-]+(\/|$))/.test(specifier);
}

/** A string literal's value, or a template literal's without substitutions; null otherwise. */
export function stringValue(node: Node): string | null {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

export function memberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : null;
  return stringValue(node.property);
}

export function keyName(
  property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.TSEnumMember,
): string | null {
  if (property.type === "TSEnumMember") {
    return property.id.type === "Identifier" ? property.id.name : stringValue(property.id);
  }
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  return stringValue(property.key);
}

export function importedName(specifier: TSESTree.ImportSpecifier): string | null {
  return specifier.imported.type === "Identifier" ? specifier.imported.name : stringValue(specifier.imported);
}

/** The range of a string literal's content, without its quotes. */
export function innerRange(node: Node): [number, number] {
  const isString = node.type === "Literal" || node.type === "TemplateLiteral";
  return isString ? [node.range[0] + 1, node.range[1] - 1] : [node.range[0], node.range[1]];
}

export function unwrap(node: Node): Node {
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

export function isFunction(
  node: Node,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression"
  );
}
