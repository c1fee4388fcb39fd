// Functions of libraries that read a variable named by their first argument, as an app's own
// helper would: `getEnv("X")` from @silverhand/essentials (logto) reads X.
import type { TSESTree } from "@deploylint/core/rule-api";
import { innerRange, stringValue, unwrap } from "./ast.js";
import type { FileIndex } from "./file-index.js";

type Add = (name: string | null, range: readonly [number, number], via: string, hasFallback?: boolean) => void;

/** Functions that throw when the variable is unset: it is required. */
const ASSERTING = new Set(["assertEnv"]);

/** Module → the functions of it whose first argument names the variable read. */
const LIBRARY_HELPERS: Record<string, readonly string[]> = {
  // https://github.com/silverhand-io/essentials: getEnv(key, fallback), assertEnv(key), getEnvAsStringArray(key).
  "@silverhand/essentials": ["getEnv", "assertEnv", "getEnvAsStringArray"],
};

/** Whether a script's text names one of those modules and one of its helpers (so it may import and call it). */
export function mentionsLibraryHelper(text: string): boolean {
  return Object.entries(LIBRARY_HELPERS).some(
    ([module, helpers]) => text.includes(module) && helpers.some((helper) => text.includes(helper)),
  );
}

export function readLibraryHelper(
  call: TSESTree.CallExpression,
  index: FileIndex,
  read: {
    add: Add;
    computed: (key: TSESTree.Node, access: TSESTree.Node, via: string, hasFallback?: boolean) => void;
  },
): void {
  const callee = unwrap(call.callee);
  if (callee.type !== "Identifier" || index.declarations.has(callee.name)) return;
  const binding = index.imports.get(callee.name);
  if (!binding || !LIBRARY_HELPERS[binding.from]?.includes(binding.imported)) return;
  const [first] = call.arguments;
  if (!first || first.type === "SpreadElement") return;
  const name = stringValue(first);
  // getEnv("X", "d") has its fallback; assertEnv("X") throws when X is unset; getEnv("X") alone
  // returns "" and the caller may or may not mind.
  const hasFallback = ASSERTING.has(binding.imported) ? false : call.arguments.length > 1 ? true : undefined;
  // `getEnv(prefix + "PORT")`: followed like process.env[prefix + "PORT"].
  if (name === null) read.computed(first, first, binding.from, hasFallback);
  else read.add(name, innerRange(first), binding.from, hasFallback);
}
