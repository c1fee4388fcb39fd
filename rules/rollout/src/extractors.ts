// The pack's extractors: the declared model from the manifest; one fact per platform file (its
// workloads and disruption budgets); gradual-exposure mechanisms from dependencies and configs.
import { defineExtractor, type FileVisitors, type LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import {
  asFact,
  GRADUAL_FACT,
  HELM_TEMPLATE_FACT,
  HELM_VALUES_FACT,
  HELMFILE_FACT,
  MODEL_FACT,
  PLATFORM_FILE_FACT,
  type Platform,
  type PlatformFileFact,
} from "./facts.js";
import { readCloudFormation } from "./readers/cloudformation.js";
import { isComposeFile, readCompose } from "./readers/compose.js";
import { readEcs } from "./readers/ecs.js";
import { environmentOfPath, isDeployed } from "./readers/environment.js";
import { isFlyFile, readFly } from "./readers/fly.js";
import { flagDependencies, gradualInText } from "./readers/gradual.js";
import {
  chartOfTemplate,
  helmfileCharts,
  isHelmfile,
  readHelmTemplate,
  readHelmValues,
  valuesFileOf,
} from "./readers/helm.js";
import { readKubernetes } from "./readers/kubernetes.js";
import { isManifestFile, readModel } from "./readers/manifest.js";
import { platformOfName } from "./readers/presence.js";
import { isRenderFile, readRender } from "./readers/render.js";
import { isTerraformFile, readTerraform } from "./readers/terraform.js";
import { readTomlDocument } from "./readers/toml.js";

export const modelExtractor = defineExtractor({
  id: MODEL_FACT,
  kinds: ["yaml"],
  create(context) {
    if (!isManifestFile(context.file.path, context.settings)) return null;
    return {
      yaml(source) {
        const document = source.documents[0];
        if (document) context.emit(asFact(readModel(document, context.file.lines)));
      },
    };
  },
});

export const platformFileExtractor = defineExtractor({
  id: PLATFORM_FILE_FACT,
  kinds: ["yaml", "json", "text"],
  create(context) {
    // `lines` is read where a reader needs it: the line index is built on first read, and this
    // extractor sees every text file (hatchet, strict: ~1,800 indexes built for nothing).
    const { path, kind } = context.file;
    const environment = environmentOfPath(path);
    const emit = (fact: PlatformFileFact | null) => {
      if (fact) context.emit(asFact(fact));
    };
    // A chart's templates are read by the Helm extractor with the values they render.
    if (chartOfTemplate(path) !== null && context.file.text.includes("{{")) return null;
    if (kind === "yaml")
      return {
        yaml: (source) =>
          emit(readYamlFile({ path, environment, documents: source.documents, lines: context.file.lines })),
      };
    if (kind === "json") {
      return {
        json(source) {
          const named = platformOfName(path);
          // The readers need the file as a YAML document (for positions), which every JSON file
          // would otherwise be parsed into a second time; one that names no ECS key cannot be one.
          if (!mayDescribeEcs(context.file.text)) {
            if (named) emit(fileFact(named, environment));
            return;
          }
          const { lines } = context.file;
          const ecs = readEcs(source.document, lines, environment);
          const stack = readCloudFormation(source.document, lines, environment);
          if (ecs) emit(fileFact("ecs", environment, { workloads: [ecs] }));
          else if (stack.length > 0) emit(fileFact("ecs", environment, { workloads: stack }));
          else if (named) emit(fileFact(named, environment));
        },
      };
    }
    if (isTerraformFile(path)) {
      return {
        text(text) {
          const services = readTerraform(text, context.file.lines, environment);
          // HCL the small reader cannot follow is left to Terraform: no facts, rather than wrong ones.
          if (services && services.length > 0) emit(fileFact("ecs", environment, { workloads: services }));
        },
      };
    }
    if (!path.endsWith(".toml")) return null;
    return {
      text(text) {
        const named = platformOfName(path);
        if (!isFlyFile(path)) {
          if (named) emit(fileFact(named, environment));
          return;
        }
        const toml = readTomlDocument(text);
        if (typeof toml === "string") emit(fileFact("fly", environment, { unreadable: toml }));
        else emit(fileFact("fly", environment, { workloads: [readFly(toml, environment)] }));
      },
    } satisfies FileVisitors;
  },
});

/**
 * Whether JSON text may hold what readEcs or readCloudFormation read: a task definition
 * (containerDefinitions), a service (deploymentConfiguration, or serviceName with taskDefinition)
 * or a template's AWS::ECS::Service. A key or string spelt with \u escapes is not in the raw text,
 * so text holding any \u is read in full.
 */
export function mayDescribeEcs(text: string): boolean {
  return (
    text.includes("\\u") ||
    text.includes("containerDefinitions") ||
    text.includes("deploymentConfiguration") ||
    (text.includes("serviceName") && text.includes("taskDefinition")) ||
    text.includes("AWS::ECS::Service")
  );
}

function readYamlFile(options: {
  path: string;
  environment: string | null;
  documents: readonly Document[];
  lines: LineIndex;
}): PlatformFileFact | null {
  const { path, environment, documents, lines } = options;
  const first = documents[0];
  const name = path.split("/").at(-1) ?? "";
  if (!first) return null;
  if (isRenderFile(path)) return fileFact("render", environment, { workloads: readRender(first, lines, environment) });
  if (isComposeFile(path)) {
    // A compose file that names no deployed environment is for development or tests, not a rollout.
    if (environment === null || !isDeployed(environment)) return null;
    return fileFact("compose", environment, { workloads: readCompose(first, lines, environment) });
  }
  const named = platformOfName(path);
  if (named) return fileFact(named, environment);
  if (name === "Chart.yaml") return fileFact("helm", environment);
  const stack = readCloudFormation(first, lines, environment);
  if (stack.length > 0) return fileFact("ecs", environment, { workloads: stack });
  const fact = fileFact("kubernetes", environment);
  let found = false;
  for (const document of documents) {
    const object = readKubernetes({ document, lines, environment });
    if (!object) continue;
    found = true;
    if ("workload" in object) fact.workloads.push(object.workload);
    else fact.pdbs.push(object.pdb);
  }
  return found ? fact : null;
}

function fileFact(
  platform: Platform,
  environment: string | null,
  parts: Partial<Pick<PlatformFileFact, "workloads" | "unreadable">> = {},
): PlatformFileFact {
  return { platform, environment, workloads: parts.workloads ?? [], pdbs: [], unreadable: parts.unreadable ?? null };
}

export const gradualExtractor = defineExtractor({
  id: GRADUAL_FACT,
  kinds: ["yaml", "json", "text"],
  create(context) {
    const { path, kind, text } = context.file;
    if (kind === "json" && (path.split("/").at(-1) ?? "") === "package.json") {
      return {
        json(source) {
          for (const name of flagDependencies(source.value)) context.emit({ what: `the feature-flag SDK ${name}` });
        },
      };
    }
    // The text prefilter keeps every other file from being read twice.
    if (
      !/(yml|yaml|sh|toml|json)$/.test(path) ||
      !/versions\s+deploy|deploymentSettings|DeploymentPreference/.test(text)
    )
      return null;
    return {
      file() {
        const what = gradualInText(text);
        if (what) context.emit({ what });
      },
    };
  },
});

// Chart templates are Go templates (read as text, whatever YAML makes of them); values files are YAML.
export const helmTemplateExtractor = defineExtractor({
  id: HELM_TEMPLATE_FACT,
  kinds: ["yaml", "text"],
  create(context) {
    const { path, text } = context.file;
    const chart = chartOfTemplate(path);
    if (chart === null || !text.includes(".Values")) return null;
    return {
      file() {
        const fact = readHelmTemplate(text, chart, path.split("/").at(-1) ?? "");
        if (fact) context.emit(asFact(fact));
      },
    };
  },
});

export const helmValuesExtractor = defineExtractor({
  id: HELM_VALUES_FACT,
  kinds: ["yaml"],
  create(context) {
    const of = valuesFileOf(context.file.path);
    if (!of) return null;
    return {
      yaml(source) {
        const document = source.documents[0];
        if (document) context.emit(asFact(readHelmValues({ document, lines: context.file.lines, ...of })));
      },
    };
  },
});

// A helmfile gives its releases values this pack does not follow: the charts it names are not judged on their defaults.
export const helmfileExtractor = defineExtractor({
  id: HELMFILE_FACT,
  kinds: ["yaml", "text"],
  create(context) {
    const { path, text } = context.file;
    if (!isHelmfile(path)) return null;
    return { file: () => context.emit({ charts: helmfileCharts(path, text) }) };
  },
});

export const extractors = [
  helmfileExtractor,
  modelExtractor,
  platformFileExtractor,
  gradualExtractor,
  helmTemplateExtractor,
  helmValuesExtractor,
];
