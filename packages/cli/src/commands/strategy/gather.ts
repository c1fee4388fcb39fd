// Reads what deploylint knows about a repository into StrategyInputs: the ladder manifest, the CI
// model of every pipeline file, the platform files, the migrations pack's rules as the resolved
// config sets them, the documented variables and the smoke checks. Only names and structure are
// kept: a value that could be a secret (a connection string's password, a variable's value) never is.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type CiPipeline, ciProviderOf, commandTable, readCiFile } from "@deploylint/ci-model";
import type { ResolvedConfig } from "@deploylint/core";
import { isExampleFileName } from "@deploylint/core/rule-api";
import { createLineIndex, parseDotenv } from "@deploylint/core/sources";
import { readExample } from "@deploylint/rules-env-docs";
import { platformOfPath } from "@deploylint/rules-rollout";
import { parseDocument, parse as parseYaml } from "yaml";
import { detectRepository, listFiles } from "../init-detect.js";
import { readManifest } from "../pre-deploy-config.js";
import { readSmoke, stepsOf } from "../smoke-config.js";
import { ladderRow, safeText } from "./cells.js";
import type {
  DocumentedVariables,
  ManifestInputs,
  MigrationFolder,
  PlatformFile,
  RuleState,
  SmokeCheckSummary,
  StrategyInputs,
} from "./inputs.js";
import { strategiesIn } from "./rollout-strategies.js";

// A platform file larger than this is generated output, not something a person configures.
const MAX_PLATFORM_FILE_BYTES = 1_000_000;

