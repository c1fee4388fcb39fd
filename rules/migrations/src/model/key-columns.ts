// The columns an index or constraint is built on, read from its text: what the database names an
// unnamed one after, and what a DROP COLUMN takes along with it.
import { nameFromText } from "./names.js";
import { clauseTokens, firstGroupBody, splitTopLevel } from "./tokens.js";

/**
 * The names of an index's column list `(a, lower(b), (c + 1))`, as PostgreSQL names them: a column
 * by its name, a function call by the function, any other expression `expr`.
 */
export function indexColumns(list: string): string[] {
  return splitTopLevel(list).map((item) => {
    const [first, second] = clauseTokens(item);
    if (first === undefined) return "expr";
    if (first.kind === "group") return "expr";
    if (first.kind !== "word" && first.kind !== "quoted") return "expr";
    if (second?.kind === "group") return nameFromText(first.text);
    if (second !== undefined && second.kind === "punct") return "expr";
    return nameFromText(first.text);
  });
}

/** The columns of the first parenthesised list in `text` (after `from`), or null without one. */
export function columnsOfFirstList(text: string, from = 0): string[] | null {
  const group = firstGroupBody(text, from);
  return group === null ? null : indexColumns(group.body);
}

// Words of a CHECK expression that are not column names.
const EXPRESSION_WORDS = new Set(
  "AND OR NOT NULL IS IN TRUE FALSE BETWEEN LIKE ILIKE SIMILAR TO ESCAPE CASE WHEN THEN ELSE END ANY ALL SOME ARRAY DISTINCT FROM COLLATE UNKNOWN INTERVAL CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP LOCALTIME LOCALTIMESTAMP CURRENT_USER SESSION_USER USER VALUE CAST AS OVERLAPS ISNULL NOTNULL".split(
    " ",
  ),
);

// Words of a CREATE INDEX tail (`USING gin (…) INCLUDE (…) WITH (…) WHERE …`) that are not columns.
const INDEX_WORDS = new Set(
  "USING INCLUDE WITH WHERE ASC DESC NULLS FIRST LAST TABLESPACE NOT DISTINCT ALGORITHM LOCK DEFAULT INPLACE COPY NONE SHARED EXCLUSIVE".split(
    " ",
  ),
);

/**
 * Every column a CREATE INDEX depends on, after its table: key columns, those inside expressions,
 * INCLUDE columns and the WHERE predicate's (PostgreSQL drops the index with any of them). Operator
 * classes and storage parameters may slip in; they only make "a dropped column takes it along" likelier.
 */
export function indexDependencies(tail: string): string[] {
  return expressionColumns(tail).filter((name) => !INDEX_WORDS.has(name.toUpperCase()));
}

/** The distinct columns a CHECK expression names, first one first (function names and casts left out). */
export function expressionColumns(expression: string): string[] {
  const found: string[] = [];
  const walk = (text: string) => {
    const tokens = clauseTokens(text);
    tokens.forEach((token, i) => {
      if (token.kind === "group") {
        walk(token.text.slice(1, -1));
        return;
      }
      if (token.kind !== "word" && token.kind !== "quoted") return;
      if (token.kind === "word" && (EXPRESSION_WORDS.has(token.upper) || /^[\d.]/.test(token.text))) return;
      if (tokens[i - 1]?.text === "::") return;
      if (tokens[i + 1]?.kind === "group") return;
      const name = nameFromText(token.text);
      if (!found.includes(name)) found.push(name);
    });
  };
  walk(expression);
  return found;
}
