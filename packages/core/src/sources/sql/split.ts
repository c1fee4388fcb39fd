// Splits a SQL file into its top-level statements and comments, so that each statement can be
// parsed on its own and one bad statement never hides the rest of the file.
import type { OffsetRange, SqlComment, SqlDialect } from "../../rule-api/types.js";
import { isSpace, isWordChar, type ScanOptions, scanQuoted, scanToken } from "./lexer.js";

export interface SplitStatement {
  text: string;
  range: OffsetRange;
}

export interface SplitResult {
  statements: SplitStatement[];
  comments: SqlComment[];
}

// Framework markers that separate sections run on their own (dbmate, goose): a statement never
// spans them, even when the author left out the final `;` of a section.
const SECTION_MARKER = /^--\s*(?:migrate:(?:up|down)\b|\+goose\s+(?:up|down)\b)/i;
// goose runs everything between these markers as one statement.
const GOOSE_BEGIN = /^--\s*\+goose\s+StatementBegin\b/i;
const GOOSE_END = /^--\s*\+goose\s+StatementEnd\b/i;

const ROUTINES = new Set(["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"]);
const ROUTINE_MODIFIERS = new Set(["OR", "REPLACE", "TEMP", "TEMPORARY", "DEFINER", "AGGREGATE", "CONSTRAINT"]);
const BLOCK_ENDERS = new Set(["IF", "LOOP", "WHILE", "REPEAT", "FOR"]);

/** The mutable state of one pass: the statement being collected and the routine-body depth. */
interface Pending {
  start: number;
  end: number;
  words: string[];
  routine: boolean | null;
  depth: number;
  /** Set after END, to read the word that says what it closes (END IF, END CASE, …). */
  afterEnd: boolean;
}

const fresh = (): Pending => ({ start: -1, end: -1, words: [], routine: null, depth: 0, afterEnd: false });

/** Does the statement's head say it is a trigger, procedure, function or event with a body? */
function decideRoutine(words: string[]): boolean | null {
  if (words[0] !== "CREATE") return false;
  let definer = false;
  for (const word of words.slice(1)) {
    if (ROUTINES.has(word)) return true;
    if (word === "DEFINER") definer = true;
    else if (!ROUTINE_MODIFIERS.has(word) && !definer) return false;
  }
  return words.length >= 8 ? false : null;
}

/** Tracks BEGIN … END nesting in routine bodies, where `;` ends inner statements, not the outer one. */
function trackBody(pending: Pending, word: string, dialect: SqlDialect, nextWord: () => string): void {
  if (pending.afterEnd) {
    pending.afterEnd = false;
    if (BLOCK_ENDERS.has(word)) {
      pending.depth++; // END IF closes an IF, which never opened a level: undo the decrement
      return;
    }
    if (word === "CASE") return; // END CASE closes the CASE counted below
  }
  if (word === "BEGIN") {
    // PostgreSQL bodies are dollar-quoted strings, except SQL-standard `BEGIN ATOMIC`.
    if (dialect !== "postgresql" || nextWord() === "ATOMIC") pending.depth++;
  } else if (word === "CASE" && pending.depth > 0) {
    pending.depth++;
  } else if (word === "END" && pending.depth > 0) {
    pending.depth--;
    pending.afterEnd = true;
  }
}

/** The next word after `from`, upper-cased, skipping spaces and comments ("" when none). */
function peekWord(options: ScanOptions, from: number): string {
  let i = from;
  while (i < options.text.length) {
    const token = scanToken(options, i);
    if (token.type === "word") return options.text.slice(token.start, token.end).toUpperCase();
    if (token.type !== "space" && token.type !== "comment") return "";
    i = token.end;
  }
  return "";
}

/** `DELIMITER xx` (MySQL client directive) at `start`: the new delimiter and where the line ends. */
function readDelimiterDirective(text: string, start: number): { delimiter: string; end: number } | null {
  const match = /^delimiter[ \t]+(\S+)[^\n]*/i.exec(text.slice(start, start + 200));
  if (match === null || match[1] === undefined) return null;
  return { delimiter: match[1], end: start + match[0].length };
}

