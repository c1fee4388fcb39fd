// settings.pipeline: the command classes a team extends with its own scripts. Read by the pipeline
// pack's extractor and by env-ladder's CI reader (both classify commands with the same table).
import { COMMAND_CLASSES } from "@deploylint/ci-model";
import type { JSONSchema, Settings } from "@deploylint/core/rule-api";

export const pipelineSettingsSchema: JSONSchema = {
  type: "object",
  properties: {
    commands: {
      type: "object",
      description: "Extra regular expressions per command class, e.g. { smoke: ['scripts/check-live\\\\.sh'] }.",
      propertyNames: { enum: [...COMMAND_CLASSES] },
      additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
    },
  },
  additionalProperties: false,
};

export function pipelineCommands(settings: Settings): unknown {
  const section = settings.pipeline;
  return section && typeof section === "object" ? (section as { commands?: unknown }).commands : undefined;
}
