// Which scripts are worth a syntax tree for env-docs, decided on their text alone. Parsing is
// most of env-docs' cost on a large repository, and a word like "environment", "EnvSet" or
// "#src/env-set" says nothing: what decides is whether the text holds the tokens some fact
// needs. Each test below is a necessary condition of one kind of fact (see script-reads.ts and
// script/links.ts), so a script that fails all of them gives no fact and is not parsed. They
// assume names written plainly: a variable name spelled with escapes (`"\u0041PI_KEY"`) or
// `env` written as `\u0065nv` is not seen.
import { NUXT_CONFIG } from "./frameworks.js";
import { mentionsLibraryHelper } from "./library-helpers.js";
import { holdsNameString } from "./name-strings.js";
import { commentBefore, IDENTIFIER_CHAR, inComment, objectBefore, previousToken, UNKNOWN } from "./text-scan.js";
import { mentionsTool } from "./tool-reads.js";

/** Whitespace and comments, which may sit between any two tokens. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*`;
/** Not part of a longer identifier. */
const BEFORE = String.raw`(?<![\w$])`;
const AFTER = String.raw`(?![\w$])`;

// Environment objects (script-reads.ts envObjectVia and collectAliases): every form names `env`
// as a member, a key, an import specifier or the local name of an app's env module.
/**
 * The word `env`, where process.env, import.meta.env, `const { env } = process` and
 * `import { env } from …` have it; what stands before it is checked after (see envWord): a regex
 * starting at a word is scanned for fast, one starting at every `{`, `,` or identifier is not.
 */
