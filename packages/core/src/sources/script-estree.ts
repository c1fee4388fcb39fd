// typescript-estree as the script parser: the fallback where oxc-parser's native binding cannot
// load, or when DEPLOYLINT_SCRIPT_PARSER=typescript-estree asks for it.
import { createRequire } from "node:module";
import type * as Estree from "@typescript-eslint/typescript-estree";
import { requireSharingNamespace } from "../load/shared-namespace.js";
import type { ScriptSource } from "../rule-api/types.js";
import type { ScriptParseResult } from "./script.js";

// typescript-estree (and the 9 MB typescript under it) is required on the first parse, not imported:
// every chunk that reaches this module would otherwise load typescript at start-up, even for a run
// that holds no script or parses scripts with oxc.
let estree: typeof Estree | undefined;
function loadEstree(): typeof Estree {
  if (estree) return estree;
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@typescript-eslint/typescript-estree");
  const fromEstree = createRequire(entry);
  // typescript as typescript-estree resolves it; its files then share its exports instead of copying
  // them. ts-api-utils, bundled with a default import of typescript, loads first and unmarked.
  estree = requireSharingNamespace({
    requireConsumer: () => require(entry) as typeof Estree,
    requireDependency: () => fromEstree("typescript"),
    preload: () => fromEstree("ts-api-utils"),
  });
  return estree;
}

/**
 * The dialect follows the extension, as TypeScript itself decides it: .ts/.mts/.cts are TypeScript
 * without JSX (so `<T>x` casts work), .tsx is TypeScript with JSX, and .js/.mjs/.cjs/.jsx are
 * JavaScript, which TypeScript always scans with JSX enabled. typescript-estree ignores its `jsx`
 * option for known extensions, so there is no "try without JSX first" pass: JS that is not JSX never
 * needs one (the only construct JSX mode rejects, `<T>expr`, is TypeScript syntax). `jsx` is still
 * set from the extension so that a path with an unknown extension falls back to sensible behaviour.
 */
export function parseWithEstree(text: string, path: string): ScriptParseResult {
  const { parse, TSError } = loadEstree();
  try {
    // Without comments: collecting and converting them is a tenth of a parse, and only a file's
    // suppression directives (rare) read them, so they come from a second parse when asked for.
    const program = parse(text, parseOptions(path, false));
    let comments: ScriptSource["comments"] | undefined;
    const source: ScriptSource = {
      program,
      get comments() {
        comments ??= parse(text, parseOptions(path, true)).comments ?? [];
        return comments;
      },
    };
    return { ok: true, source };
  } catch (error) {
    // Only a syntax error is a finding; anything else is a bug and must surface as one.
    if (error instanceof TSError) {
      return { ok: false, error: { message: error.message, offset: error.index } };
    }
    throw error;
  }
}

function parseOptions(path: string, comment: boolean) {
  return {
    filePath: path,
    jsx: /\.[jt]sx$/i.test(path),
    range: true,
    loc: false,
    comment,
    tokens: false,
    errorOnUnknownASTType: false,
    // Rules read the ESTree, never TypeScript's JSDoc nodes; skipping JSDoc parsing is cheaper.
    jsDocParsingMode: "none",
    // Version mismatch warnings would go to stdout and corrupt machine-readable reports.
    loggerFn: false,
    suppressDeprecatedPropertyWarnings: true,
  } as const;
}
