// JSON Schema of `settings.ladder`, validated when the config is loaded: a manifest that does not
// exist is a config error, because every ladder rule would otherwise pass on nothing.
import type { JSONSchema } from "@deploylint/core/rule-api";

export const ladderSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    manifest: {
      description: "The ladder manifest (relative to the working directory).",
      type: "string",
      minLength: 1,
      deploylintPath: true,
    },
    flagFunctions: {
      description: "Function names whose first argument is a feature-flag name.",
      type: "array",
      items: { type: "string", minLength: 1 },
    },
  },
};
