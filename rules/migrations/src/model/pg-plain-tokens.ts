// PostgreSQL's tokens of a "plain" statement, read in JavaScript. Cutting an ALTER TABLE into its
// actions (pg-actions.ts) needs only where strings, quoted names, comments, brackets, commas and
// dots are; asking PostgreSQL's own lexer (WebAssembly, its answer as JSON) for that cost a tenth of
// a large history's run. The forms where a small reader could disagree with the server's lexer are
// not read here at all: a text holding any of them gets null, and the caller asks the real lexer.
import type { PgToken } from "@deploylint/core/rule-api";

// `$` (dollar quotes, parameters, `$` inside names), `\` (E'' strings' escapes), `/*` (comments,
// which nest), `\v`/`\f` and a non-ASCII space (which PostgreSQL versions class differently), `..`
// and a dot before a digit (one token there, not a `.`).
const NOT_PLAIN = /[$\\\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\/\*|\.\.|\.\d/;

// Characters are classed by their code: a regular expression per character was half the reading.
/** ` `, `\t`, `\n`, `\r`. */
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
// One token each: brackets, separators and the dot the name readers look for.
const SELF = new Set(["(", ")", "[", "]", ",", ";", "."]);
/** ASCII letters and digits, `_`, and anything beyond ASCII. */
const isWord = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127;

/** Index after the quote that closes the string or name opened at `from` (a doubled quote escapes). */
function closingQuote(text: string, from: number, quote: string): number | null {
  let i = from + 1;
  for (;;) {
    const at = text.indexOf(quote, i);
    if (at === -1) return null;
    if (text[at + 1] !== quote) return at + 1;
    i = at + 2;
  }
}

/** Called for each token: where it starts and ends, and whether it is a comment. */
export type TokenVisitor = (start: number, end: number, comment: boolean) => void;

/**
 * Visits the tokens of `text` as PostgreSQL's lexer bounds them where it matters to the action cutter
 * (a word or operator may be split otherwise; `(`, `)`, `[`, `]`, `,`, `;` and `.` are single tokens,
 * strings, quoted names and `--` comments whole), without making an object for each. False when the
 * text is not plain; the tokens visited before it was found out are then to be thrown away.
 */
export function visitPlainTokens(text: string, visit: TokenVisitor): boolean {
  if (NOT_PLAIN.test(text)) return false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isSpace(text.charCodeAt(i))) {
      i++;
    } else if (ch === "-" && text[i + 1] === "-") {
      // PostgreSQL ends a `--` comment at a line feed or a carriage return.
      let end = i + 2;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      visit(i, end, true);
      i = end;
    } else if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i, ch);
      if (end === null) return false;
      visit(i, end, false);
      i = end;
    } else if (SELF.has(ch)) {
      visit(i, i + 1, false);
      i++;
    } else {
      // A word (name, keyword, number) or an operator, up to the next boundary of another class.
      const word = isWord(text.charCodeAt(i));
      let end = i + 1;
      while (end < text.length) {
        const next = text[end] as string;
        if (isSpace(text.charCodeAt(end)) || SELF.has(next) || next === "'" || next === '"') break;
        if (next === "-" && text[end + 1] === "-") break;
        if (isWord(text.charCodeAt(end)) !== word) break;
        end++;
      }
      visit(i, end, false);
      i = end;
    }
  }
  return true;
}

/** The tokens visitPlainTokens visits, or null when the text is not plain. */
export function plainTokens(text: string): PgToken[] | null {
  const tokens: PgToken[] = [];
  const plain = visitPlainTokens(text, (start, end, comment) =>
    tokens.push({ start, end, text: text.slice(start, end), comment }),
  );
  return plain ? tokens : null;
}
