// rollout/gradual-exposure: on serverless and edge, a deploy is atomic and reaches every user at
// once, so user-facing changes need feature flags or a gradual deployment to be exposed gradually.
import { defineRule } from "@deploylint/core/rule-api";
import { GRADUAL_FACT, MODEL_FACT } from "../facts.js";
import { DOCS, declaredModel } from "../model.js";

const ATOMIC_MODELS = new Set(["serverless", "edge"]);

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS = { userFacing: true };

export default defineRule({
  id: "gradual-exposure",
  scope: "project",
  meta: {
    description: "Require a flag provider or a gradual deployment for serverless and edge products.",
    kinds: ["yaml", "json", "text"],
    facts: [MODEL_FACT, GRADUAL_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      missing:
        "The {{model}} deployment model ships every deploy to all users at once, and no feature flags or gradual deployment are configured: a user-facing change cannot be exposed to a few users first.",
    },
    help: "Declare feature_flags in the manifest and use a flag SDK, or configure a gradual deployment (Cloudflare `wrangler versions deploy` with percentages, AWS traffic shifting).",
    options: {
      type: "object",
      properties: {
        userFacing: {
          type: "boolean",
          description: "Set to false for a product that ships no user-facing changes (an internal API).",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/gradual-exposure.md` },
  },
  check(context) {
    const model = declaredModel(context);
    if (!{ ...DEFAULTS, ...context.options }.userFacing || !model?.model || !ATOMIC_MODELS.has(model.model)) return;
    if (model.hasFlags || context.facts(GRADUAL_FACT).length > 0) return;
    context.report({ messageId: "missing", data: { model: model.model }, file: model.file, ...model.at });
  },
});
