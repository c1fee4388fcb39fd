// Comments of a JavaScript/TypeScript file without a parser: used for suppression directives when
// the script parser is not loaded or the file does not parse. Strings, template literals (with
// nested `${…}` code) and regular expression literals are skipped, so `// x` inside any of them is
// not a comment. A `/` is read as a regex after an operator or keyword, as division after a value.
import { type CommentRange, slashCommentEnd } from "./types.js";

// Keywords after which an expression (hence a regex literal) may start.
const EXPRESSION_KEYWORDS = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

const isIdentifierChar = (ch: string) => /[\w$\u0080-\uffff]/.test(ch);

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length && text[i] !== "\n") {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) return i + 1;
    i++;
  }
  return i;
}

export function scriptComments(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  // Brace depths at which an open template literal resumes (`${` pushes, its `}` pops).
  const templates: number[] = [];
  let braces = 0;
  // Whether the last significant token ends a value (then `/` divides) or not (then it starts a regex).
  let afterValue = false;
  let i = 0;
  const scanTemplate = (from: number): number => {
    let j = from;
    while (j < text.length) {
      const ch = text[j];
      if (ch === "\\") j += 2;
      else if (ch === "`") return j + 1;
      else if (ch === "$" && text[j + 1] === "{") {
        templates.push(braces);
        braces++;
        return -(j + 2); // code resumes inside the substitution
      } else j++;
    }
    return text.length;
  };
  const resume = (end: number) => {
    if (end < 0) {
      i = -end;
      afterValue = false;
    } else {
      i = end;
      afterValue = true;
    }
  };
  while (i < text.length) {
    const ch = text[i] as string;
    const commentEnd = slashCommentEnd(text, i);
    if (commentEnd !== -1) {
      comments.push({ start: i, end: commentEnd });
      i = commentEnd;
    } else if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      afterValue = true;
    } else if (ch === "`") {
      resume(scanTemplate(i + 1));
    } else if (ch === "/") {
      if (afterValue) {
        i++;
        afterValue = false;
      } else {
        i = skipRegex(text, i);
        afterValue = true;
      }
    } else if (ch === "{") {
      braces++;
      i++;
      afterValue = false;
    } else if (ch === "}") {
      braces--;
      i++;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        resume(scanTemplate(i));
      } else afterValue = false;
    } else if (isIdentifierChar(ch)) {
      let j = i + 1;
      while (j < text.length && isIdentifierChar(text[j] as string)) j++;
      afterValue = !EXPRESSION_KEYWORDS.has(text.slice(i, j));
      i = j;
    } else if (ch === ")" || ch === "]") {
      afterValue = true;
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else {
      afterValue = false;
      i++;
    }
  }
  return comments;
}
