// Issue 17: ALTER TABLE actions are cut with tokens read in JavaScript when the text is plain, and
// the cut must be the one PostgreSQL's own lexer gives (the specification, run side by side here).
import { type PgToken, scanPostgres } from "@deploylint/core/rule-api";
import { loadPostgresParser } from "@deploylint/core/sources";
import { beforeAll, describe, expect, it } from "vitest";
import { regexRunsBy } from "../../../../test/support/regexp-work.js";
import { pgActionTexts } from "../../src/model/pg-actions.js";
import { plainTokens } from "../../src/model/pg-plain-tokens.js";

beforeAll(async () => {
  await loadPostgresParser();
});

/** The pieces after the name at `nameStart`, cut on top-level commas of these tokens. */
function cutWith(tokens: PgToken[], text: string, nameStart: number): string[] {
  const code = tokens.filter((token) => !token.comment);
  let i = code.findIndex((token) => token.start >= nameStart) + 1;
  while (code[i]?.text === "." && code[i + 1] !== undefined) i += 2;
  const pieces: PgToken[][] = [[]];
  let depth = 0;
  for (const token of code.slice(i)) {
    if (token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") depth--;
    if (depth === 0 && token.text === ";") break;
    if (depth === 0 && token.text === ",") pieces.push([]);
    else pieces.at(-1)?.push(token);
  }
  return pieces.map((piece) => text.slice(piece[0]?.start ?? 0, piece.at(-1)?.end ?? 0));
}

const PLAIN = [
  "ALTER TABLE public.users ADD COLUMN note text DEFAULT 'a, b', DROP COLUMN legacy;",
  'ALTER TABLE "Odd, Name"."t""x" ALTER COLUMN "a,b" TYPE numeric(10,2), ADD CONSTRAINT c UNIQUE (a, b)',
  "ALTER TABLE t -- a comment, with a comma\r\n  ADD COLUMN a int[] DEFAULT ARRAY[1,2], -- trailing\n  ADD COLUMN b bit(4) DEFAULT B'0101';",
  "ALTER TABLE ONLY t ALTER COLUMN x SET DEFAULT 'it''s, here', ALTER COLUMN y SET DEFAULT now()::text || '-' || 'x'",
  'ALTER TABLE IF EXISTS s . t SET (fillfactor = 70, autovacuum_enabled = false), OWNER TO "role"',
  "ALTER TABLE t ADD COLUMN x int GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1), ALTER COLUMN z SET STATISTICS 100",
  "ALTER TABLE tëst ADD COLUMN naïve text DEFAULT 'ünïcode, ok', DROP CONSTRAINT \"ç\"",
  "ALTER TABLE t ADD CONSTRAINT chk CHECK (a >= 0 AND b <> -1), VALIDATE CONSTRAINT old--comment at the end",
];

describe("plain ALTER TABLE texts are cut as PostgreSQL's lexer cuts them", () => {
  for (const text of PLAIN) {
    it(text.slice(0, 60), () => {
      const own = plainTokens(text);
      expect(own).not.toBeNull();
      const nameStart = text.search(/(?<=TABLE (?:ONLY |IF EXISTS )?)\S/);
      const expected = cutWith(scanPostgres(text), text, nameStart);
      expect(cutWith(own as PgToken[], text, nameStart)).toEqual(expected);
      expect(pgActionTexts(text, Buffer.byteLength(text.slice(0, nameStart)), expected.length)).toEqual(expected);
    });
  }
});

describe("texts a small reader could misread go to PostgreSQL's lexer", () => {
  const NOT_PLAIN = [
    "ALTER TABLE t ALTER COLUMN x SET DEFAULT $$a, b$$",
    "ALTER TABLE t ALTER COLUMN x SET DEFAULT E'a\\', b'",
    "ALTER TABLE t /* a /* nested, */ comment */ ADD COLUMN a int",
    "ALTER TABLE t ADD COLUMN a int DEFAULT .5",
    "ALTER TABLE t\vADD COLUMN a int",
    "ALTER TABLE t\u00a0ADD COLUMN a int",
  ];
  for (const text of NOT_PLAIN) {
    it(JSON.stringify(text.slice(14, 60)), () => {
      expect(plainTokens(text)).toBeNull();
      const expected = cutWith(scanPostgres(text), text, 12);
      expect(pgActionTexts(text, 12, expected.length)).toEqual(expected);
    });
  }
});

describe("plainTokens' own cost", () => {
  it("runs one regular expression per text (the plainness check), none per character", () => {
    for (const text of PLAIN)
      expect(
        regexRunsBy(() => plainTokens(text)),
        text,
      ).toBe(1);
  });
});
