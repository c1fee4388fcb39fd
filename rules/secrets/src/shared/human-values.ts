// Values a person wrote rather than a generator: UI text, identifiers, keyboard and alphabet runs,
// and stand-ins that spell out what they stand for. Generated credentials are none of these.

// A letter beyond ASCII (`ñ`, `ö`, `キ`): translations and prose; generated credentials are ASCII.
const NON_ASCII_LETTER = /(?![A-Za-z])\p{L}/u;

// Words in the casing people write them in (`passe`, `Geheimnis`, `OIDC`), never `aZqX`.
const NATURAL_WORD = "(?:[A-Z]?[a-z]+|[A-Z]+)";
// A label: two or more natural words joined by separators, maybe ending in punctuation
// (`Palavra-passe:`). One word alone is judged by length and entropy like any letters.
const LABEL = new RegExp(`^${NATURAL_WORD}(?:[-_. ]${NATURAL_WORD})+[:.!?]?$`);

/** True when `value` is human text: it has letters outside ASCII, or it is a label of natural words. */
export function isHumanText(value: string): boolean {
  // The Unicode property test costs at every character; most values are ASCII, where it cannot match.
  return (hasNonAscii(value) && NON_ASCII_LETTER.test(value)) || LABEL.test(value);
}

function hasNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return true;
  return false;
}

// One segment of an identifier: camel-cased word parts, each letters then maybe digits (`md5`,
// `Token2`) or a numeronym (`i18next`, `k8s`). Hex and base64 break this within a few characters.
const CAMEL_SEGMENT = /^(?:[a-z]+\d*|[a-z]\d{1,2}[a-z]+|[A-Z][a-z]+\d*)(?:[A-Z][a-z]+\d*)*$/;

/** A word part with a vowel once it is five letters long and no run of five consonants. */
function isPronounceable(part: string): boolean {
  const letters = part.replace(/\d/g, "");
  if (letters.length >= 5 && !/[aeiouy]/i.test(letters)) return false;
  return !/[b-df-hj-np-tv-xz]{5}/i.test(letters);
}

/**
 * A camel-cased segment of words: one digit group at most, parts four letters long on average
 * (camel shapes in random strings come from scattered capitals, so their parts are short).
 */
function isIdentifierSegment(segment: string): boolean {
  if (!CAMEL_SEGMENT.test(segment) || (segment.match(/\d+/g) ?? []).length > 1) return false;
  const parts = segment.split(/(?=[A-Z])/);
  return (parts.length === 1 || segment.length / parts.length >= 4) && parts.every(isPronounceable);
}

/**
 * True when `value` is an identifier, a constant or a route: `_logto_device_flow_xsrf`,
 * `i18nextLogtoUiLng`, `UpdatePersonalAccessTokenByName`, `User.Data.Updated`, `apikeys:import`,
 * `smsbao-api-key-or-md5-password`, `secret_123`. Its word parts are pronounceable: random strings
 * that happen to have camel shape rarely are.
 */
export function isIdentifierLike(value: string): boolean {
  const segments = value.replace(/^_+/, "").split(/[._:/-]/);
  // A counter at the end (`secret_123`, `token-2`) keeps it an identifier and counts as a word.
  const counter = segments.length > 1 && /^\d{1,6}$/.test(segments[segments.length - 1] ?? "");
  const named = counter ? segments.slice(0, -1) : segments;
  if (!named.every(isIdentifierSegment)) return false;
  // One word alone (`saklclibgyop`) is judged by length and entropy like any letters.
  const words = named.reduce((sum, segment) => sum + segment.split(/(?=[A-Z])/).length, counter ? 1 : 0);
  return words >= 2;
}

/**
 * True when `value` is its own key's name in another case style (`MauUsageWithM2MTokens =
 * 'mauUsageWithM2MTokens'`, `API_TOKEN: "api-token"`): an enum member or a label, not a secret.
 */
