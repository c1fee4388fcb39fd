// Runs smoke checks with Node's fetch: each check's steps in order, values captured by one step sent
// by the next, the whole check run again with backoff while a deploy settles, everything within
// one global deadline. Nothing here prints: outcomes carry details already masked of secrets.
import type { SmokeCapture, SmokeCheck, SmokeExpect, SmokeHeader, SmokeStep } from "@deploylint/core";
import { ConfigError } from "@deploylint/core";
import { maskCredentials } from "../credentials.js";
import { stepsOf } from "./smoke-config.js";
import { smokeFetch } from "./smoke-fetch.js";
import { readJsonPath, sameJson } from "./smoke-json-path.js";

export interface CheckOutcome {
  name: string;
  kind: string | null;
  /** Position of the check in smoke.checks (for its line in the config file). */
  index: number;
  passed: boolean;
  /** One line: what the last attempt saw, with every secret masked. */
  detail: string;
  attempts: number;
  /** HTTP status and latency of the last request made, when one answered. */
  status: number | null;
  latencyMs: number | null;
}

export interface RunOptions {
  baseUrl: string;
  checks: readonly { check: SmokeCheck; index: number }[];
  env: NodeJS.ProcessEnv;
  retries: number;
  backoffMs: number;
  timeoutMs: number;
  /** Called before each retry, so a long wait is not silent (the text holds no secret). */
  onRetry?: (check: string, attempt: number, waitMs: number, detail: string) => void;
}

/** The environment variables every check's headers read, checked before any request is made. */
export function secretsFrom(checks: readonly SmokeCheck[], env: NodeJS.ProcessEnv): string[] {
  const values: string[] = [];
  for (const check of checks) {
    for (const step of stepsOf(check)) {
      for (const [header, value] of Object.entries(step.request.headers ?? {})) {
        if (typeof value !== "object" || !("env" in value)) continue;
        const secret = env[value.env];
        if (secret === undefined || secret === "") {
          throw new ConfigError(
            `smoke: check "${check.name}" sends header ${header} from the environment variable ${value.env}, which is not set.`,
          );
        }
        values.push(secret);
      }
    }
  }
  return values;
}

/**
 * Hides secrets in what smoke prints. Text from outside (response values, redirect targets, error
 * messages) is masked of every known secret and anything credential-like; deploylint's own phrases
 * around it hold none, so they stay readable (a one-letter secret would otherwise star out every
 * "x" of the report).
 */
export class Masker {
  private readonly secrets: string[];
  constructor(secrets: readonly string[]) {
    this.secrets = [...secrets];
  }
  add(secret: string): void {
    if (secret !== "") this.secrets.push(secret);
  }
  /** Known secrets and anything credential-like: for text deploylint did not write (responses, errors). */
  mask(text: string): string {
    return maskCredentials(this.maskSecrets(text));
  }
  /** Known secrets of at least minLength characters, longest first (one may contain another). */
  maskSecrets(text: string, minLength = 1): string {
    let masked = text;
    const secrets = this.secrets.filter((secret) => secret.length >= minLength).sort((a, b) => b.length - a.length);
    for (const secret of secrets) masked = masked.replaceAll(secret, "****");
    return masked;
  }
}

