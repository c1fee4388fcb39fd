// JSON Schema of `settings.strategyDocs`, validated when the config is loaded. The strategy path is
// not checked for existence here: a missing strategy document is require-strategy's finding.
import type { JSONSchema } from "@deploylint/core/rule-api";

export const strategyDocsSettingsSchema: JSONSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    strategy: {
      description: "The deployment strategy document (default standards/ops/deployment-strategy.md).",
      type: "string",
      minLength: 1,
    },
    rfcs: {
      description: "Globs or folders of the RFCs that carry deployment plans (default artifacts/rfcs/**/*.md).",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } },
      ],
    },
    headings: {
      description:
        "More names for the strategy's sections, by section id (ladder, pipeline, rollout, rollback, migrations, env, smoke); every rule of the pack finds sections by them.",
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(
        ["ladder", "pipeline", "rollout", "rollback", "migrations", "env", "smoke"].map((id) => [
          id,
          { type: "array", items: { type: "string", minLength: 1 } },
        ]),
      ),
    },
  },
};
