// The engine's own rules. Their findings come from the engine (a file that does not parse, a
// suppression that suppresses nothing); they are rules so that config, presets and docs treat
// them like any other.
import { CONFIG_FILE_NAMES } from "../config/find.js";
import { definePack, defineRule } from "../rule-api/index.js";

export const PARSE_ERROR_ID = "deploylint/parse-error";
export const UNUSED_SUPPRESSION_ID = "deploylint/unused-suppression";
export const FILE_NOT_CHECKED_ID = "core/file-not-checked";

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

export const FILE_NOT_CHECKED_MESSAGE = "The {{pack}} pack checks this file, but it could not be read: {{reason}}.";
export const FILE_NOT_CHECKED_HELP =
  "Make the file readable text (UTF-8, or UTF-16/32 with a byte-order mark) and smaller than the limit, or add it to `ignores` if no check applies to it.";

const fileNotChecked = defineRule({
  id: "file-not-checked",
  meta: {
    description:
      "Report a file that a pack is responsible for but that could not be read: unreadable, too large, not decodable, or binary where text was expected.",
    kinds: ["text"],
    presets: { recommended: "error", strict: "error" },
    messages: { notChecked: FILE_NOT_CHECKED_MESSAGE },
    help: FILE_NOT_CHECKED_HELP,
  },
  create: () => null,
});

/** Whether a path names a deploylint config file (in any folder: a nested one governs runs started there). */
function isConfigFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return CONFIG_FILE_NAMES.includes(base);
}

/** The engine's pack for files it could not check; it owns deploylint's own config files. */
export const CORE_CHECKS_PACK = definePack({ name: "core", rules: [fileNotChecked], owns: isConfigFile });

/** The packs every run has, before the configured ones. */
export const ENGINE_PACKS = [CORE_PACK, CORE_CHECKS_PACK];
