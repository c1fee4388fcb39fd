// The two ways env-docs reads a script, side by side for the tests that hold them equal: the
// tree's facts (script-reads.ts) and the text-only reads (plain-reads.ts) in the same shape.
import { createLineIndex, parseScript } from "@deploylint/core/sources";
import { plainReads } from "../../src/extract/script/plain-reads.js";
import { scriptFacts } from "../../src/extract/script-reads.js";

/** The tree's facts of a script, or null when it does not parse. */
export function treeFacts(code: string, path: string) {
  const parsed = parseScript(code, path);
  if (!parsed.ok) return null;
  const lines = createLineIndex(code);
  return scriptFacts(parsed.source.program, (offset) => lines.positionAt(offset), path);
}

/** The text-only reads as the tree's read facts, or undefined when the text leaves the file to the tree. */
export function plainFacts(code: string, path: string) {
  const lines = createLineIndex(code);
  return plainReads(code, path)?.map(({ name, via, start, end, hasFallback, aliasOf }) => {
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    return {
      name,
      via,
      ...(hasFallback === undefined ? {} : { hasFallback }),
      ...(aliasOf === undefined ? {} : { aliasOf }),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    };
  });
}
