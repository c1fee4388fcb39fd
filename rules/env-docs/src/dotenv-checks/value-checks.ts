// Checks on the `=` and the value: spaces around `=`, needless quotes, unquoted spaces and
// malformed `${}` substitutions.
import type { DotenvEntry } from "@deploylint/core/rule-api";
import type { CheckInput, DotenvCheck } from "./types.js";

export const spaceCharacter: DotenvCheck = {
  id: "spaceCharacter",
  run({ source, file }, report) {
    for (const entry of source.entries) {
      const between = file.text.slice(entry.keyRange.end, entry.valueRange.start);
      const equals = between.indexOf("=");
      if (equals < 0) continue;
      const after = entry.value === "" && entry.quote === null ? "" : between.slice(equals + 1);
      if (equals === 0 && after === "") continue;
      // Point at the first space: before `=` if any, else after it (up to the line break).
      const start = entry.keyRange.end + (equals > 0 ? 0 : equals + 1);
      const run = equals > 0 ? between.slice(0, equals) : after;
      const length = run.search(/[\r\n]|$/);
      const range = length > 0 ? { start, end: start + length } : { start: start - 1, end: start };
      report({ messageId: "spaceCharacter", data: { key: entry.key }, range });
    }
  },
};

export const quoteCharacter: DotenvCheck = {
  id: "quoteCharacter",
  style: true,
  run({ source }, report) {
    for (const entry of source.entries) {
      // As dotenv-linter: quotes are needed around spaces, `\n` escapes, `$` and `#`.
      if (/[\s$#]|\\n/.test(entry.rawValue)) continue;
      const index = entry.rawValue.search(/["']/);
      if (index < 0) continue;
      const start = entry.valueRange.start + index;
      report({ messageId: "quoteCharacter", data: { key: entry.key }, range: { start, end: start + 1 } });
    }
  },
};

export const valueWithoutQuotes: DotenvCheck = {
  id: "valueWithoutQuotes",
  run({ source }, report) {
    for (const entry of source.entries) {
      if (entry.quote !== null || !/\s/.test(entry.rawValue)) continue;
      report({ messageId: "valueWithoutQuotes", data: { key: entry.key }, range: entry.valueRange });
    }
  },
};

export const substitutionKey: DotenvCheck = {
  id: "substitutionKey",
  run(input: CheckInput, report) {
    for (const entry of input.source.entries) {
      const index = badSubstitution(entry);
      if (index === null) continue;
      const start = entry.valueRange.start + index;
      report({ messageId: "substitutionKey", data: { key: entry.key }, range: { start, end: start + 1 } });
    }
  },
};

/**
 * Index in the raw value of the first `$` whose name has one brace without the other or a braced
 * name that is not letters, digits and underscores (dotenv-linter's rule); single quotes do not expand.
 */
function badSubstitution(entry: DotenvEntry): number | null {
  const raw = entry.rawValue;
  if (raw.startsWith("'")) return null;
  for (let dollar = raw.indexOf("$"); dollar >= 0; ) {
    const next = raw.indexOf("$", dollar + 1);
    const name = raw.slice(dollar + 1, next < 0 ? raw.length : next);
    const close = name.indexOf("}");
    const opened = name.startsWith("{");
    const malformed = opened !== close >= 0 || (close >= 0 && /[^A-Za-z0-9_]/.test(name.slice(1, close)));
    if (malformed && !isEscaped(raw.slice(0, dollar))) return dollar;
    dollar = next;
  }
  return null;
}

/** Whether the character after `prefix` is escaped: an odd run of backslashes ends the prefix. */
function isEscaped(prefix: string): boolean {
  const backslashes = prefix.length - prefix.replace(/\\+$/, "").length;
  return backslashes % 2 === 1;
}
