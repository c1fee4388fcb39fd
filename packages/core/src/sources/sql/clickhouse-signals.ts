// Clauses that only ClickHouse accepts, each one a syntax error in PostgreSQL, MySQL and SQLite, so
// that a match can never turn a migration of a checked dialect into one left alone. Comments and
// string literals are blanked first: a comment mentioning MergeTree decides nothing.
import { scanToken } from "./lexer.js";

const SIGNALS: { pattern: RegExp; says: string }[] = [
  // MySQL's table engines (InnoDB, MEMORY, MERGE, …) never end in "MergeTree" and are never Distributed.
  { pattern: /\bENGINE\s*=\s*(?:\w*MergeTree\b|Distributed\s*\()/i, says: "a MergeTree table engine" },
  // PostgreSQL's CREATE MATERIALIZED VIEW has no TO clause.
  {
    pattern: /\bCREATE\s+MATERIALIZED\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w."`]+\s+TO\s/i,
    says: "a materialized view that writes TO a table",
  },
  // Mutations: ALTER TABLE t UPDATE … / DELETE WHERE …, and MATERIALIZE of projections, indexes, columns.
  {
    pattern:
      /\bALTER\s+TABLE\s+[\w."`]+\s+(?:ON\s+CLUSTER\s+[\w"`]+\s+)?(?:UPDATE\s+[\w"`]+\s*=|DELETE\s+WHERE\b|MATERIALIZE\s+(?:PROJECTION|INDEX|COLUMN)\b)/i,
    says: "an ALTER TABLE mutation (UPDATE, DELETE WHERE or MATERIALIZE)",
  },
  {
    pattern: /\b(?:TABLE|DATABASE|VIEW)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[\w."`]+\s+ON\s+CLUSTER\b/i,
    says: "ON CLUSTER",
  },
];

/** The text with comments and string literals replaced by spaces (offsets kept). */
function codeOnly(text: string): string {
  const pieces: string[] = [];
  let i = 0;
  while (i < text.length) {
    const token = scanToken({ text, dialect: "postgresql" }, i);
    const blank = token.type === "comment" || token.type === "string";
    pieces.push(blank ? " ".repeat(token.end - token.start) : text.slice(token.start, token.end));
    i = token.end;
  }
  return pieces.join("");
}

/** What in the text only ClickHouse accepts ("a MergeTree table engine"), or null. */
export function clickhouseSignal(text: string): string | null {
  // The raw text first: a file of another dialect (nearly every file) is never lexed a second time.
  if (!SIGNALS.some((signal) => signal.pattern.test(text))) return null;
  const code = codeOnly(text);
  return SIGNALS.find((signal) => signal.pattern.test(code))?.says ?? null;
}
