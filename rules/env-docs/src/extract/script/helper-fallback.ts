// A helper's default: `function getEnv(name, fallback) { return process.env[name] ?? fallback }`
// has one only when its caller passes `fallback`. `getEnv("LOG_LEVEL", "info")` then reads
// LOG_LEVEL with a fallback and `getEnv("DATABASE_URL")` does not say; a default in the body
// (`?? "info"`, or a parameter with a default value) is a fallback for every call.
import type { TSESTree } from "@deploylint/core/rule-api";
import { isFunction, stringValue } from "./ast.js";
import type { FileIndex } from "./file-index.js";

type Node = TSESTree.Node;

const TRANSPARENT = new Set(["ChainExpression", "TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression"]);

/** The parameter of `fn` (the helper itself, by the name it is declared with) that supplies a read's fallback. */
export interface FallbackParameter {
  position: number;
  /** The helper's name in its file: the export that hands the fallback to callers in other files. */
  helper: string | null;
}

/**
 * The parameter that is the read's fallback (`process.env[name] ?? fallback`, `|| fallback`),
 * when that parameter has no default of its own; null otherwise.
 */
export function fallbackParameter(access: Node, index: FileIndex): FallbackParameter | null {
  let node = access;
  let parent = index.parents.get(node);
  while (parent && TRANSPARENT.has(parent.type)) {
    node = parent;
    parent = index.parents.get(node);
  }
  if (parent?.type !== "LogicalExpression" || parent.operator === "&&" || parent.left !== node) return null;
  const right = parent.right;
  if (right.type !== "Identifier") return null;
  let fn: Node | undefined = parent;
  while (fn && !isFunction(fn)) fn = index.parents.get(fn);
  if (!fn || !isFunction(fn)) return null;
  const position = fn.params.findIndex((param) => {
    const raw = param.type === "TSParameterProperty" ? param.parameter : param;
    return raw.type === "Identifier" && raw.name === right.name;
  });
  if (position === -1) return null;
  const declarator = index.parents.get(fn);
  const helper =
    fn.type === "FunctionDeclaration"
      ? (fn.id?.name ?? null)
      : declarator?.type === "VariableDeclarator" && declarator.id.type === "Identifier"
        ? declarator.id.name
        : null;
  return { position, helper };
}

/** The file's string literals by where their content starts: what a resolved name's range points into. */
export function literalsByContentStart(index: FileIndex): Map<number, Node> {
  const literals = new Map<number, Node>();
  for (const node of index.parents.keys()) if (stringValue(node) !== null) literals.set(node.range[0] + 1, node);
  return literals;
}

/** The call whose argument holds the literal at `range` (a name passed directly, or listed in an array). */
export function callGivingName(
  range: readonly [number, number],
  index: FileIndex,
  literals: ReadonlyMap<number, Node>,
): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let node = literals.get(range[0]);
  for (
    let parent = node && index.parents.get(node);
    node && parent;
    node = parent, parent = index.parents.get(parent)
  ) {
    if (
      (parent.type === "CallExpression" || parent.type === "NewExpression") &&
      parent.arguments.includes(node as TSESTree.CallExpressionArgument)
    )
      return parent;
    if (parent.type !== "ArrayExpression" && parent.type !== "ConditionalExpression" && !TRANSPARENT.has(parent.type))
      return null;
  }
  return null;
}
