// Detectors whose every match starts with one of their keywords (a token with a literal prefix:
// `(?<![A-Za-z0-9_])(pat[A-Za-z0-9]{14}\.…)`). For them a keyword occurrence is worth a search of
// its line only when the pattern matches right there: `pat` in `path` or `pattern` is on many
// lines of code, and the line search it started found nothing. Read from the pattern source, so
// a detector written in another shape is simply not anchored (its line is searched as before).

/** A leading lookbehind without groups inside it, as `token()` writes it. */
const LEADING_LOOKBEHIND = /^\(\?<!(?:[^()\\]|\\.)*\)/;
const QUANTIFIERS = new Set(["?", "*", "+", "{"]);

/**
 * The literal every match of `source` starts with, or null when the pattern does not say so
 * plainly: an optional leading lookbehind, an optional capturing group opening, then literal
 * characters; and no alternation at the top level or inside that first group (an alternative
 * could start elsewhere). Lookbehinds and the group opening consume nothing.
 */
export function leadingLiteral(source: string): string | null {
  let i = LEADING_LOOKBEHIND.exec(source)?.[0].length ?? 0;
  let groupDepth = 0;
  if (source[i] === "(" && source[i + 1] !== "?") {
    groupDepth = 1;
    i++;
  }
  const literal = literalAt(source, i, { caselessClasses: false });
  if (literal === "" || hasAlternationWithin(source, groupDepth)) return null;
  return literal;
}

/**
 * The pieces of a pattern source its readers below look at, found by native search: one `(`, `)` or
 * `|` that stands for itself, or a run of everything else (escapes, classes, other characters),
 * which holds none. A step of a loop per character cost every run a compile of the loop: a run
 * reads the patterns of the ~70 detectors its files trigger, some 300 characters each.
 */
const PIECES = /(?:\\[\s\S]?|\[(?:\\[\s\S]?|[^\\\]])*\]?|[^\\[()|])+|[()|]/g;

/** Whether a `|` stands at a group depth of at most `depth` (outside character classes). */
function hasAlternationWithin(source: string, depth: number): boolean {
  if (!source.includes("|")) return false;
  let current = 0;
  PIECES.lastIndex = 0;
  for (let piece = PIECES.exec(source); piece !== null; piece = PIECES.exec(source)) {
    const text = piece[0];
    if (text === "(") current++;
    else if (text === ")") current--;
    else if (text === "|" && current <= depth) return true;
  }
  return false;
}

/**
 * The keywords (lower case, as the matcher finds them) that start every match of a detector with
 * this pattern and these flags, or null. With the `i` flag any case matches; the matcher ignores
 * ASCII case too, and the pattern itself is tried at the occurrence, so case is settled there.
 */
export function anchorKeywords(pattern: string, keywords: readonly string[]): string[] | null {
  const single = leadingLiteral(pattern);
  const literals = single ? [single] : leadingAlternatives(pattern);
  if (!literals) return null;
  const anchors = new Set<string>();
  // Each alternative must start with a keyword, so that every match starts at an occurrence of one.
  for (const literal of literals) {
    const lower = literal.toLowerCase();
    const starting = keywords.filter((keyword) => keyword.length > 0 && lower.startsWith(keyword));
    if (starting.length === 0) return null;
    for (const keyword of starting) anchors.add(keyword);
  }
  return [...anchors];
}

/**
 * For a pattern that opens with a group of alternatives, `(?:…|…)` as `named()` writes a provider's
 * names (`(?:[fF][aA][cC]…|[fF][bB][_.-]?[aA]…)`), each alternative's leading literal, a caseless
 * class `[aA]` read as its letter; null when the group may match nothing (a quantifier follows it),
 * another alternative stands at the top level, or some alternative has no leading literal.
 */
export function leadingAlternatives(source: string): string[] | null {
  if (!source.startsWith("(?:")) return null;
  const alternatives: string[] = [];
  let depth = 0;
  let start = 3;
  let close = -1;
  PIECES.lastIndex = 3;
  for (let piece = PIECES.exec(source); piece !== null; piece = PIECES.exec(source)) {
    const text = piece[0];
    if (text === "(") depth++;
    else if (text === ")") {
      if (depth === 0) {
        close = piece.index;
        break;
      }
      depth--;
    } else if (text === "|" && depth === 0) {
      alternatives.push(source.slice(start, piece.index));
      start = piece.index + 1;
    }
  }
  if (close < 0 || QUANTIFIERS.has(source[close + 1] ?? "") || hasAlternationWithin(source, 0)) return null;
  alternatives.push(source.slice(start, close));
  const literals = alternatives.map(caselessLiteral);
  return literals.every((literal) => literal !== "") ? literals : null;
}

/** The literal an alternative starts with: plain and escaped characters, and `[aA]` as "a"; up to the first other piece. */
function caselessLiteral(source: string): string {
  return literalAt(source, 0, { caselessClasses: true });
}

/**
 * The plain and escaped characters from `start` on, up to the first other piece or the first one
 * a quantifier follows; with `caselessClasses`, a class `[aA]` counts as its lower-case letter.
 */
function literalAt(source: string, start: number, options: { caselessClasses: boolean }): string {
  let literal = "";
  let i = start;
  while (i < source.length) {
    const char = source[i] ?? "";
    let width: number;
    let value: string;
    const next = source.charCodeAt(i + 1);
    if (
      options.caselessClasses &&
      char === "[" &&
      source[i + 3] === "]" &&
      next >= 0x61 &&
      next <= 0x7a &&
      source.charCodeAt(i + 2) === next - 32
    ) {
      value = source[i + 1] ?? "";
      width = 4;
    } else if (char === "\\") {
      value = source[i + 1] ?? "";
      // `\d`, `\w`, `\b`, `\1`… are classes, anchors or references, not the character itself.
      if (value === "" || isAsciiAlphanumeric(next)) break;
      width = 2;
    } else if (isPlain(source.charCodeAt(i))) {
      value = char;
      width = 1;
    } else break;
    if (QUANTIFIERS.has(source[i + width] ?? "")) break;
    literal += value;
    i += width;
  }
  return literal;
}

function isAsciiAlphanumeric(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** A character standing for itself outside a class: `[A-Za-z0-9_:-]`. */
function isPlain(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x5f || code === 0x3a || code === 0x2d;
}
