// namesVariable answers NAMES_VARIABLE.test(text) without running the regex over the whole text
// (src/extract/script/names-variable.ts): the same answer on every text, written or generated.
import { describe, expect, it } from "vitest";
import { NAMES_VARIABLE, namesVariable } from "../../src/extract/script/names-variable.js";

const WRITTEN = [
  'const id = "X_CLIENT_ID";',
  "listen(config.PORT_NUMBER);",
  "listen(config.PORT_NUMBER_);",
  "listen(config.PORT_NUMBERx);",
  "const a = `A_B`;",
  "const a = 'A_b';",
  'const a = "_A_B";',
  'const a = "aB_C";',
  'const a = "AB_C_D" + x;',
  "snake_case_name = 1;",
  "const R2_BUCKET = 1;",
  "x.A_B",
  "x.A_B$",
  "_",
  "A_",
  '"A_"',
  ".9_A",
  '"9_A"',
  "",
];

/** Texts made of the characters that decide a match, from a fixed seed: the same ones each run. */
function generated(count: number): string[] {
  const alphabet = ["_", "A", "Z", "a", "z", "0", "9", '"', "'", "`", ".", " ", "$", "\n"];
  let seed = 17;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = "";
    const length = next() % 24;
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    texts.push(text);
  }
  return texts;
}

describe("namesVariable", () => {
  it("answers as the regex does on written texts", () => {
    for (const text of WRITTEN) expect([text, namesVariable(text)]).toEqual([text, NAMES_VARIABLE.test(text)]);
  });

  it("answers as the regex does on 20000 generated texts, of which some hundreds match", () => {
    let matches = 0;
    for (const text of generated(20_000)) {
      const expected = NAMES_VARIABLE.test(text);
      if (expected) matches++;
      expect([text, namesVariable(text)]).toEqual([text, expected]);
    }
    expect(matches).toBeGreaterThan(200);
  });
});
