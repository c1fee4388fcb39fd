// JSON Schema of `settings.envDocs`, validated when the config is loaded (see settings.ts for how
// the rules read it).
import type { JSONSchema } from "@deploylint/core/rule-api";

export const envDocsSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    example: {
      description: "Example file names (matched in any directory) or repository paths documenting the variables.",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } },
      ],
    },
    fallback: { description: "Whether a read may be documented by the root example.", enum: ["root", "none"] },
  },
};
