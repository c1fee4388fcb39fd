// strategy-docs/rollout-matches-model: the rollout section describes the deployment model the
// manifest declares (architecture.deployment_model) and the strategies the platform files
// configure (canary, blue-green, rolling), not some other product's.
import { defineRule } from "@deploylint/core/rule-api";
import type { ModelFact, PlatformFileFact, WorkloadFact } from "@deploylint/rules-rollout";
import { DOCS, writtenSection } from "../document.js";
import { DOCUMENT_FACT, MODEL_FACT, PATHS_FACT, PLATFORM_FILE_FACT } from "../facts.js";
import { detectedPlatforms, PLATFORM_BRANDS } from "../platforms.js";

const MODEL_WORDS: Record<string, RegExp> = {
  containers: /\b(containers?|containeri[sz]ed|kubernetes|k8s|docker|ecs|fargate|pods?)\b/i,
  serverless: /\b(serverless|lambdas?|functions?|vercel|netlify)\b/i,
  vms: /\b(vms?|virtual machines?|instances?|ec2|servers?|hosts?)\b/i,
  edge: /\b(edge|workers?|cloudflare|points? of presence)\b/i,
  paas: /\b(paas|platform as a service|heroku|render|railway|fly(\.io)?)\b/i,
  static: /\b(static|cdn)\b/i,
};

/** A sentence that declares a model: "Deployment model: serverless", "we run on containers". */
const DECLARES = /\bdeployment model\b[^.\n]*?\b(containers|serverless|vms|edge|paas|static)\b/i;

const STRATEGY_WORDS: Record<string, RegExp> = {
  canary: /\bcanar(y|ies)\b/i,
  "blue-green": /\bblue[-/ ]?green\b/i,
  rolling: /\brolling\b/i,
};

export default defineRule({
  id: "rollout-matches-model",
  scope: "project",
  meta: {
    description:
      "Require the rollout section to describe the declared deployment model and the strategy the platform files configure.",
    kinds: ["markdown", "yaml", "json", "text"],
    facts: [DOCUMENT_FACT, PATHS_FACT, MODEL_FACT, PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      otherModel:
        "The rollout section declares the {{written}} deployment model, the manifest declares {{model}}: the rollout it describes is not the one that runs.",
      modelMissing:
        "The rollout section does not describe the declared {{model}} deployment model: the rollout the strategy prescribes for it is written nowhere.",
      otherPlatform:
        "The rollout section describes {{written}}, but the repository deploys to {{platforms}}: the rollout it describes is not the one that runs.",
      strategyMissing:
        "The platform files configure a {{strategy}} rollout ({{where}}), which the rollout section does not describe: on-call engineers will not know how a release reaches users.",
    },
    help: "Describe the rollout of the declared model (containers: rolling, blue-green or canary; serverless: atomic deploys behind flags; vms: blue-green; edge: one region first) and the strategy your platform files configure.",
    docs: { url: `${DOCS}/rollout-matches-model.md` },
  },
  check(context) {
    const model = context.facts<ModelFact>(MODEL_FACT)[0]?.data.model ?? null;
    const written = writtenSection(context, "rollout");
    if (!written) return;
    const { doc, section } = written;
    const at = { file: doc.file, ...section.heading.at };
    if (model !== null) {
      const declared = DECLARES.exec(section.text)?.[1]?.toLowerCase();
      if (declared && declared !== model)
        context.report({ messageId: "otherModel", data: { written: declared, model }, ...at });
      else if (!declared && MODEL_WORDS[model] && !MODEL_WORDS[model].test(section.text))
        context.report({ messageId: "modelMissing", data: { model }, ...at });
    }
    const platforms = detectedPlatforms(context);
    const named = PLATFORM_BRANDS.filter(([, pattern]) => pattern.test(section.text));
    // Only a section that names platforms, none of them the repository's, contradicts it.
    if (
      platforms.length > 0 &&
      named.length > 0 &&
      !named.some(([, , ids]) => ids.some((id) => platforms.includes(id)))
    )
      context.report({
        messageId: "otherPlatform",
        data: { written: named.map(([name]) => name).join(", "), platforms: platforms.join(", ") },
        ...at,
      });
    for (const [strategy, where] of configuredStrategies(context.facts<PlatformFileFact>(PLATFORM_FILE_FACT))) {
      if (!STRATEGY_WORDS[strategy]?.test(section.text))
        context.report({ messageId: "strategyMissing", data: { strategy, where }, ...at });
    }
  },
});

/** Each rollout strategy the platform files configure, with the first file that does. */
function configuredStrategies(records: { file: string; data: PlatformFileFact }[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const record of records) {
    for (const workload of record.data.workloads) {
      const strategy = strategyOf(workload);
      if (strategy && !found.has(strategy)) found.set(strategy, record.file);
    }
  }
  return found;
}

function strategyOf(workload: WorkloadFact): string | null {
  if (workload.canary) return "canary";
  if (workload.blueGreen) return "blue-green";
  const name = workload.strategy?.name.toLowerCase() ?? "";
  if (name.includes("canary")) return "canary";
  if (name.includes("blue")) return "blue-green";
  return null;
}
