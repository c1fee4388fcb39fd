// JSON Schema of `settings.secrets`, validated when the config is loaded.
import type { JSONSchema } from "@deploylint/core/rule-api";

export const secretsSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    hashSalt: {
      description: "Salt of the hashes that compare secrets across environment files.",
      type: "string",
      minLength: 1,
    },
  },
};
