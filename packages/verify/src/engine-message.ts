// What verify shows of a database engine's error: its first line, with every literal the engine
// quotes masked. Engines quote the value they rejected (`invalid input syntax for type integer:
// "hunter2"`, `Duplicate entry 'tok_…' for key`), and a migration's literals can be secrets; a
// finding's message, its fingerprint and the verdict note all come from this text.
import { maskSecret } from "@deploylint/core/rule-api";

/** Messages that quote a value, not a name, whatever the statement holds. */
const VALUE_PATTERNS: RegExp[] = [
  // PostgreSQL: invalid input syntax for type integer: "…" / invalid input value for enum mood: "…"
  /(invalid input (?:syntax|value) for [^:]*: ")((?:[^"]|"")*)(")/g,
  // PostgreSQL details: Key (token)=(…) already exists. / Failing row contains (…).
  /(Key \([^)]*\)=\()(.*?)(\) (?:already exists|is (?:not present|still referenced)))/g,
  /(Failing row contains \()(.*)(\))/g,
  // MySQL and MariaDB: Duplicate entry '…' for key / Incorrect integer value: '…' for column
  /(Duplicate entry ')((?:[^']|'')*)(' for key)/g,
  /((?:Incorrect|Truncated incorrect) [\w ]+ value: ')((?:[^']|'')*)(')/g,
];

/** Quoted segments of a message: "…" or '…' (a name or a value: the statement decides). */
const QUOTED = /"((?:[^"]|"")+)"|'((?:[^']|'')+)'/g;

/** Below this length a substring match says nothing: a short name is in many literals. */
const MIN_OVERLAP = 8;

/**
 * The contents of the statement's string literals ('…', E'…', $tag$…$tag$), comments left out. A
 * dollar-quoted body may be a function or DO block: then the literals inside it count (a RAISE
 * message repeats them).
 */
export function stringLiterals(sql: string): string[] {
  const literals: string[] = [];
  const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"]|"")*"?|'((?:[^']|'')*)'?|(\$\w*\$)([\s\S]*?)(?:\2|$)/g;
  for (const match of sql.matchAll(token)) {
    const quoted = match[1];
    const body = match[3];
    if (quoted !== undefined && quoted !== "") literals.push(quoted.replace(/''/g, "'"));
    // A body with a `;` is code (its own literals count); one without is a string value.
    if (body !== undefined && body !== "") literals.push(...(body.includes(";") ? stringLiterals(body) : [body]));
  }
  return literals;
}

function quotesALiteral(quoted: string, literals: string[]): boolean {
  return literals.some(
    (literal) =>
      literal === quoted ||
      (quoted.length >= MIN_OVERLAP && literal.includes(quoted)) ||
      (literal.length >= MIN_OVERLAP && quoted.includes(literal)),
  );
}

/** The engine's message for a finding: one line, values masked. */
export function maskEngineMessage(message: string, statement: string): string {
  const first = (message.split("\n", 1)[0] ?? message).trim().replace(/\.?$/, "");
  let masked = first;
  for (const pattern of VALUE_PATTERNS) {
    masked = masked.replace(pattern, (_all, before: string, value: string, after: string) => {
      return `${before}${maskSecret(value)}${after}`;
    });
  }
  const literals = stringLiterals(statement);
  // A literal the message repeats without quotes (RAISE EXCEPTION 'token %', '…'; SQLite's RAISE(ABORT, '…')).
  for (const literal of literals) {
    if (literal.length >= MIN_OVERLAP && !literal.includes("\n"))
      masked = masked.split(literal).join(maskSecret(literal));
  }
  return masked.replace(QUOTED, (all, doubled?: string, single?: string) => {
    const quoted = (doubled ?? single ?? "").replace(/""|''/g, (pair) => pair[0] ?? "");
    if (!quotesALiteral(quoted, literals)) return all;
    const mark = doubled !== undefined ? '"' : "'";
    return `${mark}${maskSecret(quoted)}${mark}`;
  });
}
