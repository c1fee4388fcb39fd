// What an RFC's feature touches, told conservatively: paths it declares (in code spans or plain
// text) or the change set, and only explicit phrases ("adds a migration", "new environment
// variable", "behind a feature flag"). An RFC that says none of these is not judged.
export type Touch = "migration" | "env" | "flag";

const PATH = /(?:^|[\s`(])((?:[\w.@-]+\/)*[\w.@-]*[\w-]\.[\w.]+|(?:[\w.@-]+\/)+)(?=$|[\s`),:;])/g;

const PATH_TOUCHES: readonly [Touch, RegExp][] = [
  ["migration", /(^|\/)(migrations?|migrate|alembic|flyway|liquibase)\//i],
  ["migration", /(^|\/)schema\.prisma$/i],
  ["env", /(^|\/)\.env(\.[\w-]+)?$/i],
  ["flag", /(^|\/)(flags?|feature[-_]flags?)(\.[\w]+|\/)/i],
];

const PHRASE_TOUCHES: readonly [Touch, RegExp][] = [
  // "Run migrations" is a setup step, not a change: only a migration the feature adds counts.
  ["migration", /\b(adds?|adding|new|writes?|writing)\s+(an?\s+|the\s+)?((database|schema|db)\s+)?migrations?\b/i],
  ["migration", /\b(adds?|adding|drops?|dropping|renames?|renaming)\s+(an?\s+|the\s+)?(column|table|index)\b/i],
  ["env", /\b(adds?|adding|new|introduces?)\s+(an?\s+)?(\w+\s+)?(environment|env)\s+variables?\b/i],
  // A bare "flag" is as often a command-line option; "feature flag" and "behind a flag" are not.
  ["flag", /\b(adds?|adding|new|introduces?)\s+(an?\s+|the\s+)?(\w+\s+)?feature[- ]flags?\b/i],
  ["flag", /\bbehind\s+(an?|the)\s+(\w+\s+)?(feature\s+)?flag\b/i],
];

/** The paths an RFC declares. */
export function declaredPaths(text: string): string[] {
  return [...text.matchAll(PATH)]
    .map((match) => match[1] ?? "")
    .filter((path) => path.includes("/") || path.startsWith(".env"));
}

export function touchesOfPaths(paths: readonly string[]): Set<Touch> {
  const found = new Set<Touch>();
  for (const path of paths) for (const [touch, pattern] of PATH_TOUCHES) if (pattern.test(path)) found.add(touch);
  return found;
}

export function touchesOf(text: string): Set<Touch> {
  const found = touchesOfPaths(declaredPaths(text));
  for (const [touch, pattern] of PHRASE_TOUCHES) if (pattern.test(text)) found.add(touch);
  return found;
}
