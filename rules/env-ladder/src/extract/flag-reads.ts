// Finds feature-flag reads in code: calls of the usual flag SDK functions (LaunchDarkly
// `variation`, GrowthBook `isOn`, Unleash `isEnabled`, Statsig `checkGate`, …) with a literal flag name.
import type { LineIndex, TSESTree } from "@deploylint/core/rule-api";
import type { FlagReadFact } from "../facts.js";

export const DEFAULT_FLAG_FUNCTIONS: readonly string[] = [
  "isEnabled",
  "isFeatureEnabled",
  "isFlagEnabled",
  "useFlag",
  "useFeatureFlag",
  "useFeatureFlagEnabled",
  "useFeatureIsOn",
  "getFeatureFlag",
  "isOn",
  "variation",
  "boolVariation",
  "checkGate",
];

/** The flag function names: `settings.ladder.flagFunctions` when set, else the defaults. */
export function flagFunctions(settings: { readonly [section: string]: unknown }): readonly string[] {
  const ladder = settings.ladder;
  const configured =
    typeof ladder === "object" && ladder !== null ? (ladder as Record<string, unknown>).flagFunctions : undefined;
  if (!Array.isArray(configured)) return DEFAULT_FLAG_FUNCTIONS;
  // The same list for the same settings, so callsFlagFunction builds its pattern once per run.
  let names = CONFIGURED_NAMES.get(configured);
  if (!names) {
    names = configured.filter((name): name is string => typeof name === "string");
    CONFIGURED_NAMES.set(configured, names);
  }
  return names;
}

const CONFIGURED_NAMES = new WeakMap<unknown[], readonly string[]>();

/**
 * Whether the text holds a call of one of the flag functions (`isOn(`): a script without one is
 * not parsed. One regular expression per list, not one `includes` per name: on logto's 20 MB of
 * scripts the twelve default names were twelve passes over each text (~100 ms).
 */
export function callsFlagFunction(text: string, functions: readonly string[]): boolean {
  let pattern = CALL_PATTERNS.get(functions);
  if (pattern === undefined) {
    pattern = functions.length === 0 ? null : new RegExp(functions.map((name) => `${escapeRegExp(name)}\\(`).join("|"));
    CALL_PATTERNS.set(functions, pattern);
  }
  return pattern?.test(text) === true;
}

// Keyed by the list itself: the defaults are one array, and a configured list is one per run.
const CALL_PATTERNS = new WeakMap<readonly string[], RegExp | null>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The flag read by a call, when the callee is a flag function and the first argument a literal. */
export function flagRead(options: {
  node: TSESTree.CallExpression;
  functions: readonly string[];
  lines: LineIndex;
}): FlagReadFact | null {
  const { node, functions, lines } = options;
  const callee = node.callee;
  const name =
    callee.type === "Identifier"
      ? callee.name
      : callee.type === "MemberExpression" && callee.property.type === "Identifier"
        ? callee.property.name
        : null;
  if (name === null || !functions.includes(name)) return null;
  const first = node.arguments[0];
  let flag: string | null = null;
  if (first?.type === "Literal" && typeof first.value === "string") flag = first.value;
  if (first?.type === "TemplateLiteral" && first.expressions.length === 0) flag = first.quasis[0]?.value.cooked ?? null;
  if (!first || flag === null || flag === "") return null;
  const start = lines.positionAt(first.range[0]);
  const end = lines.positionAt(first.range[1]);
  return { flag, via: name, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
