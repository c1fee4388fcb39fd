// The pack's extractors: every CI file read into the CI model (GitLab's local includes through the
// engine's companion reads, so a cached result is dropped when an included file changes), and the
// CI provider the manifest names.
import { ciProviderOf, commandTable, readCiFile } from "@deploylint/ci-model";
import { defineExtractor, type Fact, type Settings } from "@deploylint/core/rule-api";
import { isMap, isScalar, type Pair } from "yaml";
import {
  MANIFEST_CI_FACT,
  MANIFEST_HOSTS_FACT,
  type ManifestCiFact,
  type ManifestHostsFact,
  PIPELINE_FACT,
} from "./facts.js";
import { pipelineCommands } from "./settings.js";

// Facts are plain JSON by construction; the interfaces only lack Fact's index signature.
const asFact = (value: object): Fact => value as unknown as Fact;

export const pipelineExtractor = defineExtractor({
  id: PIPELINE_FACT,
  kinds: ["yaml"],
  create(context) {
    // The line index is built on first read of `lines`: only for a CI file, not every YAML file.
    const { path } = context.file;
    if (ciProviderOf(path) === null) return null;
    return {
      yaml(source) {
        const document = source.documents[0];
        if (!document) return;
        const { lines } = context.file;
        const { table, problems } = commandTable(pipelineCommands(context.settings));
        const pipelines = readCiFile({ path, document, lines, table, readFile: (file) => context.companion(file) });
        for (const pipeline of pipelines) {
          pipeline.problems.push(...problems.map((message) => ({ message, line: 1, column: 1 })));
          context.emit(asFact(pipeline));
        }
      },
    };
  },
});

export const manifestCiExtractor = defineExtractor({
  id: MANIFEST_CI_FACT,
  kinds: ["yaml"],
  create(context) {
    if (!isManifest(context.file.path, context.settings)) return null;
    return {
      yaml(source) {
        const ci = pairAt(source.documents[0]?.contents, "ci");
        const provider = ci && isMap(ci.value) ? pairAt(ci.value, "provider") : undefined;
        if (!provider || !isScalar(provider.key) || !isScalar(provider.value) || !provider.key.range) return;
        const start = context.file.lines.positionAt(provider.key.range[0]);
        const end = context.file.lines.positionAt(provider.value.range?.[1] ?? provider.key.range[1]);
        const fact: ManifestCiFact = {
          provider: String(provider.value.value),
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
        };
        context.emit(asFact(fact));
      },
    };
  },
});

// environments.<env>.url, as `deploylint smoke` reads it: smoke-after-deploy matches the hosts a
// smoke step fetches against them.
export const manifestHostsExtractor = defineExtractor({
  id: MANIFEST_HOSTS_FACT,
  kinds: ["yaml"],
  create(context) {
    if (!isManifest(context.file.path, context.settings)) return null;
    return {
      yaml(source) {
        const environments = pairAt(source.documents[0]?.contents, "environments");
        if (!environments || !isMap(environments.value)) return;
        const hosts: ManifestHostsFact["hosts"] = [];
        for (const pair of environments.value.items) {
          if (!isScalar(pair.key) || !isMap(pair.value)) continue;
          const url = pairAt(pair.value, "url");
          const host = url && isScalar(url.value) ? hostOf(String(url.value.value)) : null;
          if (host) hosts.push({ environment: String(pair.key.value), host });
        }
        if (hosts.length > 0) context.emit(asFact({ hosts } satisfies ManifestHostsFact));
      },
    };
  },
});

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

function pairAt(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

// The ladder manifest (env-ladder's rule): settings.ladder.manifest, else company.config.yaml.
export function isManifest(path: string, settings: Settings): boolean {
  const ladder = settings.ladder;
  const configured =
    ladder && typeof ladder === "object" && typeof (ladder as { manifest?: unknown }).manifest === "string"
      ? (ladder as { manifest: string }).manifest.trim().replace(/^(\.\/)+/, "") || null
      : null;
  return configured === null ? /^company\.config\.ya?ml$/.test(path) : path === configured;
}

export const extractors = [pipelineExtractor, manifestCiExtractor, manifestHostsExtractor];
