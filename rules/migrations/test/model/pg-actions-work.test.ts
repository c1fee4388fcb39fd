// Issue 17: a plain ALTER TABLE is cut while its tokens are read, without a token list (an object
// and a string per word of every ALTER TABLE of a history, made to be thrown away).
import { loadPostgresParser } from "@deploylint/core/sources";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pgActionTexts } from "../../src/model/pg-actions.js";

const lists = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/model/pg-plain-tokens.js", async (original) => {
  const actual = await original<typeof import("../../src/model/pg-plain-tokens.js")>();
  return {
    ...actual,
    plainTokens: (text: string) => {
      lists.count++;
      return actual.plainTokens(text);
    },
  };
});

beforeAll(async () => {
  await loadPostgresParser();
});

describe("pgActionTexts' own cost", () => {
  it("cuts a plain ALTER TABLE without making its token list", () => {
    lists.count = 0;
    const text = 'ALTER TABLE "public"."User" ADD COLUMN "a" TEXT NOT NULL DEFAULT \'x, y\', DROP COLUMN "b";';
    expect(pgActionTexts(text, 12, 2)).toEqual(["ADD COLUMN \"a\" TEXT NOT NULL DEFAULT 'x, y'", 'DROP COLUMN "b"']);
    expect(lists.count).toBe(0);
  });

  it("still cuts a text that is not plain with PostgreSQL's lexer", () => {
    const text = "ALTER TABLE t ALTER COLUMN x SET DEFAULT $$a, b$$, ALTER COLUMN y SET DEFAULT 1.5";
    expect(pgActionTexts(text, 12, 2)).toEqual([
      "ALTER COLUMN x SET DEFAULT $$a, b$$",
      "ALTER COLUMN y SET DEFAULT 1.5",
    ]);
  });

  it("gives null when the name is not found, the count differs or an action is empty", () => {
    expect(pgActionTexts("ALTER TABLE t ADD a int", 500, 1)).toBeNull();
    expect(pgActionTexts("ALTER TABLE t ADD a int, DROP b", 12, 1)).toBeNull();
    expect(pgActionTexts("ALTER TABLE t ADD a int,, DROP b", 12, 3)).toBeNull();
    expect(pgActionTexts("ALTER TABLE s . t ADD a int; DROP b, c", 12, 1)).toEqual(["ADD a int"]);
  });
});
