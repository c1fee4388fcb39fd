// Whether a JSON file is worth parsing for no-generic-secret (the rule's meta.prefilter). The rule
// reads a JSON file's pairs from its text (jsonAssignments) once the engine has parsed it, and most
// JSON files that mention a secret-like word (translation catalogues, schemas, tsconfig) pair no
// secret-named key with a string that could be a credential: a parse of each is wasted.
import { isTranslationFile } from "./human-values.js";
import { jsonAssignments } from "./json-entries.js";
import { isSecretName } from "./secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue, type ValueGate } from "./secret-values.js";

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
  try {
    // A value with whitespace is neither test's (both refuse it before anything else can accept
    // it): one native search settles most of a catalogue's pairs (`"password": "Your password"`)
    // before their keys are split into words.
    return jsonAssignments(text).some(
      (pair) =>
        !WHITESPACE.test(pair.value) &&
        isSecretName(pair.name) &&
        (chosen(pair.value) || looksLikeSecretValue(pair.value, gate)),
    );
  } catch {
    return true;
  }
}
