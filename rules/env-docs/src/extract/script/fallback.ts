// Whether a JavaScript read supplies its own value when the variable is unset (ReadFact.hasFallback),
// judged from where the read's value goes. env check makes a variable required only on `false`,
// so `false` is kept to the forms where unset is certainly an error, in code that certainly runs:
// linkwarden's `process.env.GITLAB_CLIENT_ID!` sits in a provider built only when GitLab is
// enabled, and `new URL(process.env.PROXY)` under `if (process.env.PROXY)`. Anything unclear says nothing.
import type { TSESTree } from "@deploylint/core/rule-api";

type Node = TSESTree.Node;

/** Wrappers that pass the value through unchanged (`process.env?.X`, `process.env.X as string`). */
const TRANSPARENT = new Set(["ChainExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion"]);
/** Comparisons test the value (`=== "true"`): an unset variable is simply not equal. */
const COMPARISONS = new Set(["===", "!==", "==", "!="]);
/** Constructors that throw on `undefined`: `new URL(process.env.X)` fails at start when X is unset. */
const THROWS_ON_UNDEFINED = new Set(["URL"]);

/**
 * true: a fallback (`?? "d"`, `|| "d"`) or a presence test (`if (process.env.X)`, `!process.env.X`,
 * `process.env.X === "true"`, `X && …`, `Boolean(…)`). false: a module constant asserted present
 * (`const X = process.env.X!`) or passed, as the module loads, to a constructor that throws on
 * undefined. undefined: the value is used some other way.
 */
export function fallbackOf(access: Node, parents: ReadonlyMap<Node, Node>): boolean | undefined {
  let node = access;
  let parent = parents.get(node);
  while (parent && TRANSPARENT.has(parent.type)) {
    node = parent;
    parent = parents.get(node);
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case "TSNonNullExpression":
      return isModuleConstant(parent, parents) ? false : undefined;
    case "LogicalExpression":
      // `a ?? X` and `a || X`: X is the fallback of something else, which says nothing of X.
      return parent.left === node ? true : undefined;
    case "BinaryExpression":
      return COMPARISONS.has(parent.operator) ? true : undefined;
    case "UnaryExpression":
      return parent.operator === "!" ? true : undefined;
    case "IfStatement":
    case "ConditionalExpression":
    case "WhileStatement":
      return parent.test === node ? true : undefined;
    case "CallExpression":
      return parent.callee.type === "Identifier" && parent.callee.name === "Boolean" ? true : undefined;
    case "NewExpression":
      return parent.callee.type === "Identifier" &&
        THROWS_ON_UNDEFINED.has(parent.callee.name) &&
        parent.arguments[0] === node &&
        runsUnconditionally(parent, parents)
        ? false
        : undefined;
    default:
      return undefined;
  }
}

/**
 * `const secret = process.env.SECRET!` at the top of a module: the author states it is always
 * set. Elsewhere `!` only quiets the type checker: linkwarden passes
 * `{ issuer: process.env.UNITED_EFFECTS_ISSUER! }` to a provider that is used only when enabled.
 */
function isModuleConstant(node: Node, parents: ReadonlyMap<Node, Node>): boolean {
  const declarator = parents.get(node);
  if (declarator?.type !== "VariableDeclarator" || declarator.init !== node) return false;
  const declaration = parents.get(declarator);
  const container = declaration && parents.get(declaration);
  const statement = container?.type === "ExportNamedDeclaration" ? parents.get(container) : container;
  return declaration?.type === "VariableDeclaration" && declaration.kind === "const" && statement?.type === "Program";
}

/**
 * Whether a module's loading certainly evaluates `node`: it is not in a function (which may never
 * be called), a branch, a loop body, a `catch`, a class field or the right of `&&`, `||`, `??`.
 */
function runsUnconditionally(node: Node, parents: ReadonlyMap<Node, Node>): boolean {
  for (let child = node, parent = parents.get(node); parent; child = parent, parent = parents.get(parent)) {
    switch (parent.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "PropertyDefinition":
      case "StaticBlock":
      case "SwitchCase":
      case "CatchClause":
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
      case "WhileStatement":
      case "DoWhileStatement":
        return false;
      case "IfStatement":
      case "ConditionalExpression":
        if (parent.test !== child) return false;
        break;
      case "LogicalExpression":
        if (parent.right === child) return false;
        break;
      case "AssignmentPattern":
        if (parent.right === child) return false;
        break;
    }
  }
  return true;
}
