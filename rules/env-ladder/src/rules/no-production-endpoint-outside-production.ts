// env-ladder/no-production-endpoint-outside-production: live payment credentials and production
// hosts stay in production, and production does not run on sandbox ones.
import { defineRule } from "@deploylint/core/rule-api";
import { hostOf, isLiveEndpoint, isTestEndpoint } from "../extract/classify-value.js";
import { MANIFEST_FACT, VALUES_FACT, type ValueEntry } from "../facts.js";
import { type EnvironmentValues, type LadderEnvironment, readLadder, textField } from "../ladder-model.js";

export interface NoProductionEndpointOptions {
  /** Hosts shared by every environment (an API whose key, not host, picks the mode). */
  allowHosts: string[];
}

// Third-party APIs that serve live and test traffic on one host: the credential decides.
const SHARED_HOSTS = [
  "localhost",
  "127.0.0.1",
  "0.0.0.0",
  "api.stripe.com",
  "hooks.slack.com",
  "api.github.com",
  "api.sendgrid.com",
  "api.mailgun.net",
  "api.openai.com",
  "registry.npmjs.org",
];

export default defineRule({
  id: "no-production-endpoint-outside-production",
  scope: "project",
  meta: {
    description: "Disallow live credentials and production hosts outside production, and sandbox ones in production.",
    kinds: ["yaml", "json", "dotenv", "text"],
    facts: [MANIFEST_FACT, VALUES_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      liveOutsideProduction:
        "Variable {{key}} gives {{name}} a live {{provider}} credential or endpoint: tests there charge real cards and touch real accounts.",
      productionHost:
        "Variable {{key}} points {{name}} at {{host}}, a host production uses: a test run there writes to production's systems.",
      testInProduction:
        "Variable {{key}} gives production a test or sandbox {{provider}} credential or endpoint: real payments fail or are never collected.",
    },
    help: "Use the provider's test or sandbox credentials and your own staging hosts outside production, and live ones in production only.",
    options: {
      type: "object",
      properties: { allowHosts: { type: "array", items: { type: "string" } } },
      additionalProperties: false,
    },
    defaultOptions: { allowHosts: [] } as NoProductionEndpointOptions,
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/no-production-endpoint-outside-production.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const production = ladder.onRung("production");
    const allowed = new Set([...SHARED_HOSTS, ...(context.options?.allowHosts ?? [])].map((h) => h.toLowerCase()));
    const productionHosts = production ? hostsOf(production, ladder.valuesOf(production), allowed) : new Set<string>();
    const reported = new Set<string>();
    const report = (values: EnvironmentValues, entry: ValueEntry, finding: Finding) => {
      const key = `${values.file}:${entry.line}:${entry.column}:${finding.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        ...finding,
        file: values.file,
        line: entry.line,
        column: entry.column,
        endLine: entry.endLine,
        endColumn: entry.endColumn,
      });
    };
    for (const environment of ladder.environments) {
      const isProduction = environment.rung === "production";
      for (const values of ladder.valuesOf(environment)) {
        for (const entry of values.entries) {
          const finding = judge({ environment, isProduction, values, entry, productionHosts });
          if (finding) report(values, entry, finding);
        }
      }
    }
  },
});

type Finding =
  | { messageId: "liveOutsideProduction"; data: { key: string; name: string; provider: string } }
  | { messageId: "productionHost"; data: { key: string; name: string; host: string } }
  | { messageId: "testInProduction"; data: { key: string; provider: string } };

function judge(options: {
  environment: LadderEnvironment;
  isProduction: boolean;
  values: EnvironmentValues;
  entry: ValueEntry;
  productionHosts: Set<string>;
}): Finding | null {
  const { environment, isProduction, values, entry, productionHosts } = options;
  const provider = entry.endpoint?.replace(/-(live|test|sandbox|development)$/, "") ?? "";
  if (isProduction) {
    if (entry.endpoint && isTestEndpoint(entry.endpoint)) {
      return { messageId: "testInProduction", data: { key: entry.key, provider } };
    }
    return null;
  }
  if (entry.endpoint && isLiveEndpoint(entry.endpoint)) {
    return { messageId: "liveOutsideProduction", data: { key: entry.key, name: environment.name, provider } };
  }
  // A value every environment shares names the same host everywhere by design.
  if (!values.shared && entry.host && productionHosts.has(entry.host)) {
    return { messageId: "productionHost", data: { key: entry.key, name: environment.name, host: entry.host } };
  }
  return null;
}

// Production's own hosts: its manifest url and the hosts of values only production has.
function hostsOf(production: LadderEnvironment, values: EnvironmentValues[], allowed: Set<string>): Set<string> {
  const hosts = new Set<string>();
  const url = textField(production, "url");
  const own = url ? hostOf(url) : null;
  if (own) hosts.add(own);
  for (const source of values) {
    if (source.shared) continue;
    for (const entry of source.entries) if (entry.host) hosts.add(entry.host);
  }
  for (const host of allowed) hosts.delete(host);
  return hosts;
}