interface Attempt {
  passed: boolean;
  detail: string;
  status: number | null;
  latencyMs: number | null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function runChecks(options: RunOptions, masker: Masker): Promise<CheckOutcome[]> {
  const deadline = Date.now() + options.timeoutMs;
  const outcomes: CheckOutcome[] = [];
  for (const { check, index } of options.checks) {
    let attempt: Attempt = {
      passed: false,
      detail: "not run: the global timeout had passed",
      status: null,
      latencyMs: null,
    };
    let attempts = 0;
    for (let tryIndex = 0; tryIndex <= options.retries; tryIndex++) {
      if (Date.now() >= deadline) break;
      attempts++;
      attempt = await runAttempt(check, options, deadline, masker);
      if (attempt.passed || tryIndex === options.retries || Date.now() >= deadline) break;
      // Never waits past the deadline; a wait that reaches it ends the retries (the loop checks first).
      const wait = Math.min(options.backoffMs * 2 ** tryIndex, deadline - Date.now());
      options.onRetry?.(check.name, attempts, wait, attempt.detail);
      await sleep(wait);
    }
    outcomes.push({ name: check.name, kind: check.kind ?? null, index, attempts, ...attempt });
  }
  return outcomes;
}

async function runAttempt(check: SmokeCheck, options: RunOptions, deadline: number, masker: Masker): Promise<Attempt> {
  const captured = new Map<string, string>();
  const steps = stepsOf(check);
  let last: Attempt = { passed: true, detail: "", status: null, latencyMs: null };
  for (const [index, step] of steps.entries()) {
    const label = steps.length > 1 ? `step ${index + 1}${step.name ? ` (${step.name})` : ""}: ` : "";
    const result = await runStep({ step, check, options, deadline, captured, masker });
    if (!result.passed) return { ...result, detail: `${label}${result.detail}` };
    last = result;
  }
  const latency = last.latencyMs !== null ? ` in ${last.latencyMs} ms` : "";
  const detail = steps.length > 1 ? `${steps.length} steps passed` : `${last.status}${latency}`;
  return { ...last, detail: steps.length > 1 ? `${detail}, last ${last.status}${latency}` : detail };
}

async function runStep(args: {
  step: SmokeStep;
  check: SmokeCheck;
  options: RunOptions;
  deadline: number;
  captured: Map<string, string>;
  masker: Masker;
}): Promise<Attempt> {
  const { step, check, options, deadline, captured, masker } = args;
  const request = step.request;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {}))
    headers.set(name, headerValue(value, options.env, captured));
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    if (typeof request.body !== "string" && !headers.has("content-type"))
      headers.set("content-type", "application/json");
  }
  const method = request.method ?? (body !== undefined ? "POST" : "GET");
  const url = `${options.baseUrl}${request.path}`;
  const remaining = deadline - Date.now();
  if (remaining <= 0)
    return {
      passed: false,
      detail: `${method} ${request.path}: the global timeout had passed`,
      status: null,
      latencyMs: null,
    };
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await smokeFetch({
      url,
      method,
      headers,
      body,
      follow: check.followRedirects !== false,
      secretHeaders: Object.entries(request.headers ?? {})
        .filter(([, value]) => typeof value === "object")
        .map(([name]) => name),
      signal: AbortSignal.timeout(remaining),
    });
    text = method === "HEAD" ? "" : await response.text();
  } catch (error) {
    const detail = isTimeout(error)
      ? `no response within the global timeout (${Math.round(options.timeoutMs / 1000)} s, smoke.timeout)`
      : `request failed: ${masker.mask(failureReason(error))}`;
    return { passed: false, detail: `${method} ${request.path}: ${detail}`, status: null, latencyMs: null };
  }
  const latencyMs = Math.round(performance.now() - started);
  const problems = unmet(step.expect ?? {}, response, text, latencyMs, masker);
  if (problems.length > 0) {
    return {
      passed: false,
      detail: `${method} ${request.path}: ${problems.join("; ")}`,
      status: response.status,
      latencyMs,
    };
  }
  for (const [name, source] of Object.entries(step.capture ?? {})) {
    const value = captureValue(source, response, text);
    if (value === null) {
      const from = "json" in source ? `JSON path ${source.json}` : `header ${source.header}`;
      return {
        passed: false,
        detail: `${method} ${request.path}: nothing to capture as ${name} at ${from}`,
        status: response.status,
        latencyMs,
      };
    }
    // A captured value is a session token or the like: as secret as the variables.
    masker.add(value);
    captured.set(name, value);
  }
  return { passed: true, detail: "", status: response.status, latencyMs };
}

function headerValue(value: SmokeHeader, env: NodeJS.ProcessEnv, captured: Map<string, string>): string {
  if (typeof value === "string") return value;
  const prefix = value.prefix ?? "";
  // secretsFrom checked every variable before the run and readSmoke every capture name.
  if ("env" in value) return `${prefix}${env[value.env] ?? ""}`;
  return `${prefix}${captured.get(value.from) ?? ""}`;
}

function captureValue(source: SmokeCapture, response: Response, text: string): string | null {
  if ("header" in source) return response.headers.get(source.header);
  const data = parseJson(text);
  if (data === NOT_JSON) return null;
  const found = readJsonPath(data, source.json);
  if (!found.found || found.value === null || found.value === undefined) return null;
  return typeof found.value === "string" ? found.value : JSON.stringify(found.value);
}

/** Every expectation the response misses, each as a short phrase. */
function unmet(expect: SmokeExpect, response: Response, text: string, latencyMs: number, masker: Masker): string[] {
  const problems: string[] = [];
  const statuses = expect.status === undefined ? null : [expect.status].flat();
  const statusOk = statuses ? statuses.includes(response.status) : response.status >= 200 && response.status < 300;
  if (!statusOk) {
    const wanted = statuses ? statuses.join(" or ") : "2xx";
    const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
    problems.push(
      `status ${response.status}, expected ${wanted}${location ? ` (redirect to ${masker.mask(excerpt(location))})` : ""}`,
    );
  }
  if (expect.json) {
    const data = parseJson(text);
    if (data === NOT_JSON) problems.push("body is not JSON");
    else {
      for (const [path, wanted] of Object.entries(expect.json)) {
        const found = readJsonPath(data, path);
        if (!found.found) problems.push(`${path} is missing, expected ${JSON.stringify(wanted)}`);
        else if (!sameJson(found.value, wanted))
          problems.push(
            `${path} is ${masker.mask(excerpt(JSON.stringify(found.value)))}, expected ${JSON.stringify(wanted)}`,
          );
      }
    }
  }
  for (const needle of expect.bodyContains === undefined ? [] : [expect.bodyContains].flat()) {
    if (!text.includes(needle)) problems.push(`body does not contain ${JSON.stringify(needle)}`);
  }
  if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs)
    problems.push(`took ${latencyMs} ms, more than ${expect.maxLatencyMs} ms`);
  return problems;
}

const NOT_JSON = Symbol("not JSON");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function excerpt(text: string | undefined): string {
  const value = text ?? "undefined";
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

function isTimeout(error: unknown): boolean {
  const name = (error as Error | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

/** undici hides the reason (ECONNREFUSED, ENOTFOUND, …) in error.cause. */
function failureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
