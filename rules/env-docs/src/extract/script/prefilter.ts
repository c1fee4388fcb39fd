// Which scripts are worth a syntax tree for env-docs, decided on their text alone. Parsing is
// most of env-docs' cost on a large repository, and a word like "environment", "EnvSet" or
// "#src/env-set" says nothing: what decides is whether the text holds the tokens some fact
// needs. Each test below is a necessary condition of one kind of fact (see script-reads.ts and
// script/links.ts), so a script that fails all of them gives no fact and is not parsed. They
// assume names written plainly: a variable name spelled with escapes (`"\u0041PI_KEY"`) or
// `env` written as `\u0065nv` is not seen.
import { NUXT_CONFIG } from "./frameworks.js";
import { mentionsLibraryHelper } from "./library-helpers.js";
import { mentionsTool } from "./tool-reads.js";

/** Whitespace and comments, which may sit between any two tokens. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*`;
/** Not part of a longer identifier. */
const BEFORE = String.raw`(?<![\w$])`;
const AFTER = String.raw`(?![\w$])`;

// Environment objects (script-reads.ts envObjectVia and collectAliases): every form names `env`
// as a member, a key, an import specifier or the local name of an app's env module.
/**
 * process.env, import.meta.env, Bun.env, Deno.env, globalThis.process.env, `process?.env`,
 * `(globalThis as any).process.env`: a member of an expression, not a ".env" file's name.
 */
