// JSON Schema of `settings.secrets`, validated when the config is loaded. The pack reads no
// settings today (the salt it once took is replaced by a key kept beside the cache), so any key
// here is a mistake the loader should name rather than ignore.
import type { JSONSchema } from "@deploylint/core/rule-api";

export const secretsSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {},
};