/**
 * From `start`, the spaces, words, punctuation, strings and quoted names that scanToken would read
 * one token at a time in PostgreSQL, up to the first character that can start anything else (`;`,
 * `$`, `-`, `/`, an `E'` string): where that is, and where the last non-space token read ends (-1
 * when none was). Each token is bounded exactly as scanToken bounds it; only the token objects are
 * not made. Strings and quoted names are skipped too: Prisma quotes every name, and a token object
 * per `"id"` was most of splitting its migrations.
 */
export function skipPlainCode(text: string, start: number): { end: number; lastEnd: number } {
  let i = start;
  let lastEnd = -1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (code === 36 /* $ */ || STOPS.has(code)) break;
    if (code === 39 /* ' */ || code === 34 /* " */) {
      // PostgreSQL's standard strings and quoted names: a doubled quote escapes, a backslash does not.
      i = scanQuoted(text, i, code === 39 ? "'" : '"', false);
    } else if (isWordChar(code)) {
      // E'…' is a string with backslash escapes: scanToken reads it.
      if ((code === 69 || code === 101) && text.charCodeAt(i + 1) === 39) break;
      i++;
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    } else {
      i++; // one punctuation character
    }
    lastEnd = i;
  }
  return { end: i, lastEnd };
}

// `;` `-` `/`: a delimiter, and the start of a comment.
const STOPS = new Set([59, 45, 47]);

export function splitSql(text: string, dialect: SqlDialect): SplitResult {
  const statements: SplitStatement[] = [];
  const comments: SqlComment[] = [];
  const options: ScanOptions = { text, dialect, delimiter: ";" };
  const mysql = dialect === "mysql" || dialect === "mariadb";
  let pending = fresh();
  let gooseBlock = false;

  const flush = (): void => {
    if (pending.start !== -1) {
      statements.push({
        text: text.slice(pending.start, pending.end),
        range: { start: pending.start, end: pending.end },
      });
    }
    pending = fresh();
  };

  let i = 0;
  while (i < text.length) {
    const delimiter = options.delimiter ?? ";";
    const inBody = delimiter === ";" && (pending.depth > 0 || gooseBlock);
    if (!inBody && text.startsWith(delimiter, i)) {
      flush();
      i += delimiter.length;
      continue;
    }
    if (mysql && pending.start === -1 && /^delimiter\b/i.test(text.slice(i, i + 10))) {
      const directive = readDelimiterDirective(text, i);
      if (directive !== null) {
        options.delimiter = directive.delimiter;
        i = directive.end;
        continue;
      }
    }
    if (dialect === "postgresql" && pending.start === -1 && text[i] === "\\") {
      // A psql meta-command (`\connect db`) runs to the end of its line, with no `;`.
      const eol = text.indexOf("\n", i);
      pending.start = i;
      i = eol === -1 ? text.length : eol;
      pending.end = i;
      flush();
      continue;
    }
    if (dialect === "postgresql" && pending.start !== -1 && pending.routine === false) {
      // Inside a statement whose words no longer matter: skip its plain code without token objects
      // (PostgreSQL only: MySQL's DELIMITER, `#` comments and backticks, SQLite's brackets keep the token path).
      const plain = skipPlainCode(text, i);
      if (plain.lastEnd !== -1) pending.end = plain.lastEnd;
      if (plain.end !== i) {
        i = plain.end;
        continue;
      }
    }
    const token = scanToken(options, i);
    i = token.end;
    if (token.type === "space") continue;
    if (token.type === "comment") {
      const body = text.slice(token.start, token.end);
      comments.push({ text: body, range: { start: token.start, end: token.end } });
      if (SECTION_MARKER.test(body)) {
        flush();
        gooseBlock = false;
      } else if (GOOSE_BEGIN.test(body)) {
        flush();
        gooseBlock = true;
      } else if (GOOSE_END.test(body)) {
        gooseBlock = false;
        flush();
      }
      continue;
    }
    if (pending.start === -1) pending.start = token.start;
    pending.end = token.end;
    // Words matter only while the head is read or inside a routine's body (most of a history is neither).
    if (token.type !== "word" || pending.routine === false) continue;
    const word = text.slice(token.start, token.end).toUpperCase();
    if (pending.routine === null) {
      if (pending.words.length < 8) pending.words.push(word);
      pending.routine = decideRoutine(pending.words);
    }
    if (pending.routine === true) trackBody(pending, word, dialect, () => peekWord(options, token.end));
  }
  flush();
  return { statements, comments };
}
