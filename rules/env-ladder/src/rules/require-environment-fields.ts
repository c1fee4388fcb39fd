// env-ladder/require-environment-fields: each environment says what it is for, which database and
// data it holds, how it is monitored, who may reach it and how much it logs.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_FACT } from "../facts.js";
import { readLadder, spotOf } from "../ladder-model.js";

export const DEFAULT_FIELDS = ["purpose", "database", "data", "monitoring", "access", "log_level"];

export interface RequireEnvironmentFieldsOptions {
  fields: string[];
}

export default defineRule({
  id: "require-environment-fields",
  scope: "project",
  meta: {
    description:
      "Require each environment in the ladder manifest to declare its purpose, database, data, monitoring, access and log level.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      missingFields:
        "Environment {{name}} does not declare {{fields}}: the deploy checks cannot compare it with the other rungs, and nobody can tell what it holds or who answers for it.",
    },
    help: "Add the missing fields to the environment in the ladder manifest.",
    options: {
      type: "object",
      properties: { fields: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { fields: DEFAULT_FIELDS } as RequireEnvironmentFieldsOptions,
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/require-environment-fields.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const fields = context.options?.fields ?? DEFAULT_FIELDS;
    for (const environment of ladder.environments) {
      const missing = fields.filter((field) => {
        const value = environment.fields[field]?.value;
        return value === undefined || value === null || value === "";
      });
      if (missing.length === 0) continue;
      context.report({
        messageId: "missingFields",
        data: { name: environment.name, fields: missing.join(", ") },
        file: ladder.file,
        ...spotOf(environment),
      });
    }
  },
});
