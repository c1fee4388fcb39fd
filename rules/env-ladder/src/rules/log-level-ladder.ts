// env-ladder/log-level-ladder: logs get quieter up the ladder — debug on local, info on staging,
// warn or error in production — in the manifest and in each environment's actual values.
import { defineRule } from "@deploylint/core/rule-api";
import { normaliseKey, parseLevel } from "../extract/classify-value.js";
import { MANIFEST_FACT, VALUES_FACT } from "../facts.js";
import type { Rung } from "../ladder.js";
import { readLadder, spotOf, textField } from "../ladder-model.js";

export interface LogLevelLadderOptions {
  /** Variable names that hold a log level (case and separators ignored). */
  keys: string[];
  levels: Record<Rung, string[]>;
}

const DEFAULTS: LogLevelLadderOptions = {
  keys: ["LOG_LEVEL", "LOGLEVEL", "LOGGING_LEVEL", "RUST_LOG", "APP_LOG_LEVEL", "LOG"],
  levels: { local: ["trace", "debug"], staging: ["info"], production: ["warn", "error"] },
};

const levelList = { type: "array", items: { type: "string" }, minItems: 1 };

export default defineRule({
  id: "log-level-ladder",
  scope: "project",
  meta: {
    description:
      "Require log levels to step down the ladder: debug on local, info on staging, warn or error in production.",
    kinds: ["yaml", "json", "dotenv", "text"],
    facts: [MANIFEST_FACT, VALUES_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      manifestLevel:
        "Environment {{name}} declares log_level {{level}}, but {{rung}} should log at {{expected}}: {{why}}.",
      valueLevel:
        "Variable {{key}} sets log level {{level}} for {{name}}, but {{rung}} should log at {{expected}}: {{why}}.",
    },
    help: "Set the level the ladder expects for the environment, in the manifest and in its env and platform files.",
    options: {
      type: "object",
      properties: {
        keys: { type: "array", items: { type: "string", minLength: 1 } },
        levels: {
          type: "object",
          properties: { local: levelList, staging: levelList, production: levelList },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/log-level-ladder.md" },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const keys = new Set((context.options?.keys ?? DEFAULTS.keys).map(normaliseKey));
    const levels = { ...DEFAULTS.levels, ...context.options?.levels };
    for (const environment of ladder.environments) {
      const rung = environment.rung;
      if (rung === null) continue;
      const allowed = levels[rung];
      const common = { name: environment.name, rung, expected: allowed.join(" or "), why: WHY[rung] };
      const declared = textField(environment, "log_level");
      const declaredLevel = declared === null ? null : parseLevel(declared);
      if (declared !== null && !(declaredLevel && allowed.includes(declaredLevel))) {
        context.report({
          messageId: "manifestLevel",
          // Only a recognised level is echoed: the field may hold anything, a pasted secret included.
          data: { ...common, level: declaredLevel ?? UNKNOWN },
          file: ladder.file,
          ...spotOf(environment, "log_level"),
        });
      }
      for (const values of ladder.valuesOf(environment)) {
        for (const entry of values.entries) {
          if (!entry.level || !keys.has(normaliseKey(entry.key)) || allowed.includes(entry.level)) continue;
          context.report({
            messageId: "valueLevel",
            data: { ...common, key: entry.key, level: entry.level },
            file: values.file,
            line: entry.line,
            column: entry.column,
            endLine: entry.endLine,
            endColumn: entry.endColumn,
          });
        }
      }
    }
  },
});

/** What a message says in place of a manifest value that is not a known level. */
const UNKNOWN = "an unknown value";

const WHY: Record<Rung, string> = {
  local: "developers need the detail to see what the code does before it leaves their machine",
  staging: "staging should log what production would plus enough context to validate a release, without debug noise",
  production: "debug and info logs in production cost money, bury the errors that matter and can leak personal data",
};