const ENV_MEMBER = new RegExp(String.raw`[\w$)\]?!]${GAP}\.${GAP}env${AFTER}`);
/** process["env"], `const { "env": e } = process`, `import { "env" as e }`. */
const ENV_STRING = /["'`]env["'`]/;
/** `import { env } from "node:process" | "$env/dynamic/private" | "./env"`, `const { env } = process`. */
const ENV_BINDING = new RegExp(String.raw`[{,]${GAP}env${AFTER}`);
/** `import env from "./env"`, `import * as Env from "@/env"`: the app's env module. */
const ENV_MODULE = new RegExp(String.raw`${BEFORE}(?:import|as)${GAP}env${AFTER}`, "i");
/** SvelteKit: `import { API_KEY } from "$env/static/private"`. */
const SVELTE_STATIC = "$env/static/";
/** envalid and t3-env schemas (a callee or a method of that name). */
const SCHEMA_CALL = new RegExp(String.raw`${BEFORE}(?:createEnv|cleanEnv|customCleanEnv)${AFTER}`);

// What a script hands to other files (links.ts).
const IMPORT = new RegExp(String.raw`${BEFORE}import${AFTER}`);
const EXPORT = new RegExp(String.raw`${BEFORE}export${AFTER}`);
/** `export * from`, `export * as ns from`, `export { a } from`, `export type { T } from`. */
const RE_EXPORT = new RegExp(
  String.raw`${BEFORE}export${GAP}(?:type${GAP})?(?:\*[^"'\`;]*?|\{[^}]*\}${GAP})${BEFORE}from${AFTER}`,
);
/**
 * A string, or a template's text after a substitution, that may be all or the start of a
 * variable name: every name a call argument or an exported constant resolves to begins in one.
 * Its text up to the closing quote or the next substitution is part of the name, so it is UPPER.
 */
const UPPER_STRING = /["'`}][A-Z][A-Z0-9_]*(?:["'`]|\$\{)/;
/**
 * `config.API_URL`, `config?.PORT`, `config!.PORT`: a member read of an object, its name in group
 * 1, or ")" when it is written in parentheses (`(config as Env).PORT`) and so not known here.
 */
const UPPER_MEMBER = new RegExp(
  String.raw`(?:${BEFORE}([A-Za-z_$][\w$]*)|(\)))${GAP}!?${GAP}\??\.${GAP}[A-Z][A-Z0-9_]*${AFTER}`,
  "g",
);
/** An import statement's bindings, up to `from`: what a member read's object must be among. */
const IMPORT_CLAUSE = new RegExp(String.raw`${BEFORE}import${AFTER}([^"'\`;]*?)${BEFORE}from${AFTER}`, "g");
/**
 * An object whose first key is a variable name, after any spreads: `{ PORT: port() }`,
 * `{ "API_URL": … }`, `{ ...base, A, B }`, `{ get X() {} }`. An exported schema's keys are all
 * names, so its object (or, when it starts with a spread, the spread one's) begins so.
 */
const UPPER_KEY = new RegExp(
  String.raw`\{${GAP}(?:\.\.\.[^,{}]*,${GAP})*(?:(?:get|set|async)\s+|\*${GAP})?(?:\[${GAP})?["'\`]?[A-Z][A-Z0-9_]*${AFTER}["'\`]?${GAP}\]?${GAP}[:,}(]`,
);
/** An identifier that says it reads the environment (`getEnv`, `loadEnv`, `EnvSet`): links.ts ENV_LIKE. */
const ENV_NAMED = String.raw`[\w$]*env[\w$]*`;
/** `getEnv(…)`, `loadEnv<T>(…)`, `getEnv?.(…)`, `getEnv!(…)`, `(getEnv)(…)`: the callee's name in group 1. */
const ENV_NAMED_CALLEE = new RegExp(
  String.raw`${BEFORE}(${ENV_NAMED})${AFTER}(?=${GAP}(?:\)${GAP})*(?:\(|<|\?\.|!))`,
  "gi",
);
/** `new EnvSet`, with or without arguments. */
const ENV_NAMED_NEW = new RegExp(String.raw`${BEFORE}new${GAP}(${ENV_NAMED})${AFTER}`, "gi");
/** The object of a member call, just before its method's name: `ns.` in `ns.getEnv(…)`. */
const MEMBER_OBJECT = new RegExp(String.raw`(?:${BEFORE}([A-Za-z_$][\w$]*)|(\)))?${GAP}!?${GAP}\??\.${GAP}$`);
/** `* as ns` in an import clause, the local name in group 1. */
const NAMESPACE = new RegExp(String.raw`\*${GAP}as${GAP}([A-Za-z_$][\w$]*)`, "g");
/** An import binding renamed from a name like that: `getEnv as g`, `"getEnv" as g`. */
const ENV_NAMED_RENAME = new RegExp(String.raw`${ENV_NAMED}["']?${GAP}as${AFTER}`, "i");
const BUILD_CONFIG = /(^|\/)(next|vite)\.config\.[cm]?[jt]s$/;

/** Whether the text names an environment object, or a library or schema that reads variables itself. */
function mayReadEnvironment(text: string): boolean {
  return (
    ENV_MEMBER.test(text) ||
    ENV_STRING.test(text) ||
    ENV_BINDING.test(text) ||
    ENV_MODULE.test(text) ||
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
    // `(config as Env).PORT`: the object is not known from the text.
    if (match[2] || (match[1] && imports.names.has(match[1]))) return true;
  }
  return false;
}

/**
 * Whether the script calls an imported function whose imported name looks like an env reader
 * (links.ts keeps those calls whatever their arguments): `getEnv(…)` imported by that name,
 * `ns.getEnv(…)` on an import, `new EnvSet(…)`, or any call once such a name is renamed.
 */
function callsEnvNamedImport(text: string, imports: ImportedNames): boolean {
  if (imports.renamesEnvNamed) return true;
  for (const match of text.matchAll(ENV_NAMED_NEW)) if (imports.names.has(match[1] ?? "")) return true;
  for (const match of text.matchAll(ENV_NAMED_CALLEE)) {
    if (imports.names.has(match[1] ?? "")) return true;
    const member = MEMBER_OBJECT.exec(text.slice(Math.max(0, match.index - 200), match.index));
    // A method call: it counts when its object is a namespace import, or cannot be told.
    if (member && (member[2] || !member[1] || imports.namespaces.has(member[1]))) return true;
  }
  return false;
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
  const upperString = UPPER_STRING.test(text);
  if (IMPORT.test(text)) {
    if (upperString) return true;
    const imports = importedNames(text);
    if (readsImportedMember(text, imports) || callsEnvNamedImport(text, imports)) return true;
  }
  // Re-exports, exported constants and exported schemas.
  return EXPORT.test(text) && (RE_EXPORT.test(text) || upperString || UPPER_KEY.test(text));
}
