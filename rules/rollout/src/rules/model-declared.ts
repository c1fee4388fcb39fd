// rollout/model-declared: the manifest declares how the product runs (architecture.deployment_model),
// and the platform files in the repository can run it: every other rollout rule depends on it.
import { defineRule } from "@deploylint/core/rule-api";
import { MODEL_FACT, PLATFORM_FILE_FACT } from "../facts.js";
import { DOCS, declaredModel, platformFiles } from "../model.js";
import { MODELS_OF } from "../readers/presence.js";

export default defineRule({
  id: "model-declared",
  scope: "project",
  meta: {
    description: "Require a declared deployment model that the platform files in the repository can run.",
    kinds: ["yaml", "json", "text"],
    facts: [MODEL_FACT, PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      missing:
        "The manifest declares no architecture.deployment_model: the rollout (rolling, blue-green, canary, atomic) cannot be checked against how the product runs.",
      contradicts:
        "The declared deployment model {{model}} does not match the platform files found ({{platforms}}): the rollout the strategy prescribes for {{model}} is not the one that runs.",
      noManifest:
        "No company.config.yaml declares a deployment model: the rollout rules that depend on it (gradual-exposure, the model check) are skipped.",
    },
    help: "Set architecture.deployment_model to serverless, containers, vms or edge in company.config.yaml, matching the platform you deploy to.",
    docs: { url: `${DOCS}/model-declared.md` },
  },
  check(context) {
    const model = declaredModel(context);
    const files = platformFiles(context);
    if (!model) {
      const first = files[0];
      // Said once, as information: without a manifest there is nothing to hold the files against.
      if (first) context.report({ messageId: "noManifest", file: first.file, line: 1, column: 1, severity: "info" });
      return;
    }
    if (model.model === null) {
      context.report({ messageId: "missing", file: model.file, ...model.at });
      return;
    }
    const platforms = [...new Set(files.map((record) => record.data.platform))].sort();
    const declared = model.model;
    if (platforms.length === 0 || platforms.some((platform) => MODELS_OF[platform].includes(declared))) return;
    context.report({
      messageId: "contradicts",
      data: { model: declared, platforms: platforms.join(", ") },
      file: model.file,
      ...model.at,
    });
  },
});
