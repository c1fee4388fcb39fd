// oxc-parser as the script parser: a native (Rust) parser whose ESTree output with `astType: "ts"`
// is typescript-estree's tree (test/sources/script-parity.test.ts holds the two to that), at a
// fraction of the cost of loading and running TypeScript.
import { createRequire } from "node:module";
import type { ScriptSource, TSESTree } from "../rule-api/types.js";
import { decodeJsxEntities, mayHoldJsxEntities } from "./jsx-entities.js";
import type { ScriptParseResult } from "./script.js";

type Lang = "ts" | "tsx" | "dts" | "jsx";

/** The part of oxc-parser's result we read; offsets are UTF-16 string offsets, as in JS strings. */
interface OxcResult {
  readonly program: unknown;
  readonly comments: ReadonlyArray<{ type: "Line" | "Block"; value: string; start: number; end: number }>;
  readonly errors: ReadonlyArray<{ severity: string; message: string; labels: ReadonlyArray<{ start: number }> }>;
}
export type OxcParseSync = (
  filename: string,
  text: string,
  options: { lang: Lang; range: true; preserveParens: false; astType: "ts" },
) => OxcResult;

/** oxc-parser's engines range: its ES module entry needs require(esm), which older Nodes lack. */
export function nodeRunsOxc(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
}

/**
 * oxc-parser's parseSync, or null where it cannot run: a Node outside its engines range, or no
 * native binding for this platform (its loader then throws "Cannot find native binding"). Any
 * other failure is a broken install and surfaces as itself.
 */
export function loadOxcParser(): OxcParseSync | null {
  if (!nodeRunsOxc(process.versions.node)) return null;
  const require = createRequire(import.meta.url);
  const commonJs = loadCommonJsOxc(require, `./${OXC_LOADER_FILE}`);
  if (commonJs !== null) return commonJs;
  try {
    return (require("oxc-parser") as { parseSync: OxcParseSync }).parseSync;
  } catch (error) {
    if (error instanceof Error && /native binding/i.test(error.message)) return null;
    throw error;
  }
}

/**
 * The CLI bundle's CommonJS build of oxc-parser's binding loader and result wrapper, beside the CLI
 * (tools/build/bundle.mjs says why): a plain tsc build has no such file there.
 */
export const OXC_LOADER_FILE = "oxc-parser.cjs";

/** What that file exports: oxc-parser's own functions, and the version it was built from. */
interface CommonJsOxc {
  parseSync: (filename: string, text: string, options: object) => unknown;
  wrap: (native: unknown) => OxcResult;
  version: string;
}

/**
 * oxc-parser's parseSync put together as the package's ES module entry does it (its index.js:
 * the binding's parse, then wrap), from the CommonJS file `specifier` names, or null to load the
 * package itself as before: no such file, one built from another oxc-parser version than the one
 * installed, or any failure to load the binding through it. The package's own load then fails or
 * succeeds in its own words (the "no native binding" case among them).
 */
export function loadCommonJsOxc(require: NodeJS.Require, specifier: string): OxcParseSync | null {
  try {
    const oxc = require(specifier) as Partial<CommonJsOxc>;
    const { parseSync, wrap, version } = oxc;
    if (typeof parseSync !== "function" || typeof wrap !== "function") return null;
    if (version !== (require("oxc-parser/package.json") as { version?: unknown }).version) return null;
    return (filename, text, options) => wrap(parseSync(filename, text, options));
  } catch {
    // Not this build's file, or a binding it could not load: the package's own load decides.
    return null;
  }
}

/**
 * The dialect follows the extension as TypeScript decides it: .ts/.mts/.cts are TypeScript without
 * JSX (so `<T>x` casts parse), .d.ts files are ambient, .tsx is TypeScript with JSX, and JavaScript
 * is always read with JSX. Any other extension is TypeScript, as typescript-estree treats it.
 */
export function langOf(path: string): Lang {
  const lower = path.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower)) return "dts";
  if (lower.endsWith(".tsx")) return "tsx";
  if (/\.(?:js|jsx|mjs|cjs)$/.test(lower)) return "jsx";
  return "ts";
}

export function parseWithOxc(parseSync: OxcParseSync, text: string, path: string): ScriptParseResult {
  const lang = langOf(path);
  let result = parseSync(path, text, optionsFor(lang));
  // TypeScript parses type annotations in a .js file and only its checker complains, so
  // typescript-estree accepted them; oxc rejects them in JSX mode, so such a file gets a TSX read.
  if (lang === "jsx" && gaveUp(result, text)) {
    const asTsx = parseSync(path, text, optionsFor("tsx"));
    if (!gaveUp(asTsx, text)) result = asTsx;
  }
  if (gaveUp(result, text)) {
    const first = result.errors[0];
    return { ok: false, error: { message: first?.message ?? "Syntax error", offset: first?.labels[0]?.start ?? 0 } };
  }
  const { comments } = result;
  let converted: ScriptSource["comments"] | undefined;
  let program: TSESTree.Program | undefined;
  return {
    ok: true,
    source: {
      // Same shape as typescript-estree's tree (the parity test); only the type declarations differ.
      // Built on the first read: oxc hands the tree over as JSON, and making it into objects is
      // most of a parse's cost, which a rule that needs only to know the file parses never pays.
      get program() {
        if (program === undefined) {
          program = result.program as TSESTree.Program;
          if ((lang === "jsx" || lang === "tsx") && mayHoldJsxEntities(text)) decodeJsxEntities(program);
        }
        return program;
      },
      // Suppression directives (rare) are the only readers: converted on the first read.
      get comments() {
        converted ??= comments.map(
          ({ type, value, start, end }) => ({ type, value, range: [start, end] }) as TSESTree.Comment,
        );
        return converted;
      },
    },
  };
}

function optionsFor(lang: Lang) {
  return { lang, range: true, preserveParens: false, astType: "ts" } as const;
}

/**
 * Whether oxc gave up on the file. A syntax error it cannot recover from leaves an empty program
 * spanning nothing; errors it recovers from leave a whole tree and are not parse errors here. Most
 * are grammar checks TypeScript leaves to its checker, which typescript-estree never ran ("a
 * 'declare' modifier cannot be used in an already ambient context", a rest parameter marked
 * optional). A few TypeScript's parser reports and typescript-estree threw for (a legacy octal
 * literal, an untagged template's bad escape, `<!--`): such a file now parses, which the parity
 * test lists as a known difference.
 */
function gaveUp(result: OxcResult, text: string): boolean {
  if (result.errors.length === 0) return false;
  const program = result.program as { range: [number, number] };
  return program.range[1] === 0 && text.length > 0;
}
