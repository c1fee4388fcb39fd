// Whether a .gitignore's patterns ignore dotenv files: a small reading of gitignore syntax
// (negation, anchoring, `*`, `**`, `?`), enough to test `.env` and `.env.<name>` at its folder.
import { globToRegExp } from "./test-paths.js";

interface Pattern {
  negate: boolean;
  regex: RegExp;
  /** Patterns without a slash match a name at any depth. */
  basename: boolean;
}

function parse(text: string): Pattern[] {
  const patterns: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1);
    // A pattern ending in "/" matches folders only, never a .env file.
    if (line.endsWith("/")) continue;
    const anchored = line.startsWith("/");
    if (anchored) line = line.slice(1);
    const basename = !anchored && !line.includes("/");
    const regex = compile(line.replace(/\\(.)/g, "$1"));
    if (regex !== null) patterns.push({ negate, regex, basename });
  }
  return patterns;
}

/**
 * A pattern as a regular expression, or null for one the engine rejects (a 100 KB line is "too
 * large"): no dotenv name is that long, and one such line must not crash the run.
 */
function compile(glob: string): RegExp | null {
  try {
    const regex = globToRegExp(glob);
    // V8 compiles on first use: "too large" surfaces there, not at construction.
    regex.test(".env");
    return regex;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** True when the patterns ignore `path` (relative to the .gitignore's folder). */
function ignores(patterns: Pattern[], path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  let ignored = false;
  for (const pattern of patterns) {
    if (pattern.regex.test(pattern.basename ? name : path)) ignored = !pattern.negate;
  }
  return ignored;
}

/** The dotenv names a .gitignore must keep out, each with the pattern that covers it and its kind. */
const DOTENV_NAMES = [
  { path: ".env", pattern: ".env" },
  { path: ".env.local", pattern: ".env.*" },
  { path: ".env.production", pattern: ".env.*" },
] as const;

/** True when `.env`, `.env.local` and `.env.production` are all ignored by this .gitignore text. */
export function coversDotenv(text: string): boolean {
  return missingDotenvPatterns(text).length === 0;
}

/**
 * The patterns to add so this .gitignore keeps dotenv files out: `.env` when the file itself is
 * not ignored, `.env.*` when a named one (`.env.production`) is not; empty when both are covered.
 */
export function missingDotenvPatterns(text: string): string[] {
  const missing = namesLetThrough(parse(text)).map(({ pattern }) => pattern);
  return [...new Set(missing)];
}

/** The dotenv names (`.env`, `.env.local`, `.env.production`) this .gitignore does not ignore. */
export function notIgnoredDotenvFiles(text: string): string[] {
  return namesLetThrough(parse(text)).map(({ path }) => path);
}

/**
 * The dotenv names these patterns should ignore and do not. A .gitignore that ignores the `.local`
 * files (`.env*.local`, as create-next-app and Vite's templates write) follows the convention of
 * Next.js and Vite: `.env` and `.env.production` hold committed, non-secret defaults and the
 * `.local` files hold the secrets, so only `.env.local` is required there. A value that is a
 * secret in a committed file is still reported, by the committed-file check and the value rules.
 */
function namesLetThrough(patterns: Pattern[]): (typeof DOTENV_NAMES)[number][] {
  // Ignoring `.env.*` wholesale is not that convention (nothing is left for defaults): `.env` is then due too.
  const localConvention =
    ignores(patterns, ".env.local") &&
    ignores(patterns, ".env.production.local") &&
    !ignores(patterns, ".env.production");
  return DOTENV_NAMES.filter(({ path }) => !ignores(patterns, path) && !(localConvention && path !== ".env.local"));
}
