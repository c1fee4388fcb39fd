// Reads what `deploylint smoke` needs: the config file's `smoke` section (validated against the
// config schema by loadConfig), the checks that apply to one environment, and that environment's
// base URL from the ladder manifest (environments.<env>.url).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, type ResolvedConfig, type SmokeCheck, type SmokeSection, type SmokeStep } from "@deploylint/core";
import { isSeq, LineCounter, parseDocument } from "yaml";
import { rawConfig, readManifest } from "./pre-deploy-config.js";
import { pathSegments } from "./smoke-json-path.js";

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_SECONDS = 2;
export const DEFAULT_TIMEOUT_SECONDS = 120;

export interface SmokeSettings {
  /** Whether the config file has a smoke section at all. */
  declared: boolean;
  checks: SmokeCheck[];
  required: boolean;
  retries: number;
  backoffSeconds: number;
  timeoutSeconds: number;
}

/** The config file's smoke section with its defaults; no config file or no section means no checks. */
export async function readSmoke(config: ResolvedConfig): Promise<SmokeSettings> {
  const section = (config.configFile ? (await rawConfig(config.configFile)).smoke : undefined) as
    | SmokeSection
    | undefined;
  const checks = section?.checks ?? [];
  for (const check of checks) checkWiring(config.configFile ?? "config", check);
  return {
    declared: section !== undefined && section !== null,
    checks,
    required: section?.required === true,
    retries: section?.retries ?? DEFAULT_RETRIES,
    backoffSeconds: section?.backoff ?? DEFAULT_BACKOFF_SECONDS,
    timeoutSeconds: section?.timeout ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

/** The checks that run in `environment`: those without an environments list, and those that name it. */
export function checksFor(checks: readonly SmokeCheck[], environment: string | null): SmokeCheck[] {
  return checks.filter(
    (check) => !check.environments || (environment !== null && check.environments.includes(environment)),
  );
}

/** A check's requests in order: its steps, or its one request. */
export function stepsOf(check: SmokeCheck): SmokeStep[] {
  if (check.steps) return check.steps;
  if (!check.request) return [];
  return [{ request: check.request, ...(check.expect ? { expect: check.expect } : {}) }];
}

/**
 * JSON paths must parse, and a header `from: <name>` must name a value an earlier step of the same check captures: otherwise
 * every run would fail on the check's wiring rather than on the deployment, so it is a config error.
 */
function checkWiring(file: string, check: SmokeCheck): void {
  const captured = new Set<string>();
  for (const [index, step] of stepsOf(check).entries()) {
    // A path that cannot name a value would report the value "missing" on every run.
    const paths = [
      ...Object.keys(step.expect?.json ?? {}),
      ...Object.values(step.capture ?? {}).flatMap((source) => ("json" in source ? [source.json] : [])),
    ];
    for (const path of paths) {
      if (pathSegments(path) === null)
        throw new ConfigError(
          `${file}: smoke check "${check.name}" step ${index + 1}: "${path}" is not a JSON path (write data.items[0].id).`,
        );
    }
    for (const [header, value] of Object.entries(step.request.headers ?? {})) {
      if (typeof value === "object" && "from" in value && !captured.has(value.from)) {
        throw new ConfigError(
          `${file}: smoke check "${check.name}" step ${index + 1} sends header ${header} from "${value.from}", which no earlier step captures.`,
        );
      }
    }
    for (const name of Object.keys(step.capture ?? {})) captured.add(name);
  }
}

/**
 * environments.<env>.url of the ladder manifest, or null when it has none. A URL that is not
 * http(s) is a config error: smoke would otherwise report a deployment broken that it never reached.
 */
export function manifestUrl(config: ResolvedConfig, cwd: string, environment: string): string | null {
  const manifest = readManifest(config, cwd);
  if (!manifest) return null;
  const data = parseDocument(readFileSync(join(cwd, manifest.path), "utf8")).toJS() as {
    environments?: Record<string, { url?: unknown } | null>;
  } | null;
  const url = data?.environments?.[environment]?.url;
  if (url === undefined || url === null) return null;
  return baseUrl(url, `${manifest.path}: environments.${environment}.url`);
}

/** A base URL to join check paths to, or a ConfigError naming where it came from. */
export function baseUrl(value: unknown, source: string): string {
  let url: URL | null = null;
  try {
    url = typeof value === "string" ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new ConfigError(`${source} must be an http(s) URL.`);
  // fetch refuses such URLs anyway, and the table would print the password with the URL.
  if (url.username || url.password)
    throw new ConfigError(
      `${source} must not hold credentials: send them in a header from an environment variable ({ env: NAME }).`,
    );
  return url.href.replace(/\/+$/, "");
}

/** Line and column of smoke.checks[index] in a YAML or JSON config file; 1:1 when it cannot tell. */
export function checkPosition(configFile: string | null, index: number): { line: number; column: number } {
  if (!configFile || /\.[cm]?js$/.test(configFile)) return { line: 1, column: 1 };
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(configFile, "utf8"), { lineCounter });
    const path = configFile.endsWith("package.json") ? ["deploylint", "smoke", "checks"] : ["smoke", "checks"];
    const checks = doc.getIn(path, true);
    const offset = isSeq(checks)
      ? (checks.items[index] as { range?: [number, number, number] })?.range?.[0]
      : undefined;
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  } catch {
    return { line: 1, column: 1 };
  }
}
