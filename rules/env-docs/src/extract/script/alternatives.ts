// `flags.some((flag) => process.env[flag] === "true")` over `["ZOOM_ENABLED", "ZOOM_ENABLED_ENABLED"]`:
// any one of the listed variables does the job, so the names after the first are older or
// alternative spellings of it (linkwarden keeps honouring a typo that shipped). Like
// `process.env.A || process.env.B`, such a name is documented by its first name's entry.
import type { TSESTree } from "@deploylint/core/rule-api";
import { isFunction, memberName, stringValue, unwrap } from "./ast.js";
import type { FileIndex } from "./file-index.js";
import { literalsByContentStart } from "./helper-fallback.js";

type Node = TSESTree.Node;

/** Methods that stop at the first element that satisfies the callback: the elements are alternatives. */
const FIRST_MATCH = new Set(["some", "find", "findIndex", "findLast", "findLastIndex"]);

/**
 * For a computed read in the callback of `.some`/`.find`: a function from a resolved name's range
 * to the first name of the array literal it is listed in (undefined for the first itself, or when
 * the name is not an element of a literal list). null when the read is not in such a callback.
 */
export function alternativesOf(
  access: Node,
  index: FileIndex,
): ((range: readonly [number, number]) => string | undefined) | null {
  let fn: Node | undefined = index.parents.get(access);
  while (fn && !isFunction(fn)) fn = index.parents.get(fn);
  const call = fn ? index.parents.get(fn) : undefined;
  if (call?.type !== "CallExpression" || call.arguments[0] !== fn) return null;
  const callee = unwrap(call.callee);
  const method = callee.type === "MemberExpression" ? memberName(callee) : null;
  if (method === null || !FIRST_MATCH.has(method)) return null;
  const literals = literalsByContentStart(index);
  return (range) => {
    const literal = literals.get(range[0]);
    const list = literal ? index.parents.get(literal) : undefined;
    if (list?.type !== "ArrayExpression") return undefined;
    const first = list.elements[0];
    const firstName = first && first.type !== "SpreadElement" ? stringValue(first) : null;
    return firstName === null || first === literal ? undefined : firstName;
  };
}
