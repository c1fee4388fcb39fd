// Reads a column definition (`name type [constraints]`) from its text, for CREATE TABLE bodies,
// ADD COLUMN and MySQL MODIFY/CHANGE, in every dialect.

import { expressionColumns } from "./key-columns.js";
import { nameFromText } from "./names.js";
import { type ClauseToken, clauseTokens, firstGroupItems } from "./tokens.js";
import type { ColumnSpec, ConstraintKind } from "./types.js";

// Words that end the data type and start a constraint or column option.
const CONSTRAINT_WORDS = new Set([
  "NOT",
  "NULL",
  "DEFAULT",
  "PRIMARY",
  "UNIQUE",
  "REFERENCES",
  "CHECK",
  "CONSTRAINT",
  "GENERATED",
  "COLLATE",
  "AUTO_INCREMENT",
  "AUTOINCREMENT",
  "COMMENT",
  "ON",
  "AS",
  "FIRST",
  "AFTER",
  "INVISIBLE",
  "VISIBLE",
]);

// Table-level entries of a CREATE TABLE body that are not columns.
const TABLE_ENTRY = /^(CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK|EXCLUDE|INDEX|KEY|FULLTEXT|SPATIAL|LIKE|PERIOD)\b/i;

function typeEnd(tokens: ClauseToken[], from: number): number {
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === "word" && CONSTRAINT_WORDS.has(token.upper)) break;
    // MySQL `CHARACTER SET x` belongs to the column, not to `character varying`.
    if (token.upper === "CHARACTER" && tokens[i + 1]?.upper === "SET") break;
    if (token.upper === "CHARSET") break;
    i++;
  }
  return i;
}

function joinTokens(tokens: ClauseToken[]): string {
  return tokens
    .map((token) => token.text)
    .join(" ")
    .replace(/\s+(\(|\[)/g, "$1")
    .replace(/\s*(::|\]|\.)\s*/g, "$1");
}

/** The DEFAULT expression: the tokens after DEFAULT up to the next constraint word. */
function defaultExpression(tokens: ClauseToken[], at: number): string {
  const taken: ClauseToken[] = [];
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === "word" && CONSTRAINT_WORDS.has(token.upper) && taken.length > 0 && token.upper !== "NULL") break;
    if (token.kind === "word" && token.upper === "NOT" && taken.length > 0) break;
    taken.push(token);
  }
  return joinTokens(taken);
}

function generatedKind(tokens: ClauseToken[], rest: string): ColumnSpec["generated"] {
  if (/\bAS\s+IDENTITY\b|\bAUTO_?INCREMENT\b/i.test(rest)) return "identity";
  const generated = tokens.some((t) => t.upper === "GENERATED") || /\bAS\s*\(/i.test(rest);
  if (!generated) return null;
  return /\bVIRTUAL\b/i.test(rest) ? "virtual" : "stored";
}

/** A column definition, or null when the text is a table constraint (`PRIMARY KEY (a)`, `CONSTRAINT …`). */
export function parseColumnDefinition(text: string): ColumnSpec | null {
  const trimmed = text.trim();
  if (TABLE_ENTRY.test(trimmed)) return null;
  const tokens = clauseTokens(trimmed);
  const first = tokens[0];
  if (first === undefined || (first.kind !== "word" && first.kind !== "quoted")) return null;
  const end = typeEnd(tokens, 1);
  const rest = tokens.slice(end);
  const restText = rest.map((t) => t.text).join(" ");
  const defaultAt = rest.findIndex((t) => t.upper === "DEFAULT");
  const generated = generatedKind(rest, restText);
  return {
    column: nameFromText(first.text),
    dataType: joinTokens(tokens.slice(1, end)),
    notNull: /\bNOT\s+NULL\b|\bPRIMARY\s+KEY\b/i.test(restText),
    defaultExpr: defaultAt === -1 ? null : defaultExpression(rest, defaultAt),
    generated,
    primaryKey: /\bPRIMARY\s+KEY\b/i.test(restText),
    references: rest.some((t) => t.upper === "REFERENCES"),
  };
}

/** The columns of a CREATE TABLE statement's text (empty for CREATE TABLE … AS / LIKE). */
export function createTableColumns(text: string): ColumnSpec[] {
  const head = /^[\s\S]*?\bTABLE\b/i.exec(text);
  const group = firstGroupItems(text, head?.[0].length ?? 0);
  if (group === null) return [];
  const between = text.slice(head?.[0].length ?? 0, group.end);
  // `CREATE TABLE t AS SELECT (…)`: the group is a query, not a column list.
  if (/\bAS\b/i.test(between.slice(0, between.indexOf("(")))) return [];
  return group.items.map(parseColumnDefinition).filter((column): column is ColumnSpec => column !== null);
}

/** A constraint written in a column definition (`… REFERENCES u (id)`, `… UNIQUE`, `… CHECK (…)`). */
export interface InlineConstraint {
  name: string | null;
  kind: ConstraintKind;
  /** The constraint's words as written, from its keyword on. */
  body: string;
  keyColumns: string[];
}

const INLINE_START = new Set(["REFERENCES", "UNIQUE", "PRIMARY", "CHECK"]);

/**
 * The constraints written inline in a column definition: each one is a constraint on the table like
 * one added on its own (PostgreSQL names it the same way, and takes the same locks to build it).
 */
export function inlineConstraints(definition: string): InlineConstraint[] {
  const tokens = clauseTokens(definition.trim());
  const column = tokens[0];
  if (column === undefined) return [];
  const columnName = nameFromText(column.text);
  const found: InlineConstraint[] = [];
  let name: string | null = null;
  for (let i = typeEnd(tokens, 1); i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.kind !== "word") continue;
    if (token.upper === "CONSTRAINT" && tokens[i + 1] !== undefined) {
      name = nameFromText(tokens[i + 1]?.text ?? "");
      i++;
      continue;
    }
    if (!INLINE_START.has(token.upper)) continue;
    // The constraint runs to the next constraint keyword (or CONSTRAINT name).
    let end = i + 1;
    while (end < tokens.length) {
      const next = tokens[end];
      if (next?.kind === "word" && (INLINE_START.has(next.upper) || next.upper === "CONSTRAINT")) break;
      if (next?.kind === "word" && (next.upper === "NOT" || next.upper === "DEFAULT")) break;
      end++;
    }
    const body = tokens
      .slice(i, end)
      .map((t) => t.text)
      .join(" ");
    const kind: ConstraintKind =
      token.upper === "REFERENCES"
        ? "foreign_key"
        : token.upper === "UNIQUE"
          ? "unique"
          : token.upper === "PRIMARY"
            ? "primary_key"
            : "check";
    const check = kind === "check" ? tokens[i + 1] : undefined;
    const keyColumns =
      check?.kind === "group" ? expressionColumns(check.text.slice(1, -1)) : kind === "check" ? [] : [columnName];
    found.push({ name, kind, body, keyColumns });
    name = null;
    i = end - 1;
  }
  return found;
}
