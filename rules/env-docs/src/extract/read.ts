// Extractors "env-docs:read": one fact per variable read (and one for a file's first computed
// access), with the exact position of the name; and "env-docs:script-links": what a script
// tells the rest of its package (see project/reads.ts). Scripts are parsed only when their text
// may read a variable and does not settle those reads itself (script/plain-reads.ts); other files
// are scanned as text.
import { defineExtractor, type SourceFileInfo } from "@deploylint/core/rule-api";
import { READ_FACT, type ReadFact, SCRIPT_LINKS_FACT } from "../facts.js";
import { compilerPaths, configExtends, exportTargets } from "./manifests.js";
import { VITE_CONFIG } from "./script/frameworks.js";
import { emptyLinks } from "./script/links.js";
import { namesVariable } from "./script/names-variable.js";
import { type PlainRead, plainReads } from "./script/plain-reads.js";
import { mayGiveLinks, mayGiveReads } from "./script/prefilter.js";
import { mentionsTool } from "./script/tool-reads.js";
import { type ScriptFacts, scriptFacts } from "./script-reads.js";
import { textLanguage, textReads } from "./text-reads.js";

// Every form scriptReads knows on its own has "env" or "Env" in it: process.env, import.meta.env,
// Bun.env, Deno.env, $env/…, cleanEnv, createEnv. A file that calls a helper imported from
// another file (`oauth(Provider, "X_CLIENT_ID")`), reads an imported env object or exports
// names need not: it names a variable.
const MENTIONS_ENV = /env|runtimeConfig/i;
const PACKAGE_MANIFEST = /(^|\/)package\.json$/;
const TS_CONFIG = /(^|\/)(tsconfig|jsconfig)(\.[\w.-]+)?\.json$/;
/** A shared config package's files (`packages/tsconfig/nextjs.json`, `@tsconfig/node20/tsconfig.json`): what `extends` names. */
const SHARED_TS_CONFIG = /(^|\/)[^/]*tsconfig[^/]*\/([^/]+\/)*[^/]+\.json$/;

// The gate env-docs has always had: what decides which scripts' facts count at all (a file that
// names no variable and mentions no "env" gives none, even a re-export). Within it, a script is
// parsed only when its text holds what some fact needs (script/prefilter.ts): most scripts that
// pass it through a word ("environment", "EnvSet") give nothing.
function mayRead(text: string): boolean {
  // Both extractors ask about each script, one after the other, and the scan reads the whole text
  // of every script (most name nothing): the answer is kept for the second.
  if (text === lastText) return lastMayRead;
  lastText = text;
  lastMayRead = MENTIONS_ENV.test(text) || namesVariable(text) || mentionsTool(text);
  return lastMayRead;
}
let lastText: string | null = null;
let lastMayRead = false;

/** Both extractors share one walk of each script. */
function scriptFactsOf(
  ctx: { file: SourceFileInfo; memo<T>(key: string, compute: () => T): T },
  program: Parameters<typeof scriptFacts>[0],
): ScriptFacts {
  return ctx.memo("env-docs:script-facts", () =>
    scriptFacts(program, (offset) => ctx.file.lines.positionAt(offset), ctx.file.path),
  );
}

/**
 * The file's reads when they are all plain member reads its text settles (script/plain-reads.ts):
 * then it gives no links and its reads need no syntax tree. Both extractors ask; one answer.
 */
function plainReadsOf(ctx: { file: SourceFileInfo; memo<T>(key: string, compute: () => T): T }): PlainRead[] | null {
  return ctx.memo("env-docs:plain-reads", () => plainReads(ctx.file.text, ctx.file.path));
}

export const scriptLinksExtractor = defineExtractor({
  id: SCRIPT_LINKS_FACT,
  kinds: ["script", "json"],
  create(ctx) {
    if (ctx.file.kind === "json") {
      if (
        TS_CONFIG.test(ctx.file.path) ||
        (SHARED_TS_CONFIG.test(ctx.file.path) && !PACKAGE_MANIFEST.test(ctx.file.path))
      ) {
        return {
          json(source) {
            const tsPaths = compilerPaths(source.value);
            const tsExtends = configExtends(source.value);
            if (tsPaths || tsExtends)
              ctx.emit({ ...emptyLinks(), ...(tsPaths ? { tsPaths } : {}), ...(tsExtends ? { tsExtends } : {}) });
          },
        };
      }
      if (!PACKAGE_MANIFEST.test(ctx.file.path)) return null;
      return {
        json(source) {
          const manifest = source.value as { name?: unknown; exports?: unknown } | null;
          const name = manifest?.name;
          if (typeof name !== "string" || name === "") return;
          const packageExports = exportTargets(manifest?.exports);
          ctx.emit({ ...emptyLinks(), packageName: name, ...(packageExports ? { packageExports } : {}) });
        },
      };
    }
    // A Vite config says which names reach import.meta.env even when it names none (default VITE_).
    const { text, path } = ctx.file;
    if (!(mayRead(text) && mayGiveLinks(text, path)) && !VITE_CONFIG.test(path)) return null;
    // A file whose text settles its reads gives no links, and needs no parse at all.
    if (plainReadsOf(ctx) !== null) return null;
    return {
      script(source) {
        const { links } = scriptFactsOf(ctx, source.program);
        const empty = Object.values(links).every((list) => list === undefined || list.length === 0);
        if (!empty) ctx.emit(links);
      },
    };
  },
});

export default defineExtractor({
  id: READ_FACT,
  // "script" so the engine loads the script parser; "text" routes every other file here too.
  kinds: ["script", "text"],
  create(ctx) {
    const { file } = ctx;
    if (file.kind === "script") {
      if (!(mayRead(file.text) && mayGiveReads(file.text, file.path))) return null;
      const plain = plainReadsOf(ctx);
      if (plain !== null) {
        // A file() visitor, not script(): the engine parses a script for every script() subscriber,
        // and these reads need no tree (a syntax error elsewhere in the file is no concern of env-docs).
        return {
          file() {
            for (const read of plain) ctx.emit(plainFact(read, file.lines));
          },
        };
      }
      return {
        script(source) {
          for (const read of scriptFactsOf(ctx, source.program).reads) ctx.emit(read);
        },
      };
    }
    const language = textLanguage(file.path, file.text);
    if (language === null) return null;
    return {
      text(text) {
        for (const read of textReads(language, text)) {
          const start = file.lines.positionAt(read.start);
          const end = file.lines.positionAt(read.end);
          const fact: ReadFact = {
            name: read.name,
            via: read.via,
            ...(read.hasFallback === undefined ? {} : { hasFallback: read.hasFallback }),
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
          };
          ctx.emit(fact);
        }
      },
    };
  },
});

/** A plain read as the tree's path makes its fact (script-reads.ts scriptFacts' add). */
function plainFact(read: PlainRead, lines: SourceFileInfo["lines"]): ReadFact {
  const start = lines.positionAt(read.start);
  const end = lines.positionAt(read.end);
  return {
    name: read.name,
    via: read.via,
    ...(read.hasFallback === undefined ? {} : { hasFallback: read.hasFallback }),
    ...(read.aliasOf === undefined ? {} : { aliasOf: read.aliasOf }),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}
