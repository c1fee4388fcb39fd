// Which dotenv files are examples (templates that list the variables, not values to load): one
// definition for every pack, so that the file env-docs reads as documentation is the file the
// secrets pack does not read as real values.

/** The usual example names, most common first: the order a lookup tries and a message lists them. */
export const EXAMPLE_FILE_NAMES: readonly string[] = [
  ".env.example",
  ".env.sample",
  ".env.template",
  ".example.env",
  "env.example",
  "env.sample",
  ".env.dist",
  "example.env",
];

/** Dot-separated words that mark a dotenv name as a template: `.env.example`, `.env.production.sample`. */
const TEMPLATE_WORDS = new Set(["example", "sample", "template", "dist", "defaults", "schema", "tpl", "tmpl", "skel"]);

/**
 * Whether a path names an example file: every name of EXAMPLE_FILE_NAMES, and the per-environment
 * and tool-specific variants (`.env.production.example`, `.env.defaults`, `.env.schema`, `production.example.env`).
 */
export function isExampleFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dotenvName = name.startsWith(".env") || name.endsWith(".env");
  // Every project rule asks about every file of the run: most names are settled before a split.
  if (!dotenvName && !name.startsWith("env.")) return false;
  const words = name.split(".");
  if (dotenvName) return words.some((word) => TEMPLATE_WORDS.has(word));
  // Without the leading dot only the two-word form, so that `env.example.ts` stays code.
  return words.length === 2 && TEMPLATE_WORDS.has(words[1] ?? "");
}
