// The engine's own rules. Their findings come from the engine (a file that does not parse, a
// suppression that suppresses nothing); they are rules so that config, presets and docs treat
// them like any other.
import { definePack, defineRule } from "../rule-api/index.js";

export const PARSE_ERROR_ID = "deploylint/parse-error";
export const UNUSED_SUPPRESSION_ID = "deploylint/unused-suppression";

const parseError = defineRule({
  id: "parse-error",
  meta: {
    description: "Report a file that cannot be parsed as its kind; rules that need its syntax tree skip it.",
    kinds: ["text"],
    presets: { recommended: "error", strict: "error" },
    messages: { parseError: "This file does not parse as {{kind}}: {{message}}" },
    help: "Fix the syntax error; until then no rule that reads this file's structure can judge it.",
  },
  create: () => null,
});

const unusedSuppression = defineRule({
  id: "unused-suppression",
  meta: {
    description: "Report an inline deploylint-disable directive that suppresses nothing.",
    kinds: ["text"],
    presets: { recommended: "warn", strict: "error" },
    messages: { unused: "This directive suppresses no {{rule}} finding." },
    help: "Remove the directive, or point it at the line that has the finding.",
  },
  create: () => null,
});

export const CORE_PACK = definePack({ name: "deploylint", rules: [parseError, unusedSuppression] });
