// Extractor "env-docs:read": one fact per variable read (and one for a file's first computed
// access), with the exact position of the name. Scripts are parsed only when their text
// mentions an environment at all; other files are scanned as text.
import { defineExtractor } from "@deploylint/core/rule-api";
import { READ_FACT, type ReadFact } from "../facts.js";
import { scriptReads } from "./script-reads.js";
import { textLanguage, textReads } from "./text-reads.js";

// Every form scriptReads knows has "env" or "Env" in it: process.env, import.meta.env, Bun.env,
// Deno.env, $env/…, cleanEnv, createEnv.
const MENTIONS_ENV = /env/i;

export default defineExtractor({
  id: READ_FACT,
  // "script" so the engine loads the script parser; "text" routes every other file here too.
  kinds: ["script", "text"],
  create(ctx) {
    const { file } = ctx;
    if (file.kind === "script") {
      if (!MENTIONS_ENV.test(file.text)) return null;
      return {
        script(source) {
          for (const read of scriptReads(source.program, (offset) => file.lines.positionAt(offset))) ctx.emit(read);
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
