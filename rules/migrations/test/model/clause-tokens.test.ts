// The clause tokenizer reads column definitions and ALTER actions character by character. Issue 17:
// it classifies characters by their code, not with a regular expression per character (most of the
// time hatchet's CREATE TABLEs took to read), and cuts exactly what the expressions cut.
import { describe, expect, it } from "vitest";
import { regexRunsBy } from "../../../../test/support/regexp-work.js";
import { type ClauseToken, clauseTokens } from "../../src/model/tokens.js";

/** The spaces and word characters as the expressions `\s` and `[\w$.]` define them. */
function referenceClasses(text: string): { spaces: boolean[]; words: boolean[] } {
  const units = Array.from({ length: text.length }, (_, i) => text[i] ?? "");
  return { spaces: units.map((ch) => /\s/.test(ch)), words: units.map((ch) => /[\w$.]/.test(ch)) };
}

/** Tokens as spans: a space splits, a run of word characters is one token. */
function wordRuns(tokens: ClauseToken[]): string[] {
  return tokens.filter((token) => token.kind === "word").map((token) => token.text);
}

const DEFINITIONS = [
  "id bigint NOT NULL DEFAULT nextval('users_id_seq'::regclass)",
  "created_at timestamp(3) with time zone DEFAULT now() NOT NULL",
  "`name` varchar(255) CHARACTER SET utf8mb4 NOT NULL",
  "price numeric(10, 2) CHECK (price > 0) -- why\n",
  "a\u00a0int\u2028NOT\u3000NULL\ufeffDEFAULT\u20090",
  "x$y public.custom_type[] DEFAULT '{}'",
  "résumé text",
];

describe("clauseTokens", () => {
  it("splits on exactly the characters `\\s` matches and joins exactly those `[\\w$.]` matches", () => {
    // Every UTF-16 unit of the Basic Multilingual Plane, between two words.
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      const { spaces, words } = referenceClasses(unit);
      const tokens = clauseTokens(`a${unit}b`);
      if (words[0]) expect(wordRuns(tokens), `U+${code.toString(16)}`).toEqual([`a${unit}b`]);
      else if (spaces[0])
        expect(
          tokens.map((t) => t.text),
          `U+${code.toString(16)}`,
        ).toEqual(["a", "b"]);
      else expect(tokens.length, `U+${code.toString(16)}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("reads a definition without running a regular expression", () => {
    for (const definition of DEFINITIONS) {
      expect(clauseTokens(definition).length).toBeGreaterThan(1);
      expect(
        regexRunsBy(() => clauseTokens(definition)),
        definition,
      ).toBe(0);
    }
  });
});
