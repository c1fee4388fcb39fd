// Where CI and deploy config hold values for a running job or container: GitHub Actions `env:` and
// `with:`, GitLab CI `variables:`, docker-compose `environment:`, Kubernetes `Secret` data.
import { environmentOfPath, normaliseEnvironment } from "../shared/env-files.js";
import { looksLikeSecretValue } from "../shared/secret-values.js";
import { hasUnspelledKey, yamlCouldPair } from "../shared/yaml-prefilter.js";
import { child, isCollection, isPair, isScalar, keyOf } from "../shared/yaml-walk.js";

export interface InlineSite {
  key: string;
  /** The value as the platform sees it (base64 `data:` decoded). */
  value: string;
  /** Offsets of the value in the file. */
  start: number;
  end: number;
  /** Human name of the block, e.g. "GitHub Actions env". */
  context: string;
  /** Environment the value is for (a job's `environment:`, a compose or overlay file's name), or null. */
  environment: string | null;
  /** Every value of a Kubernetes Secret is a secret, whatever its key's name. */
  alwaysSecret: boolean;
}

interface Context {
  text: string;
  sites: InlineSite[];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function isGithubWorkflow(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

export function isGitlabCi(path: string): boolean {
  return /(?:^|\/)\.gitlab-ci\.ya?ml$|\.gitlab-ci\.ya?ml$|(?:^|\/)\.gitlab\/ci\/[^/]+\.ya?ml$/.test(path);
}

export function isComposeFile(path: string): boolean {
  return /^(?:docker-)?compose(?:[.-][\w-]+)?\.ya?ml$/.test(basename(path));
}

/**
 * Whether a YAML file can have inline sites at all, from its path and text alone: CI and compose
 * files by path, Kubernetes Secrets by their text. Readers of the sites use it as their prefilter,
 * so lockfiles, OpenAPI schemas and other big YAML are never parsed for them.
 */
export function mayHaveInlineSites(text: string, path: string): boolean {
  return isGithubWorkflow(path) || isGitlabCi(path) || isComposeFile(path) || mayBeKubernetesSecret(text);
}

/**
 * The prefilter of no-inline-secret-in-ci: a GitHub workflow's sites are `key: scalar` pairs, and
 * the rule reports one only under a secret-named key with a value passing its value test (a
 * number is judged as JavaScript prints it, so anything that may be a number is kept).
 */
export function mayHaveInlineSecret(text: string, path: string): boolean {
  if (!isGithubWorkflow(path)) return mayHaveInlineSites(text, path);
  return mayBeKubernetesSecret(text) || yamlCouldPair(text, (value) => NUMBER_LIKE.test(value) || isInlineValue(value));
}

/** The value test of a site that is not always secret (no-inline-secret-in-ci's isInlineSecret). */
export function isInlineValue(value: string): boolean {
  return looksLikeSecretValue(value, { minLength: 6, minEntropy: 2.5 });
}

// How a YAML number starts (`12`, `-1.5e9`, `.5`, `0x1f`, `0o17`, `.inf`).
const NUMBER_LIKE = /^[-+]?(?:[0-9]|\.[0-9]|\.inf)/i;

/**
 * The prefilter of the secrets:env-secret extractor: a GitHub workflow's sites are candidates only
 * in a job with an `environment:` (the text holds the word), unless it is also a Kubernetes Secret.
 */
export function mayHaveEnvironmentSites(text: string, path: string): boolean {
  if (!isGithubWorkflow(path)) return mayHaveInlineSites(text, path);
  return ENVIRONMENT_KEY.test(text) || hasUnspelledKey(text) || mayBeKubernetesSecret(text);
}

// The `environment:` key of a job, plain or quoted.
const ENVIRONMENT_KEY = /environment["']?[ \t]*:/;

// Escapes are read only in double-quoted scalars, and the first escape of one follows its opening
// quote with no other quote between: text without this shape spells every scalar as written.
const DOUBLE_QUOTED_ESCAPE = /"[^"\\]*\\/;

/**
 * A Kubernetes Secret's sites are the entries of its `stringData:` or `data:` beside `kind: Secret`:
 * the three words are in the text as written (a scalar split over lines is folded with a space,
 * an alias is no scalar), unless an escape spells one of them: in a double-quoted scalar for the
 * value `Secret`, in a double-quoted or explicit key for the keys.
 */
function mayBeKubernetesSecret(text: string): boolean {
  const keySpelled = hasUnspelledKey(text);
  if (!(text.includes("Secret") || DOUBLE_QUOTED_ESCAPE.test(text))) return false;
  if (!(text.includes("kind") || keySpelled)) return false;
  return text.includes("data") || text.includes("stringData") || keySpelled;
}

/** Pushes each `key: scalar` of a map node as a site. */
function mapSites(options: {
  node: unknown;
  ctx: Context;
  context: string;
  environment: string | null;
  unwrap?: boolean;
}) {
  const { node, ctx, context, environment } = options;
  if (!isCollection(node)) return;
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const key = keyOf(item);
    // GitLab allows `VAR: { value: "…", description: "…" }`.
    const target = options.unwrap && isCollection(item.value) ? child(item.value, "value") : item.value;
    if (key === null || !isScalar(target) || !target.range) continue;
    if (typeof target.value !== "string" && typeof target.value !== "number") continue;
    const [start, end] = target.range;
    ctx.sites.push({ key, value: String(target.value), start, end, context, environment, alwaysSecret: false });
  }
}

/** `environment: production` or `environment: { name: production }` of a job. */
function jobEnvironment(job: unknown): string | null {
  const environment = child(job, "environment");
  const name = isScalar(environment)
    ? environment.value
    : isScalar(child(environment, "name"))
      ? (child(environment, "name") as { value: unknown }).value
      : null;
  return typeof name === "string" && !name.includes("${") ? normaliseEnvironment(name) : null;
}

function githubSites(root: unknown, ctx: Context): void {
  mapSites({ node: child(root, "env"), ctx, context: "GitHub Actions env", environment: null });
  const jobs = child(root, "jobs");
  if (!isCollection(jobs)) return;
  for (const item of jobs.items) {
    if (!isPair(item)) continue;
    const job = item.value;
    const environment = jobEnvironment(job);
    mapSites({ node: child(job, "env"), ctx, context: "GitHub Actions env", environment });
    const container = child(job, "container");
    mapSites({ node: child(container, "env"), ctx, context: "GitHub Actions container env", environment });
    mapSites({
      node: child(container, "credentials"),
      ctx,
      context: "GitHub Actions container credentials",
      environment,
    });
    const services = child(job, "services");
    if (isCollection(services)) {
      for (const service of services.items) {
        if (!isPair(service)) continue;
        mapSites({ node: child(service.value, "env"), ctx, context: "GitHub Actions service env", environment });
        mapSites({
          node: child(service.value, "credentials"),
          ctx,
          context: "GitHub Actions service credentials",
          environment,
        });
      }
    }
    const steps = child(job, "steps");
    if (!isCollection(steps)) continue;
    for (const step of steps.items) {
      mapSites({ node: child(step, "env"), ctx, context: "GitHub Actions step env", environment });
      mapSites({ node: child(step, "with"), ctx, context: "GitHub Actions step input (with:)", environment });
    }
  }
}

function gitlabSites(root: unknown, ctx: Context): void {
  if (!isCollection(root)) return;
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const key = keyOf(item);
    if (key === "variables") {
      mapSites({ node: item.value, ctx, context: "GitLab CI variables", environment: null, unwrap: true });
    } else if (isCollection(item.value)) {
      mapSites({
        node: child(item.value, "variables"),
        ctx,
        context: "GitLab CI job variables",
        environment: jobEnvironment(item.value),
        unwrap: true,
      });
    }
  }
}

