// Checks on variable names: duplicates, missing `=`, case, first character and word delimiters.
import { describeCharacter, type KeyRef, keyRefs, lineStart } from "./keys.js";
import type { DotenvCheck } from "./types.js";

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const LOOKS_LIKE_NAME = /^[\w.-]{1,64}$/;
const EXPORT_PREFIX = /^export\s+/;

export const duplicatedKey: DotenvCheck = {
  id: "duplicatedKey",
  run({ source }, report) {
    const seen = new Set<string>();
    for (const entry of source.entries) {
      if (seen.has(entry.key)) report({ messageId: "duplicatedKey", data: { key: entry.key }, range: entry.keyRange });
      seen.add(entry.key);
    }
  },
};

export const keyWithoutValue: DotenvCheck = {
  id: "keyWithoutValue",
  run(input, report) {
    const { source, file } = input;
    for (const line of source.lines) {
      if (line.kind !== "invalid" || line.text.includes("=")) continue;
      const trimmed = line.text.trimStart();
      const prefix = EXPORT_PREFIX.exec(trimmed)?.[0].length ?? 0;
      const name = trimmed.slice(prefix).trimEnd();
      const start = lineStart(input, line.line) + (line.text.length - trimmed.length) + prefix;
      report({ messageId: "keyWithoutValue", data: { key: shown(name) }, range: { start, end: start + name.length } });
    }
    // `KEY: value` loads in Node's dotenv only; everything else sees a line without `=`.
    for (const entry of source.entries) {
      if (file.text.slice(entry.keyRange.end, entry.valueRange.start).includes("=")) continue;
      report({ messageId: "keyWithoutValue", data: { key: entry.key }, range: entry.keyRange });
    }
  },
};

export const lowercaseKey: DotenvCheck = {
  id: "lowercaseKey",
  style: true,
  run(input, report) {
    for (const ref of keyRefs(input)) {
      const upper = ref.key.toUpperCase();
      if (upper === ref.key) continue;
      const range = { start: ref.start, end: ref.start + ref.key.length };
      report({ messageId: "lowercaseKey", data: { key: ref.key, upper }, range });
    }
  },
};

export const leadingCharacter: DotenvCheck = {
  id: "leadingCharacter",
  run(input, report) {
    const firstRefOfLine = new Map<number, KeyRef>();
    for (const ref of keyRefs(input)) if (!firstRefOfLine.has(ref.line)) firstRefOfLine.set(ref.line, ref);
    for (const line of input.source.lines) {
      if (line.kind !== "entry" && line.kind !== "invalid") continue;
      // A byte order mark is not part of the first line's text for any loader.
      const skipped = line.line === 1 && line.text.startsWith("\ufeff") ? 1 : 0;
      const first = line.text.charAt(skipped);
      let offset = lineStart(input, line.line) + skipped;
      let character = first;
      if (NAME_START.test(first)) {
        // `export 1KEY=...`: the line starts well, the name does not.
        const ref = firstRefOfLine.get(line.line);
        if (!ref || NAME_START.test(ref.key.charAt(0))) continue;
        offset = ref.start;
        character = ref.key.charAt(0);
      }
      const data = { character: describeCharacter(character) };
      report({ messageId: "leadingCharacter", data, range: { start: offset, end: offset + 1 } });
    }
  },
};

export const incorrectDelimiter: DotenvCheck = {
  id: "incorrectDelimiter",
  run(input, report) {
    for (const ref of keyRefs(input)) {
      // Characters before the first letter are leadingCharacter's concern, as in dotenv-linter.
      let index = 0;
      while (index < ref.key.length && !NAME_START.test(ref.key.charAt(index))) index++;
      while (index < ref.key.length && NAME_CHAR.test(ref.key.charAt(index))) index++;
      if (index >= ref.key.length) continue;
      const character = ref.key.charAt(index);
      const suggestion = ref.key.replace(/^[^A-Za-z_]+/, "").replace(/[^A-Za-z0-9_]+/g, "_");
      const data = { key: ref.key, character: describeCharacter(character), suggestion };
      report({
        messageId: "incorrectDelimiter",
        data,
        range: { start: ref.start + index, end: ref.start + index + 1 },
      });
    }
  },
};

/** A skipped line may be a pasted secret: show it only when it looks like a variable name. */
function shown(text: string): string {
  return LOOKS_LIKE_NAME.test(text) ? text : `${text.slice(0, 4)}****…`;
}
