// anchors.ts as it was before it read pattern sources by native search: a step of a loop per
// character, with a regular expression test for some. The reference its readers are compared with.

/** A leading lookbehind without groups inside it, as `token()` writes it. */
const LEADING_LOOKBEHIND = /^\(\?<!(?:[^()\\]|\\.)*\)/;
/** A character standing for itself, outside a class, when not followed by a quantifier. */
const PLAIN = /[A-Za-z0-9_:-]/;
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

/** Whether a `|` stands at a group depth of at most `depth` (outside character classes). */
function hasAlternationWithin(source: string, depth: number): boolean {
  let current = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") current++;
    else if (char === ")") current--;
    else if (char === "|" && current <= depth) return true;
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
  let inClass = false;
  let start = 3;
  let i = 3;
  for (; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) break;
      depth--;
    } else if (char === "|" && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (i >= source.length || QUANTIFIERS.has(source[i + 1] ?? "") || hasAlternationWithin(source, 0)) return null;
  alternatives.push(source.slice(start, i));
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
    const lower = source[i + 1] ?? "";
    if (
      options.caselessClasses &&
      char === "[" &&
      source[i + 3] === "]" &&
      /^[a-z]$/.test(lower) &&
      source[i + 2] === lower.toUpperCase()
    ) {
      value = lower;
      width = 4;
    } else if (char === "\\") {
      value = source[i + 1] ?? "";
      // `\d`, `\w`, `\b`, `\1`… are classes, anchors or references, not the character itself.
      if (value === "" || /[A-Za-z0-9]/.test(value)) break;
      width = 2;
    } else if (PLAIN.test(char)) {
      value = char;
      width = 1;
    } else break;
    if (QUANTIFIERS.has(source[i + width] ?? "")) break;
    literal += value;
    i += width;
  }
  return literal;
}
