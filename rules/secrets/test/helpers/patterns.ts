// The regular expressions the secrets rules run over file text, for the ReDoS tests, and a
// structural check: no unbounded quantifier over a group that itself holds a quantifier.
import { catalogue } from "../../src/detectors/catalogue/index.js";
import { credentialFiles } from "../../src/detectors/credential-files/index.js";
import {
  ASSIGNMENT,
  KEYWORD_ARGUMENT,
  NPMRC_SCOPED,
  PHP_DEFINE,
  XML_ATTRIBUTE,
  XML_ELEMENT,
  XML_KEY_VALUE,
} from "../../src/shared/assignments.js";
import { URL_WITH_PASSWORD } from "../../src/shared/credential-urls.js";
import { LOGIN_CALL } from "../../src/shared/login-calls.js";
import { NEAR_LITERAL } from "../../src/shared/prefilter.js";

export { hasNestedUnboundedQuantifier } from "../../src/shared/regex-safety.js";

/**
 * The pattern with every counted repetition shrunk (`{40}` to `{2}`, `{0,30}` to `{0,2}`): ambiguity,
 * which is what makes backtracking explode, depends on the pattern's shape, not on its counts, and
 * the small form lets recheck's exact automaton checker decide in milliseconds.
 */
export function shrinkCounts(source: string): string {
  return source.replace(/\{(\d+)(,(\d*))?\}/g, (_match, _low, comma, high) =>
    comma ? (high === "" ? "+" : "{0,2}") : "{2}",
  );
}

export const patterns: [string, string, string][] = [
  ...[...credentialFiles, ...catalogue].map(
    (d) => [`detector ${d.id}`, d.pattern, d.flags ?? ""] as [string, string, string],
  ),
  ["credential URL", URL_WITH_PASSWORD.source, ""],
  ["assignment line", ASSIGNMENT.source, "m"],
  ["PHP define", PHP_DEFINE.source, ""],
  ["npmrc scoped credential", NPMRC_SCOPED.source, "m"],
  ["keyword argument", KEYWORD_ARGUMENT.source, ""],
  ["XML attribute", XML_ATTRIBUTE.source, ""],
  ["XML element", XML_ELEMENT.source, ""],
  ["XML key/value", XML_KEY_VALUE.source, ""],
  ["script prefilter", NEAR_LITERAL.source, "i"],
  ["login call", LOGIN_CALL.source, "i"],
];