export function namesItself(name: string, value: string): boolean {
  const fold = (text: string) => text.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return fold(value).length > 0 && fold(value) === fold(name);
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";
const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const DIGITS = "01234567890";

function isRun(chars: string, alphabets: readonly string[]): boolean {
  if (chars.length <= 1 || /^(.)\1*$/.test(chars)) return true;
  const reversed = Array.from(chars).reverse().join("");
  return alphabets.some((alphabet) => alphabet.includes(chars) || alphabet.includes(reversed));
}

/**
 * True when the letters and the digits of `value` each run along the alphabet, a keyboard row or
 * a repeated key (`abcd1234`, `a123b456c789d0`, `1234asd$`, `123456aA`): typed, not generated.
 */
export function isOrderedSequence(value: string): boolean {
  const letters = value.toLowerCase().replace(/[^a-z]/g, "");
  const digits = value.replace(/[^0-9]/g, "");
  if (value.length - letters.length - digits.length > 2 || letters.length + digits.length < 6) return false;
  return isRun(letters, [ALPHABET, ...KEYBOARD_ROWS]) && isRun(digits, [DIGITS]);
}

// Leetspeak people use in made-up test values (`P@ssw0rd`, `s3cret`, `l0gt0`).
const LEET: Record<string, string> = { "0": "o", "@": "a", "4": "a", "3": "e", $: "s", "5": "s", "1": "i", "7": "t" };
const CREDENTIAL_WORDS = /passwo?r?d|passwd|pwd|secret|token|api[_-]?key|key|credential|cred|auth|access/g;

/**
 * True when `value` spells out a credential word and what is left is short (`Password123!`,
 * `test-api-key-123`, `accessKeySecret+cltHAJ`, `l0gt0_T3st_P@ssw0rd`, `s3cret-do-not-log`): a
 * stand-in a person wrote. A prefixed token (`secret_` then 40 random characters) keeps its long rest.
 */
export function spellsCredentialWord(value: string): boolean {
  const normalised = Array.from(value.toLowerCase(), (char) => LEET[char] ?? char).join("");
  const rest = normalised.replace(CREDENTIAL_WORDS, " ");
  if (rest === normalised) return false;
  // Short in total and in its longest run: symbol-rich random strings have short runs, not a short rest.
  const longestRun = Math.max(0, ...(rest.match(/[a-z0-9]+/g) ?? []).map((run) => run.length));
  return longestRun <= 10 && rest.replace(/[\s_.:+-]/g, "").length <= 14;
}

/**
 * True when `value` has the shape of a JSON Web Token. The catalogue's JWT detector decodes it and
 * decides (unsigned or fake-signed test tokens are not credentials); a name cannot know better.
 */
export function isJwtShaped(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value);
}

// Translation catalogues: a folder named for them, a catalogue format, or a file named by a
// locale code (`de.json`, `pt-BR.yml`, `zh_Hans.json`). Their values are UI text in some language,
// and a single word (`Wachtwoord`, `Salasana`) is the translation of "password", not one.
const TRANSLATION_FOLDER = /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|languages|translations?|messages|intl)\//i;
const TRANSLATION_FORMAT = /\.(?:po|pot|xliff|xlf|strings|stringsdict|arb|resx)$/i;
// Language codes by name, not any two letters: `db.json` or `ci.yml` is config, `de.json` is German.
const LANGUAGES =
  "af|am|ar|az|be|bg|bn|bs|ca|cs|cy|da|de|el|en|eo|es|et|eu|fa|fi|fil|fr|ga|gl|gu|he|hi|hr|hu|hy|id|is|it|ja|ka|kk|km|kn|ko|ky|lo|lt|lv|mk|ml|mn|mr|ms|my|nb|ne|nl|nn|no|pa|pl|pt|ro|ru|si|sk|sl|sq|sr|sv|sw|ta|te|th|tl|tr|uk|ur|uz|vi|zh|zu";
const LOCALE_FILE = new RegExp(
  `(?:^|/)(?:${LANGUAGES})(?:[-_](?:[A-Z]{2}|[a-z]{2}|[A-Za-z]{4}|\\d{3}))?\\.(?:json|ya?ml|js|ts|properties)$`,
);

/** True when `path` is a translation catalogue. */
export function isTranslationFile(path: string): boolean {
  return TRANSLATION_FOLDER.test(path) || TRANSLATION_FORMAT.test(path) || LOCALE_FILE.test(path);
}
