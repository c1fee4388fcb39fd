// Test fixture paths: a finding there is usually a fake value, so file rules lower it to warn
// (configurable through the `testFiles` and `testSeverity` options shared by the pack's file rules).

export type TestSeverity = "error" | "warn" | "info" | "off";

export interface TestPathOptions {
  /** Globs of test and fixture files; replaces the default list. */
  testFiles?: string[];
  /** What a finding in a test file becomes: "warn" by default, "off" drops it, "error" keeps it. */
  testSeverity?: TestSeverity;
}

export const DEFAULT_TEST_FILES = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/__fixtures__/**",
  "**/__mocks__/**",
  // Mock modules only tests import (logto's connector `src/mock.ts`), and end-to-end suites.
  "**/mocks/**",
  "**/mock.*",
  "**/*.mock.*",
  "**/e2e/**",
  "**/cypress/**",
  "**/playwright/**",
  "**/fixtures/**",
  "**/testdata/**",
  "**/spec/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/*_test.*",
  "**/test_*.py",
];

/** The JSON Schema of the shared options, to spread into a rule's `meta.options.properties`. */
export const testPathOptionSchema = {
  testFiles: { type: "array", items: { type: "string", minLength: 1 } },
  testSeverity: { enum: ["error", "warn", "info", "off"] },
} as const;

const compiled = new Map<string, RegExp>();

/** A glob (`*`, `**`, `?`) as an anchored regular expression over a relative `/` path. */
export function globToRegExp(glob: string): RegExp {
  const cached = compiled.get(glob);
  if (cached) return cached;
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? "";
    if (char === "*" && glob[i + 1] === "*") {
      // "**/" matches zero or more whole folders; a trailing "**" matches the rest.
      if (glob[i + 2] === "/") {
        source += "(?:[^/]*/)*";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const regex = new RegExp(`^${source}$`);
  compiled.set(glob, regex);
  return regex;
}

/**
 * The severity a finding in `path` is reported with: undefined keeps the configured one, "off"
 * means do not report. Never raises the configured severity (the engine caps it anyway).
 */
export function severityForPath(
  path: string,
  options: TestPathOptions | undefined,
): "warn" | "info" | "off" | undefined {
  const globs = options?.testFiles ?? DEFAULT_TEST_FILES;
  if (!globs.some((glob) => globToRegExp(glob).test(path))) return undefined;
  const severity = options?.testSeverity ?? "warn";
  return severity === "error" ? undefined : severity;
}

const RANK = { info: 0, warn: 1 } as const;

/**
 * The `severity` to report with, combining the test-path downgrade and a rule's own lowering
 * (the lower wins); null means the finding is dropped (`testSeverity: "off"`).
 */
export function reportSeverity(options: {
  path: string;
  settings: TestPathOptions | undefined;
  lowered?: "warn" | "info";
}): { severity?: "warn" | "info" } | null {
  const byPath = severityForPath(options.path, options.settings);
  if (byPath === "off") return null;
  const candidates = [byPath, options.lowered].filter((s): s is "warn" | "info" => s !== undefined);
  if (candidates.length === 0) return {};
  return { severity: candidates.reduce((a, b) => (RANK[a] <= RANK[b] ? a : b)) };
}