const ENV_WORD_END = new RegExp(String.raw`env${AFTER}`, "g");
/** process["env"], `const { "env": e } = process`, `import { "env" as e }`. */
const ENV_STRING = /["'`]env["'`]/;
/** `import env from "./env"`, `import * as Env from "@/env"`: the app's env module. */
const ENV_MODULE = new RegExp(String.raw`(?:import|as)${GAP}env${AFTER}`, "i");
/** What ENV_MODULE ends in: a search for it is far cheaper than ENV_MODULE's, tried at every "as". */
const ENV_WORD_ANY_CASE = new RegExp(`env${AFTER}`, "i");
/** Every form of an environment object or schema has it, in some case. */
const ANY_ENV = /env/i;
/** SvelteKit: `import { API_KEY } from "$env/static/private"`. */
const SVELTE_STATIC = "$env/static/";
/** envalid and t3-env schemas (a callee or a method of that name). */
const SCHEMA_CALL = new RegExp(String.raw`(?:createEnv|cleanEnv|customCleanEnv)${AFTER}`);

// What a script hands to other files (links.ts).
const IMPORT = new RegExp(String.raw`${BEFORE}import${AFTER}`);
const EXPORT = new RegExp(String.raw`${BEFORE}export${AFTER}`);
/** `export * from`, `export * as ns from`, `export { a } from`, `export type { T } from`. */
const RE_EXPORT = new RegExp(
  String.raw`${BEFORE}export${GAP}(?:type${GAP})?(?:\*[^"'\`;]*?|\{[^}]*\}${GAP})${BEFORE}from${AFTER}`,
);
/** `.API_URL`, `?.PORT`: a member read (of `config`, `config!`, …: see objectBefore). */
const UPPER_MEMBER = new RegExp(String.raw`\.${GAP}[A-Z][A-Z0-9_]*${AFTER}`, "g");
/** An import statement's bindings, up to `from`: what a member read's object must be among. */
const IMPORT_CLAUSE = new RegExp(String.raw`${BEFORE}import${AFTER}([^"'\`;]*?)${BEFORE}from${AFTER}`, "g");
/**
 * An object whose first key is a variable name, after any spreads: `{ PORT: port() }`,
 * `{ "API_URL": … }`, `{ ...base, A, B }`, `{ get X() {} }`. An exported schema's keys are all
 * names, so its object (or, when it starts with a spread, the spread one's) begins so.
 */
const UPPER_KEY = new RegExp(
  String.raw`\{${GAP}(?:\.\.\.[^,{}]*,${GAP})*(?:(?:get|set|async)\s+|\*${GAP})?(?:\[${GAP})?["'\`]?[A-Z][A-Z0-9_]*${AFTER}["'\`]?${GAP}\]?${GAP}[:,}(]`,
  "g",
);
/** What stands before an import's or export's list of names: `export {`, `import type {`. */
const IMPORT_OR_EXPORT_LIST = /(?<![\w$])(?:export|import)(?:\s+type)?$/;
/**
 * An export that may name a constant or a schema (collectConstants, exportedSchemas: an exported
 * `const`'s value): `export const`, `export enum`, an export list, or `export default name`.
 * `export default Object.freeze(x)`, `export default {…}`, `export function` and `export let`
 * name none.
 */
const EXPORTS_CONSTANT =
  /(?<![\w$])export\s+(?:const|enum|declare|\{|default\s+(?:\(\s*)?[A-Za-z_$][\w$]*\s*\)?\s*(?:;|$|\n|\/))/;
/** An identifier that says it reads the environment (`getEnv`, `loadEnv`, `EnvSet`): links.ts ENV_LIKE. */
const ENV_NAMED = String.raw`[\w$]*env[\w$]*`;
/** Where such an identifier may be: found by its "env", then widened to the whole identifier. */
const ENV_WORD = /env/gi;
/** After a callee: `getEnv(…)`, `loadEnv<T>(…)`, `getEnv?.(…)`, `getEnv!(…)`, `(getEnv)(…)`. */
const CALLED = new RegExp(String.raw`${GAP}(?:\)${GAP})*(?:\(|<|\?\.|!)`, "y");
/** `* as ns` in an import clause, the local name in group 1. */
const NAMESPACE = new RegExp(String.raw`\*${GAP}as${GAP}([A-Za-z_$][\w$]*)`, "g");
/** An import binding renamed from a name like that: `getEnv as g`, `"getEnv" as g`. */
const ENV_NAMED_RENAME = new RegExp(String.raw`${ENV_NAMED}["']?${GAP}as${AFTER}`, "i");
const BUILD_CONFIG = /(^|\/)(next|vite)\.config\.[cm]?[jt]s$/;

/** What an environment object is a member of: process.env, Bun.env, Deno.env, import.meta.env. */
const ENV_OWNERS = new Set(["process", "Bun", "Deno", "meta"]);
/** A module that may give `process` another name (`import proc from "node:process"`). */
const PROCESS_MODULE = /["'`](?:node:)?process["'`]/;
/** After `env`: a write of a member (`.X = v`, `.X ??= v`), which reads nothing. */
const MEMBER_WRITE = /^\s*\.\s*[A-Za-z_$][\w$]*\s*(?:[-+*/%&|^]|\?\?|\*\*|<<|>>>?|&&|\|\|)?=(?![=>])/;
/** After import.meta's `env`: a name Vite defines itself, which no one sets (script-reads.ts VITE_BUILTINS). */
const VITE_BUILTIN = /^\s*\.\s*(?:MODE|BASE_URL|PROD|DEV|SSR)(?![\w$])/;

/**
 * The word `env` as an environment object may have it: a member of process, Bun, Deno or
 * import.meta (also as `process?.env`, `globalThis["process"].env`; not a ".env" file's name,
 * `Cypress.env(…)` or a comment), or a binding (`{ env }`, `{ x, env: e }`), or after a comment
 * that may hide which. A member written to (`process.env.X = "test"`) or one of Vite's own
 * (`import.meta.env.DEV`) is no read.
 */
function envWord(text: string): boolean {
  let processRenamed: boolean | undefined;
  for (const match of text.matchAll(ENV_WORD_END)) {
    const start = match.index;
    if (IDENTIFIER_CHAR.test(text[start - 1] ?? "")) continue;
    if (inComment(text, start)) continue;
    if (commentBefore(text, start)) return true;
    const before = previousToken(text, start);
    const last = text[before];
    if (last === "{" || last === ",") return true;
    if (last !== ".") continue;
    const object = objectBefore(text, before);
    if (object === null) {
      if (text[previousToken(text, text[before - 1] === "?" ? before - 1 : before)] === "]") return true;
      continue;
    }
    if (object !== UNKNOWN && !ENV_OWNERS.has(object)) {
      processRenamed ??= PROCESS_MODULE.test(text);
      if (!processRenamed) continue;
    }
    const after = text.slice(start + 3, start + 80);
    if (MEMBER_WRITE.test(after) || (object === "meta" && VITE_BUILTIN.test(after))) continue;
    return true;
  }
  return false;
}

/** Whether the text names an environment object, or a library or schema that reads variables itself. */
function mayReadEnvironment(text: string): boolean {
  if (text === lastText) return lastReadsEnvironment;
  lastText = text;
  lastReadsEnvironment = readsEnvironment(text);
  return lastReadsEnvironment;
}
// Both extractors ask about the same file one after the other: the answer is kept for the next.
let lastText: string | null = null;
let lastReadsEnvironment = false;

function readsEnvironment(text: string): boolean {
  // Every form but a library's helper names "env" in some case; many scripts asked about have none
  // (they name a variable or import a tool, or are plain-reads.ts' rest of a script).
  if (!ANY_ENV.test(text)) return mentionsLibraryHelper(text);
  return (
    envWord(text) ||
    ENV_STRING.test(text) ||
    (ENV_WORD_ANY_CASE.test(text) && ENV_MODULE.test(text)) ||
    text.includes(SVELTE_STATIC) ||
    SCHEMA_CALL.test(text) ||
    mentionsLibraryHelper(text)
  );
}

interface ImportedNames {
  /** Every identifier in the files' import clauses: imported and local names alike. */
  names: Set<string>;
  /** The local names of namespace imports (`* as ns`): only their methods are followed. */
  namespaces: Set<string>;
  /** Whether a clause renames a binding whose imported name looks like an env reader. */
  renamesEnvNamed: boolean;
}

function importedNames(text: string): ImportedNames {
  const names = new Set<string>();
  const namespaces = new Set<string>();
  let renamesEnvNamed = false;
  for (const match of text.matchAll(IMPORT_CLAUSE)) {
    const clause = match[1] ?? "";
    for (const name of clause.match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(name);
    for (const namespace of clause.matchAll(NAMESPACE)) if (namespace[1]) namespaces.add(namespace[1]);
    if (ENV_NAMED_RENAME.test(clause)) renamesEnvNamed = true;
  }
  return { names, namespaces, renamesEnvNamed };
}

/** Whether some `object.UPPER_NAME` reads a member of an object the script imports. */
function readsImportedMember(text: string, imports: ImportedNames): boolean {
  for (const match of text.matchAll(UPPER_MEMBER)) {
    const object = objectBefore(text, match.index);
    if (object === UNKNOWN) return true;
    if (object !== null && imports.names.has(object) && !declaredType(text, match.index - object.length)) return true;
  }
  return false;
}

/** `const Page: React.FC<Props> = …`: a declaration's type annotation, no member read. */
const DECLARED_TYPE = /(?<![\w$.])(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*:\s*$/;

/** Whether the object of a member (starting at `objectStart`, right before its dot) names a declared variable's type. */
function declaredType(text: string, objectStart: number): boolean {
  if (text[objectStart] === undefined || IDENTIFIER_CHAR.test(text[objectStart - 1] ?? "")) return false;
  return DECLARED_TYPE.test(text.slice(Math.max(0, objectStart - 60), objectStart));
}

/**
 * Whether the script calls an imported function whose imported name looks like an env reader
 * (links.ts keeps those calls whatever their arguments): `getEnv(…)` imported by that name,
 * `ns.getEnv(…)` on an import, `new EnvSet(…)`, or any call once such a name is renamed.
 */
function callsEnvNamedImport(text: string, imports: ImportedNames): boolean {
  if (imports.renamesEnvNamed) return true;
  let searchedTo = 0;
  for (const match of text.matchAll(ENV_WORD)) {
    if (match.index < searchedTo) continue;
    let start = match.index;
    while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1] ?? "")) start--;
    let end = match.index + match[0].length;
    while (end < text.length && IDENTIFIER_CHAR.test(text[end] ?? "")) end++;
    searchedTo = end;
    const name = text.slice(start, end);
    const before = previousToken(text, start);
    const afterNew = text.slice(before - 2, before + 1) === "new" && !IDENTIFIER_CHAR.test(text[before - 3] ?? "");
    const afterComment = commentBefore(text, start);
    CALLED.lastIndex = end;
    const called = CALLED.test(text);
    if ((called || afterNew || afterComment) && imports.names.has(name)) return true;
    // A method call: it counts when its object is a namespace import, or cannot be told.
    if (called && text[before] === ".") {
      const object = objectBefore(text, before);
      if (object === UNKNOWN || (object !== null && imports.namespaces.has(object))) return true;
    }
  }
  return false;
}

/**
 * Whether an object starts with an UPPER key where an exported schema's may (schemas.ts
 * exportedSchemas: a declaration's value, a call's argument): not an import's or export's list
 * (`export { THEME_COLORS }`), a template's substitution (`?format=${FORMAT}`: a `$` that ends no
 * identifier before the brace; an object inside one, `${ {A: 1} }`, has its own brace), nor a
 * brace no schema is read from (see reachesNoSchema).
 */
function holdsUpperKeyObject(text: string): boolean {
  for (const match of text.matchAll(UPPER_KEY)) {
    if (text[match.index - 1] === "$" && !IDENTIFIER_CHAR.test(text[match.index - 2] ?? "")) continue;
    if (commentBefore(text, match.index)) return true;
    if (reachesNoSchema(text, match.index)) continue;
    if (!IMPORT_OR_EXPORT_LIST.test(text.slice(Math.max(0, match.index - 20), match.index).trimEnd())) return true;
  }
  return false;
}

/**
 * Whether the `{` at `brace` stands where no schema is read from: a returned object (`return {`),
 * an arrow's body (`=> {`, a block), a property's value or a ternary's branch (`: {`), an array's
 * element or a later argument (`[ {`, `, {`), or an operand of `?`, `??`, `||`, `&&`, `|`, `&`.
 * exportedSchemas takes an object only as a constant's whole value or a call's first argument.
 */
function reachesNoSchema(text: string, brace: number): boolean {
  const before = previousToken(text, brace);
  const char = text[before] ?? "";
  if (":[,?|&".includes(char) && char !== "") return true;
  if (char === ">") return text[before - 1] === "=";
  if (!IDENTIFIER_CHAR.test(char)) return false;
  let start = before;
  while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1] ?? "")) start--;
  return text.slice(start, before + 1) === "return" && text[previousToken(text, start)] !== ".";
}

/** Whether a script may give a read (ReadFact): false means it certainly gives none. */
export function mayGiveReads(text: string, path: string): boolean {
  return mayReadEnvironment(text) || (NUXT_CONFIG.test(path) && text.includes("runtimeConfig"));
}

/** Whether a script may give links (ScriptLinks): false means its links are certainly empty. */
export function mayGiveLinks(text: string, path: string): boolean {
  // Lookups, helpers, env exports and schema uses all start at an environment object or schema.
  if (mayReadEnvironment(text) || mentionsTool(text) || BUILD_CONFIG.test(path)) return true;
  // Calls of imported helpers and member reads of imported objects.
  const imports = IMPORT.test(text);
  if (imports) {
    const names = importedNames(text);
    if (readsImportedMember(text, names) || callsEnvNamedImport(text, names)) return true;
  }
  // Re-exports, exported schemas and exported constants.
  const exports = EXPORT.test(text);
  if (exports && RE_EXPORT.test(text)) return true;
  const constants = exports && EXPORTS_CONSTANT.test(text);
  if (constants && holdsUpperKeyObject(text)) return true;
  // Helper calls with a name and exported constants: a string that may become one.
  return (imports || constants) && holdsNameString(text, path, { calls: imports, constants });
}