export async function gatherInputs(config: ResolvedConfig, cwd: string): Promise<StrategyInputs> {
  const files = listFiles(cwd);
  const read = (path: string): string | null => {
    try {
      return readFileSync(join(cwd, path), "utf8");
    } catch {
      // Unreadable: it contributes nothing, as in the lint, which reports what it cannot read.
      return null;
    }
  };
  const smoke = await readSmoke(config);
  return {
    manifest: manifestInputs(config, cwd),
    pipelines: pipelinesOf(files, read, config),
    platforms: platformsOf(files, cwd, read),
    migrationFolders: migrationFoldersOf(cwd, config),
    migrationRules: migrationRulesOf(config),
    envFiles: documentedVariables(files, read, config),
    smoke: {
      declared: smoke.declared,
      checks: smoke.checks.map(
        (check): SmokeCheckSummary => ({
          name: check.name,
          kind: check.kind ?? null,
          // Without the query: a committed config may still carry a token there, and the document spreads it.
          paths: stepsOf(check).map((step) => step.request.path.replace(/[?#].*$/, "")),
          environments: check.environments ?? null,
        }),
      ),
    },
  };
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The manifest's ladder; null without one. A manifest that cannot be read or parsed is a config error. */
export function manifestInputs(config: ResolvedConfig, cwd: string): ManifestInputs | null {
  const manifest = readManifest(config, cwd);
  if (!manifest) return null;
  const root = asRecord(parseYaml(readFileSync(join(cwd, manifest.path), "utf8")));
  const environments = Object.entries(asRecord(root.environments)).map(([name, body]) =>
    ladderRow(name, asRecord(body)),
  );
  const production = Object.entries(asRecord(root.environments)).find(([name]) =>
    /^(production|prod|live)$/i.test(name),
  )?.[1];
  const monitoring = asRecord(asRecord(production).monitoring);
  const model = asRecord(root.architecture).deployment_model;
  const documentPath = asRecord(root.docs).deployment_strategy;
  return {
    path: manifest.path,
    environments,
    deploymentModel: typeof model === "string" && model.trim() !== "" ? model.trim() : null,
    productionAlerts: safeText(monitoring.alerts),
    productionOnCall: safeText(monitoring.on_call),
    strategyDocument: typeof documentPath === "string" && documentPath.trim() !== "" ? documentPath.trim() : null,
    featureFlags: Object.keys(asRecord(root.feature_flags)),
  };
}

function pipelinesOf(files: readonly string[], read: (path: string) => string | null, config: ResolvedConfig) {
  const extra = asRecord(config.settings.pipeline).commands;
  const { table } = commandTable(extra);
  const pipelines: CiPipeline[] = [];
  for (const path of files) {
    if (ciProviderOf(path) === null) continue;
    const text = read(path);
    if (text === null) continue;
    const document = parseDocument(text);
    pipelines.push(...readCiFile({ path, document, lines: createLineIndex(text), table, readFile: read }));
  }
  return pipelines;
}

// Kubernetes manifests and ECS task definitions are told by their content, as the rollout pack
// tells them; a Helm chart's templates belong to the chart (reported as helm).
const KUBERNETES_WORKLOAD = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|Rollout)["']?\s*$/m;
const ECS_TASK = /"containerDefinitions"\s*:/;
const NOT_A_DEPLOY = /(^|\/)(test|tests|__tests__|e2e|cypress|playwright|fixtures|testdata|examples?)\//;
// Compose files for development, tests or local infrastructure run nothing users reach.
const LOCAL_COMPOSE = /(^|\/)(hack|dev|local)\/|[.-](dev|development|local|test|integration|ci|e2e)\.ya?ml$/;

function platformsOf(files: readonly string[], cwd: string, read: (path: string) => string | null): PlatformFile[] {
  const charts = files.filter((file) => file.endsWith("/Chart.yaml") || file === "Chart.yaml");
  const chartDirs = charts.map((chart) => chart.slice(0, chart.length - "Chart.yaml".length));
  const found: PlatformFile[] = [];
  for (const file of files) {
    // A compose file for end-to-end tests or an example deploys nothing of the product's.
    if (NOT_A_DEPLOY.test(file)) continue;
    const byPath = platformOfPath(file);
    if (byPath === "compose" && LOCAL_COMPOSE.test(file)) continue;
    if (byPath !== null) {
      found.push({ file, platform: byPath, strategies: strategiesIn(read(file) ?? "") });
      continue;
    }
    const yaml = /\.ya?ml$/.test(file);
    const json = file.endsWith(".json");
    if ((!yaml && !json) || ciProviderOf(file) !== null) continue;
    if (chartDirs.some((dir) => file.startsWith(dir))) continue;
    if (statSync(join(cwd, file)).size > MAX_PLATFORM_FILE_BYTES) continue;
    const text = read(file) ?? "";
    if (yaml && KUBERNETES_WORKLOAD.test(text))
      found.push({ file, platform: "kubernetes", strategies: strategiesIn(text) });
    else if (json && ECS_TASK.test(text)) found.push({ file, platform: "ecs", strategies: strategiesIn(text) });
  }
  return found;
}

// The dialect the config names wins over detection, as it does in the lint.
function migrationFoldersOf(cwd: string, config: ResolvedConfig): MigrationFolder[] {
  const configured = asRecord(config.settings.migrations).dialect;
  return detectRepository(cwd).migrations.map((root) => ({
    path: root.path,
    framework: root.framework.value,
    dialect: typeof configured === "string" ? configured : (root.dialect?.value ?? null),
    files: root.files,
  }));
}

/** Every migrations rule with its resolved severity ("off" when the config leaves it out). */
export function migrationRulesOf(config: ResolvedConfig): RuleState[] {
  const pack = config.packs.find((loaded) => loaded.pack.name === "migrations")?.pack;
  if (!pack) return [];
  return pack.rules.map((rule) => {
    const id = `migrations/${rule.id}`;
    return { id, description: rule.meta.description, severity: config.rules[id]?.severity ?? "off" };
  });
}

/** settings.envDocs.example (names or paths), else every name core's isExampleFileName accepts. */
function isDocumentationFile(path: string, config: ResolvedConfig): boolean {
  const example = asRecord(config.settings.envDocs).example;
  const configured = typeof example === "string" ? [example] : Array.isArray(example) ? example.map(String) : null;
  if (configured === null) return isExampleFileName(path);
  const base = path.slice(path.lastIndexOf("/") + 1);
  return configured.some((name) => (name.includes("/") ? name.replace(/^\.\//, "") === path : name === base));
}

function documentedVariables(
  files: readonly string[],
  read: (path: string) => string | null,
  config: ResolvedConfig,
): DocumentedVariables[] {
  const result: DocumentedVariables[] = [];
  for (const file of files) {
    if (!isDocumentationFile(file, config)) continue;
    const text = read(file);
    if (text === null) continue;
    const lines = createLineIndex(text);
    const entries = readExample(parseDotenv(text), (offset) => lines.positionAt(offset));
    // Only names and decorators leave this function; entry.value may be a real credential.
    result.push({
      file,
      count: entries.length,
      required: entries.filter((entry) => entry.documentation.decorators.required).length,
      sensitive: entries
        .filter((entry) => entry.documentation.decorators.sensitive)
        .map((entry) => ({ name: entry.name, rotation: safeText(entry.documentation.decorators.rotation) })),
    });
  }
  return result;
}
