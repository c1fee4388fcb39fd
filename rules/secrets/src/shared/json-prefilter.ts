// Whether a JSON file is worth parsing for no-generic-secret (the rule's meta.prefilter). The rule
// reads a JSON file's pairs from its text (jsonAssignments) once the engine has parsed it, and most
// JSON files that mention a secret-like word (translation catalogues, schemas, tsconfig) pair no
// secret-named key with a string that could be a credential: a parse of each is wasted.
import { isTranslationFile } from "./human-values.js";
import { decodeJsonString, JsonPairs } from "./json-entries.js";
import { isSecretName } from "./secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue, type ValueGate } from "./secret-values.js";
import { nameWordHits } from "./word-hits.js";

const WHITESPACE = /\s/;

/**
 * Some `"key": "string"` pair of the text has a secret-named key and a value the rule's value tests
 * could accept (a password a person chose, outside translation catalogues, or a generated-looking
 * secret; `path` tells which): a necessary condition of each finding the rule makes in a JSON file.
 * Text that is not JSON may fail to decode: it is let through, and the parse then reports it.
 */
export function jsonCouldHoldSecret(text: string, gate: ValueGate = {}, path = ""): boolean {
  // A catalogue's passwords are prose (`"password": "Passwort"`): the rule holds them to the secret gate too.
  const chosen = isTranslationFile(path) ? () => false : looksLikePasswordValue;
  // Every name isSecretName accepts holds a NAME word, and a key without escapes is its own text:
  // a pair whose key holds none is settled by the keyword pass's occurrences (the catalogue scan
  // and the rule's own word searches read the same pass), without taking its strings out of the
  // text. A locale catalogue has thousands of pairs and a few secret-like keys.
  const words = nameWordHits(text);
  let word = 0;
  let backslash = text.indexOf("\\");
  const pairs = new JsonPairs(text);
  while (pairs.next()) {
    const { keyStart, keyEnd, valueStart, valueEnd } = pairs;
    if (backslash !== -1 && backslash < keyStart) backslash = text.indexOf("\\", keyStart);
    // Escapes are decoded (an escaped key may spell a word the text does not hold), and one that JSON
    // cannot decode lets the text through, wherever it stands.
    const escaped = backslash !== -1 && backslash < valueEnd;
    if (!escaped) {
      // Occurrences ending before the key's text are behind every later key too.
      while (word < words.count && (words.ends[word] as number) <= keyStart + 1) word++;
      if (!holdsWord(words, word, keyStart + 1, keyEnd - 1)) continue;
    }
    let name: string;
    let value: string;
    try {
      name = decodeJsonString(text, keyStart, keyEnd);
      value = decodeJsonString(text, valueStart, valueEnd);
    } catch {
      return true;
    }
    // A value with whitespace is neither test's (both refuse it before anything else can accept
    // it): one native search settles most of a catalogue's pairs (`"password": "Your password"`)
    // before their keys are split into words.
    if (WHITESPACE.test(value) || !isSecretName(name)) continue;
    if (chosen(value) || looksLikeSecretValue(value, gate)) return true;
  }
  return false;
}

/** Whether an occurrence from index `from` on lies within [start, end) of the text. */
function holdsWord(
  words: { starts: Int32Array; ends: Int32Array; count: number },
  from: number,
  start: number,
  end: number,
): boolean {
  for (let i = from; i < words.count && (words.ends[i] as number) <= end; i++) {
    if ((words.starts[i] as number) >= start) return true;
  }
  return false;
}
