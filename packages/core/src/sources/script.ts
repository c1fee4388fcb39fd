// The script source kind: TypeScript and JavaScript files parsed for their syntax tree (no type-aware
// program), with comments kept for suppressions and ranges for reports. oxc-parser (native) does
// the parsing; typescript-estree remains for platforms without oxc's binding, or when asked for.
import type { ScriptSource } from "../rule-api/types.js";
import { mayNestTooDeeply } from "./script-depth.js";
import { parseWithEstree } from "./script-estree.js";
import { loadOxcParser, type OxcParseSync, parseWithOxc } from "./script-oxc.js";

/** Extensions classified as scripts. Plain JS goes through the TS parser too, which accepts it. */
export const SCRIPT_EXTENSIONS: readonly string[] = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export interface ScriptParseError {
  message: string;
  /** Character (UTF-16) offset into the text where the parser gave up. */
  offset: number;
}

export type ScriptParseResult = { ok: true; source: ScriptSource } | { ok: false; error: ScriptParseError };

/** Names the script parser; the way to go back to typescript-estree if oxc ever misreads a file. */
export const SCRIPT_PARSER_VARIABLE = "DEPLOYLINT_SCRIPT_PARSER";
export type ScriptParserName = "oxc" | "typescript-estree";

type Parse = (text: string, path: string) => ScriptParseResult;
let chosen: { name: ScriptParserName; parse: Parse } | undefined;

/**
 * The parser this process uses, chosen on the first parse: oxc unless the variable asks for
 * typescript-estree or oxc's native binding cannot load here (a platform it has no build for, or a
 * Node older than its engines range). An unknown value is an error, not a silent default.
 */
function parser(): { name: ScriptParserName; parse: Parse } {
  if (chosen) return chosen;
  const wanted = process.env[SCRIPT_PARSER_VARIABLE];
  if (wanted !== undefined && wanted !== "" && wanted !== "oxc" && wanted !== "typescript-estree") {
    throw new Error(`${SCRIPT_PARSER_VARIABLE} must be "oxc" or "typescript-estree", not "${wanted}".`);
  }
  const oxc: OxcParseSync | null = wanted === "typescript-estree" ? null : loadOxcParser();
  chosen = oxc
    ? {
        name: "oxc",
        parse: (text, path) => (mayNestTooDeeply(text) ? parseWithEstree(text, path) : parseWithOxc(oxc, text, path)),
      }
    : { name: "typescript-estree", parse: parseWithEstree };
  return chosen;
}

export function parseScript(text: string, path: string): ScriptParseResult {
  return parser().parse(text, path);
}