function composeSites(root: unknown, ctx: Context, environment: string | null): void {
  const services = child(root, "services");
  if (!isCollection(services)) return;
  for (const service of services.items) {
    if (!isPair(service)) continue;
    const env = child(service.value, "environment");
    if (!isCollection(env)) continue;
    mapSites({ node: env, ctx, context: "docker-compose environment", environment });
    // The list form: `- KEY=value`.
    for (const item of env.items) {
      if (!isScalar(item) || typeof item.value !== "string" || !item.range) continue;
      const eq = item.value.indexOf("=");
      if (eq <= 0) continue;
      const quoted = /["']/.test(ctx.text[item.range[0]] ?? "") ? 1 : 0;
      const start = item.range[0] + quoted + eq + 1;
      const value = item.value.slice(eq + 1);
      ctx.sites.push({
        key: item.value.slice(0, eq),
        value,
        start,
        end: start + value.length,
        context: "docker-compose environment",
        environment,
        alwaysSecret: false,
      });
    }
  }
}

function decodeBase64(value: string): string | null {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, "base64").toString("utf8");
}

function kubernetesSecretSites(root: unknown, ctx: Context, environment: string | null): void {
  const kind = child(root, "kind");
  if (!isScalar(kind) || kind.value !== "Secret") return;
  const before = ctx.sites.length;
  mapSites({ node: child(root, "stringData"), ctx, context: "Kubernetes Secret stringData", environment });
  const data = child(root, "data");
  const dataStart = ctx.sites.length;
  mapSites({ node: data, ctx, context: "Kubernetes Secret data", environment });
  for (let i = before; i < ctx.sites.length; i++) {
    const site = ctx.sites[i];
    if (!site) continue;
    site.alwaysSecret = true;
    if (i >= dataStart) site.value = decodeBase64(site.value) ?? site.value;
  }
}

/** The inline values of a YAML file's CI, compose or Kubernetes blocks (empty for other files). */
export function inlineSites(options: { path: string; text: string; roots: unknown[] }): InlineSite[] {
  const { path, text, roots } = options;
  const ctx: Context = { text, sites: [] };
  const fileEnvironment = environmentOfPath(path);
  for (const root of roots) {
    if (isGithubWorkflow(path)) githubSites(root, ctx);
    else if (isGitlabCi(path)) gitlabSites(root, ctx);
    else if (isComposeFile(path)) composeSites(root, ctx, fileEnvironment);
    kubernetesSecretSites(root, ctx, fileEnvironment);
  }
  return ctx.sites;
}
