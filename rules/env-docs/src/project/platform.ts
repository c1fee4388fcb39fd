// Variables that the operating system, the runtime, CI or the hosting platform set: code may read
// them without an example documenting them, and an example may list them without code reading
// them. Entries ending in `*` are prefixes.
const GROUPS = {
  // Proxy settings are the machine's, honoured by curl, package managers and HTTP clients alike.
  proxy: "HTTP_PROXY HTTPS_PROXY NO_PROXY ALL_PROXY http_proxy https_proxy no_proxy all_proxy",
  os: "HOME PATH PWD OLDPWD USER LOGNAME SHELL TERM TMPDIR TEMP TMP LANG LC_* TZ HOSTNAME EDITOR IFS RANDOM LINENO SECONDS UID EUID PPID OSTYPE BASH_* XDG_* APPDATA LOCALAPPDATA USERPROFILE SYSTEMROOT COMSPEC",
  // EXPO_OS: Expo's Babel preset inlines the target platform (ios, android, web) at build time.
  frameworks: "EXPO_OS",
  node: "NODE_ENV NODE_OPTIONS NODE_DEBUG NODE_EXTRA_CA_CERTS NODE_PATH NODE_V8_COVERAGE npm_* INIT_CWD FORCE_COLOR NO_COLOR DEBUG VITEST VITEST_* JEST_WORKER_ID",
  ci: "CI GITHUB_* RUNNER_* ACTIONS_* GITLAB_CI CI_* CIRCLECI CIRCLE_* BUILDKITE BUILDKITE_* TRAVIS TRAVIS_* JENKINS_URL BUILD_NUMBER",
  // PORT: Heroku, Render, Cloud Run, Fly, Railway and others set it.
  hosting:
    "PORT DYNO VERCEL VERCEL_* NEXT_RUNTIME NETLIFY NETLIFY_* RENDER RENDER_* FLY_* RAILWAY_* K_SERVICE K_REVISION K_CONFIGURATION AWS_LAMBDA_* AWS_EXECUTION_ENV AWS_REGION LAMBDA_TASK_ROOT CF_PAGES CF_PAGES_* KUBERNETES_*",
  docker: "TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT BUILDPLATFORM BUILDOS BUILDARCH BUILDVARIANT",
};

export const PLATFORM_VARS: readonly string[] = Object.values(GROUPS).flatMap((group) => group.split(" "));

/** A matcher over names and `PREFIX*` patterns. */
export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const exact = new Set(patterns.filter((pattern) => !pattern.endsWith("*")));
  const prefixes = patterns.filter((pattern) => pattern.endsWith("*")).map((pattern) => pattern.slice(0, -1));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}

export interface KnownOptions {
  /** More names (or `PREFIX*` patterns) that something other than the code or the example handles. */
  allow?: string[];
  /** Built-in platform names to treat as ordinary variables (e.g. PORT when your host does not set it). */
  ignore?: string[];
}

export const KNOWN_OPTIONS_SCHEMA = {
  allow: {
    type: "array",
    description: "Variable names, or prefixes ending in *, to leave alone (set or read by a platform or tool).",
    items: { type: "string", minLength: 1 },
    uniqueItems: true,
  },
  ignore: {
    type: "array",
    description: "Built-in platform variables (or prefixes ending in *) to check like any other.",
    items: { type: "string", minLength: 1 },
    uniqueItems: true,
  },
};

/** Whether a name is known without documentation: a platform variable (minus `ignore`) or an allowed one. */
export function knownMatcher(options: KnownOptions | undefined): (name: string) => boolean {
  const ignored = nameMatcher(options?.ignore ?? []);
  const platform = nameMatcher(PLATFORM_VARS.filter((name) => !ignored(name)));
  const allowed = nameMatcher(options?.allow ?? []);
  return (name) => allowed(name) || (platform(name) && !ignored(name));
}
