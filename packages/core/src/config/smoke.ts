// The `smoke` section of the config, as packages/core/schemas/config.schema.json admits it: the
// checks `deploylint smoke` runs against a deployed environment, and how patiently it runs them.

/** A header value: a literal, an environment variable by name (a secret), or a value an earlier step captured. */
export type SmokeHeader = string | { env: string; prefix?: string } | { from: string; prefix?: string };

export type SmokeMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export interface SmokeRequest {
  method?: SmokeMethod;
  /** Joined to the environment's base URL; starts with "/". */
  path: string;
  headers?: Record<string, SmokeHeader>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface SmokeExpect {
  /** A status or a list of them; absent means any 2xx. */
  status?: number | number[];
  /** JSON path (data.user.id, items[0].name, optionally $.-prefixed) → the value it must hold. */
  json?: Record<string, unknown>;
  bodyContains?: string | string[];
  maxLatencyMs?: number;
}

/** Where a step takes a value for later steps from. */
export type SmokeCapture = { json: string } | { header: string };

export interface SmokeStep {
  name?: string;
  request: SmokeRequest;
  expect?: SmokeExpect;
  capture?: Record<string, SmokeCapture>;
}

export type SmokeKind = "health" | "auth" | "flow" | "integration";

export interface SmokeCheck {
  name: string;
  kind?: SmokeKind;
  environments?: string[];
  followRedirects?: boolean;
  request?: SmokeRequest;
  expect?: SmokeExpect;
  steps?: SmokeStep[];
}

export interface SmokeSection {
  required?: boolean;
  retries?: number;
  /** Seconds before the first retry, doubling each time. */
  backoff?: number;
  /** Seconds the whole run may take, retries included. */
  timeout?: number;
  checks?: SmokeCheck[];
}
