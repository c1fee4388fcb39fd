// Liquibase formatted SQL keeps each changeset's rollback in `--rollback <sql>` comment lines; this
// turns them into statements the text readers understand, so a changeset's down can be judged.
import type { SqlStatement } from "@deploylint/core/rule-api";

const OBJECTS = /^(TABLE|INDEX|VIEW|TYPE|SCHEMA|DATABASE|EXTENSION|FUNCTION|PROCEDURE|TRIGGER|SEQUENCE|DOMAIN|POLICY)$/;
const SKIPPED = new Set(["OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "MATERIALIZED", "IF", "NOT", "EXISTS"]);

/** A statement kind from the leading words, enough for the operations the rules pair. */
export function kindOfText(text: string): string {
  const words = text
    .trim()
    .split(/\s+/, 6)
    .map((w) => w.toUpperCase().replace(/[^A-Z_]/g, ""));
  const [first] = words;
  if (first === "CREATE" || first === "ALTER" || first === "DROP") {
    const object = words.slice(1).find((word) => !SKIPPED.has(word));
    return object !== undefined && OBJECTS.test(object) ? `${first.toLowerCase()}_${object.toLowerCase()}` : "unknown";
  }
  if (first === "INSERT" || first === "UPDATE" || first === "DELETE" || first === "TRUNCATE")
    return first.toLowerCase();
  return "unknown";
}

/** The rollback statements of the changeset in `range`, at the offsets of their comment lines. */
export function rollbackStatements(text: string, range: { start: number; end: number }): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let pending = "";
  let pendingStart = -1;
  const flush = (end: number) => {
    const body = pending.trim();
    if (body !== "" && !/^(not\s+required|empty)\b/i.test(body)) {
      statements.push({
        text: body,
        range: { start: pendingStart, end },
        kind: kindOfText(body),
        cst: null,
        parseError: null,
      });
    }
    pending = "";
    pendingStart = -1;
  };
  const section = text.slice(range.start, range.end);
  for (const match of section.matchAll(/^--[ \t]*rollback[ \t]+([^\n]*)$/gim)) {
    const start = range.start + match.index;
    const end = start + match[0].length;
    for (const piece of (match[1] ?? "").split(/(;)/)) {
      if (piece === ";") {
        flush(end);
        continue;
      }
      if (pendingStart === -1) pendingStart = start;
      pending += ` ${piece}`;
    }
  }
  flush(range.end);
  return statements;
}
