// Whether a private key found in text is named as test data by the code around it: the variable or
// key it is assigned to (`mockPrivateKey`, `TEST_SIGNING_KEY`, logto's
// `mockedAlipayNativeConfigWithValidPrivateKey = { privateKey: '-----BEGIN …' }`).
import { splitWords } from "../shared/secret-names.js";

/** Words that make a name test data. Whole words only: `latest`, `contest`, `examples/` do not count. */
const TEST_WORDS = new Set([
  "mock",
  "mocked",
  "fake",
  "dummy",
  "test",
  "testing",
  "fixture",
  "stub",
  "sample",
  "example",
]);

/** How far back the assignment names are looked for: the statement that opens the key, not the file. */
const LOOKBACK_LINES = 4;

// A name followed by `=` or `:` (an assignment, an object key, a YAML/JSON key), quoted or not.
const ASSIGNED_NAME = /["']?([A-Za-z_$][\w$.-]{0,80})["']?\s*(?::|=)/g;

/**
 * True when the statement that holds the key (up to a few lines before `start`, the key's header)
 * declares a test-data name, or the key is assigned to one; `const testKey = "-----BEGIN…"` counts.
 */
export function isNamedAsTestKey(text: string, start: number): boolean {
  let from = start;
  for (let line = 0; line <= LOOKBACK_LINES && from > 0; line++) {
    const previous = text.lastIndexOf("\n", from - 1);
    from = Math.max(previous, 0);
  }
  // Only the statement that holds the key: a `;` or a blank line ends the one before it.
  const window = text.slice(from, start);
  const cut = Math.max(window.lastIndexOf(";"), window.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/));
  const before = cut < 0 ? window : window.slice(cut + 1);
  // The declaration that opens the statement and the key that holds the value: a sibling field
  // (`testMode: false` beside `privateKey:`) says nothing about the key.
  const names = Array.from(before.matchAll(ASSIGNED_NAME), (match) => match[1] ?? "");
  return [names[0], names[names.length - 1]].some(
    (name) => name !== undefined && splitWords(name).some((word) => TEST_WORDS.has(word)),
  );
}
