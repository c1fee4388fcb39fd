// Whether a script's text names a variable as a quoted UPPER_SNAKE name (`"X_CLIENT_ID"`) or
// reads one as a member (`config.PORT_NUMBER`): part of env-docs' first gate, run on the whole
// text of every script in a repository. Scanned by the regex, that text costs as much as the
// search for "env"; found by its underscores, far less (most scripts have few).

/** The names themselves: the answer is whether this matches somewhere in the text. */
export const NAMES_VARIABLE = /["'`][A-Z][A-Z0-9]*_[A-Z0-9_]*["'`]|\.[A-Z][A-Z0-9]*_[A-Z0-9_]*\b/;

const isUpperOrDigit = (code: number) => (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
const isNameChar = (code: number) => isUpperOrDigit(code) || code === 95;
const isWordChar = (code: number) => isNameChar(code) || (code >= 97 && code <= 122);

/**
 * NAMES_VARIABLE.test(text). Every match has an underscore right after an uppercase letter or a
 * digit, and lies in the word around it with the quote or dot before that word's run of
 * [A-Z0-9_] and the character after the word (its closing quote, or what makes the `\b`): the
 * regex is run on that stretch only, once per word.
 */
export function namesVariable(text: string): boolean {
  for (let at = text.indexOf("_"); at >= 0; at = text.indexOf("_", at + 1)) {
    if (at === 0 || !isUpperOrDigit(text.charCodeAt(at - 1))) continue;
    let start = at - 1;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (start > 0 && NAMES_VARIABLE.test(text.slice(start - 1, end + 1))) return true;
    at = end;
  }
  return false;
}
