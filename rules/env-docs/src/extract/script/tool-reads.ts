// Libraries that read variables themselves, by names the app never writes: a script that uses
// one makes those entries of its example used. They do not count as reads the app must
// document (the library has its own defaults), only as reasons an entry is not unused.
import type { TSESTree } from "@deploylint/core/rule-api";

/**
 * Module prefix → the variables the library or its build tooling reads. Sentry's SDKs read the
 * DSN, release and environment; its bundler and Expo plugins run sentry-cli, which reads the
 * token, organisation, project and URL (https://docs.sentry.io/cli/configuration/).
 */
const TOOL_VARIABLES: readonly { module: string; names: readonly string[] }[] = [
  {
    module: "@sentry/",
    names: [
      "SENTRY_DSN",
      "SENTRY_RELEASE",
      "SENTRY_ENVIRONMENT",
      "SENTRY_AUTH_TOKEN",
      "SENTRY_ORG",
      "SENTRY_PROJECT",
      "SENTRY_URL",
    ],
  },
];

/** Whether a script's text names one of those libraries (so it is worth parsing). */
export function mentionsTool(text: string): boolean {
  return TOOL_VARIABLES.some((tool) => text.includes(tool.module));
}

/** The names read by the libraries a script imports, requires or lists (an Expo plugin is a string in app.config). */
export function toolReads(strings: readonly TSESTree.Literal[]): string[] {
  const names = new Set<string>();
  for (const literal of strings) {
    if (typeof literal.value !== "string") continue;
    for (const tool of TOOL_VARIABLES)
      if (literal.value.startsWith(tool.module)) for (const name of tool.names) names.add(name);
  }
  return [...names];
}
