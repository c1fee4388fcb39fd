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
  return Array.isArray(configured)
    ? configured.filter((name): name is string => typeof name === "string")
    : DEFAULT_FLAG_FUNCTIONS;
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
