// Turns a variable's value into what the ladder rules may know about it (a log level, a live or
// test endpoint, a host), so that facts never carry the value itself.
import type { ValueEntry } from "../facts.js";

const LEVELS: Record<string, string> = {
  trace: "trace",
  silly: "trace",
  all: "trace",
  debug: "debug",
  verbose: "debug",
  info: "info",
  information: "info",
  notice: "info",
  http: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
  err: "error",
  fatal: "fatal",
  critical: "fatal",
  crit: "fatal",
  panic: "fatal",
  off: "off",
  silent: "off",
  none: "off",
};

/** A log level named by `value` (normalised: "warning" -> "warn"), or null. */
export function parseLevel(value: string): string | null {
  // RUST_LOG-style directives: "info,hyper=warn" sets info as the default level.
  const tokens = value
    .trim()
    .split(",")
    .map((token) => token.trim().toLowerCase());
  for (const token of tokens) {
    if (!token.includes("=") && token in LEVELS) return LEVELS[token] ?? null;
  }
  return null;
}

/** Keys whose value may be a log level (normalised key holds "LOG"); the rule narrows them down. */
export function mayHoldLevel(key: string): boolean {
  return normaliseKey(key).includes("LOG");
}

/** "log-level", "logLevel" and "LOG_LEVEL" all become "LOGLEVEL". */
export function normaliseKey(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** The host of a URL (no credentials, port or path), or null when the value is not a URL. */
export function hostOf(value: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)/i.exec(value.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

// Payment providers' live and test endpoints, by host (each provider's documented API hosts).
const HOSTS: readonly [RegExp, string][] = [
  [/(^|\.)sandbox\.paypal\.com$/, "paypal-sandbox"],
  [/^(api|api-m|www|ipnpb)\.paypal\.com$/, "paypal-live"],
  [/(^|\.)sandbox\.braintreegateway\.com$/, "braintree-sandbox"],
  [/(^|\.)braintreegateway\.com$/, "braintree-live"],
  [/(^|\.)squareupsandbox\.com$/, "square-sandbox"],
  [/^connect\.squareup\.com$/, "square-live"],
  [/^sandbox\.plaid\.com$/, "plaid-sandbox"],
  [/^development\.plaid\.com$/, "plaid-development"],
  [/^production\.plaid\.com$/, "plaid-live"],
  [/-test\.adyen\.com$/, "adyen-test"],
  [/(-live\.adyen\.com|\.adyenpayments\.com)$/, "adyen-live"],
  [/(^|[.-])sandbox\./, "sandbox"],
];

// Keys that choose a provider's mode, and the values that mean live or test.
const MODE_KEY = /^(PAYPAL|BRAINTREE|SQUARE|PLAID|ADYEN)(MODE|ENV|ENVIRONMENT)$/;
const LIVE_MODES = new Set(["live", "production", "prod"]);
const TEST_MODES = new Set(["sandbox", "test", "development"]);

/** A classification of a credential or endpoint: "<provider>-live", "<provider>-test", …, or null. */
export function classifyEndpoint(key: string, value: string): string | null {
  const trimmed = value.trim();
  const stripe = /(?:^|[^A-Za-z0-9])(sk|pk|rk)_(live|test)_[0-9A-Za-z]{8,}/.exec(` ${trimmed}`);
  if (stripe) return `stripe-${stripe[2]}`;
  if (/^sandbox-sq0id[a-z]-/.test(trimmed)) return "square-sandbox";
  if (/^sq0id[a-z]-/.test(trimmed)) return "square-live";
  const mode = MODE_KEY.exec(normaliseKey(key));
  if (mode?.[1]) {
    const provider = mode[1].toLowerCase();
    const word = trimmed.toLowerCase();
    if (LIVE_MODES.has(word)) return `${provider}-live`;
    if (TEST_MODES.has(word)) return `${provider}-${word === "development" ? "development" : "sandbox"}`;
  }
  const host = hostOf(trimmed);
  if (host) for (const [pattern, label] of HOSTS) if (pattern.test(host)) return label;
  return null;
}

/** Whether an endpoint classification is a live (production) one. */
export function isLiveEndpoint(endpoint: string): boolean {
  return endpoint.endsWith("-live");
}

/** Whether an endpoint classification is a test, sandbox or development one. */
export function isTestEndpoint(endpoint: string): boolean {
  return /(^|-)(test|sandbox|development)$/.test(endpoint);
}

/** The fact entry for one variable: its key and position, and only the classified facts of its value. */
export function describeValue(options: {
  key: string;
  value: string | null;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}): ValueEntry {
  const { key, value, line, column } = options;
  const entry: ValueEntry = {
    key,
    line,
    column,
    endLine: options.endLine ?? line,
    endColumn: options.endColumn ?? column + key.length,
    hasValue: value !== null && value.trim() !== "" && !isSecretReference(value),
  };
  if (value === null) return entry;
  // A level word is no secret, whatever the key; the rule decides which keys hold log levels.
  const level = parseLevel(value);
  if (level) entry.level = level;
  const endpoint = classifyEndpoint(key, value);
  if (endpoint) entry.endpoint = endpoint;
  const host = hostOf(value);
  if (host) entry.host = host;
  return entry;
}

// `${{ secrets.X }}` and `$SECRET` hand the value over to a secret store: there is no value here.
function isSecretReference(value: string): boolean {
  return /^\$\{\{\s*secrets\./.test(value.trim());
}
