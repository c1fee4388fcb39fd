// The splitter's fast path over a PostgreSQL statement's plain code (skipPlainCode): the same
// statements, ranges and comments as reading every token, with far fewer tokens made.
import { describe, expect, it, vi } from "vitest";
import { scanToken } from "../../src/sources/sql/lexer.js";
import { skipPlainCode, splitSql } from "../../src/sources/sql/split.js";

const scans = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/sources/sql/lexer.js", async (original) => {
  const actual = await original<typeof import("../../src/sources/sql/lexer.js")>();
  return {
    ...actual,
    scanToken: (...args: Parameters<typeof actual.scanToken>) => {
      scans.count++;
      return actual.scanToken(...args);
    },
  };
});

const texts = (sql: string) => splitSql(sql, "postgresql").statements.map((statement) => statement.text);

/** Where scanToken's tokens from `start` stop at the same characters skipPlainCode stops at. */
function byTokens(text: string, start: number): { end: number; lastEnd: number } {
  let i = start;
  let lastEnd = -1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if ([59, 45, 47, 36].includes(code)) break;
    if ((code === 69 || code === 101) && text[i + 1] === "'") break;
    const token = scanToken({ text, dialect: "postgresql" }, i);
    if (token.type !== "space") lastEnd = token.end;
    i = token.end;
  }
  return { end: i, lastEnd };
}

describe("skipPlainCode", () => {
  it("stops where scanToken's tokens stop, with the end of the last non-space one", () => {
    const samples = [
      "ADD COLUMN a int NOT NULL ;",
      "x = y + 1 -- comment",
      "f(a, b)::text[] / 2",
      "  \t\v\f\ufeff  ",
      "abcE'x' E'y'",
      "a$b $1 $$ body $$",
      "café naïve \u{1F600} ok",
      "#x `y` [z] \\w",
      `"a""b" 'it''s' 'back\\' "x;y" x'z' "open`,
      "'unterminated ; string",
      `ADD CONSTRAINT "k" FOREIGN KEY ("u") REFERENCES "User"("id") ON DELETE SET NULL;`,
      "",
    ];
    for (const sample of samples) {
      for (let start = 0; start <= sample.length; start++) {
        expect(skipPlainCode(sample, start), `${JSON.stringify(sample)} from ${start}`).toEqual(
          byTokens(sample, start),
        );
      }
    }
  });
});

describe("splitSql over plain code (PostgreSQL)", () => {
  it("still splits at every `;` and keeps strings, dollar quotes and comments whole", () => {
    const sql = [
      "ALTER TABLE t ADD COLUMN a int DEFAULT -1, ADD COLUMN b text DEFAULT E'x\\';y';",
      "UPDATE t SET a = a / 2 WHERE b = 'p;q' -- why; not here\n AND c = $$;$$;",
      'CREATE INDEX i ON "t;x" (a$b);',
      "SELECT 1 /* ; */ + 2",
    ].join("\n");
    expect(texts(sql)).toEqual([
      "ALTER TABLE t ADD COLUMN a int DEFAULT -1, ADD COLUMN b text DEFAULT E'x\\';y'",
      "UPDATE t SET a = a / 2 WHERE b = 'p;q' -- why; not here\n AND c = $$;$$",
      'CREATE INDEX i ON "t;x" (a$b)',
      "SELECT 1 /* ; */ + 2",
    ]);
    expect(splitSql(sql, "postgresql").comments.map((comment) => comment.text)).toEqual([
      "-- why; not here",
      "/* ; */",
    ]);
  });

  it("ends a statement at its last token, not at the spaces after it", () => {
    const sql = "ALTER TABLE t DROP COLUMN a   \n\n;";
    expect(splitSql(sql, "postgresql").statements[0]?.range).toEqual({ start: 0, end: 27 });
  });

  it("keeps a goose block's inner `;` and a routine's body on the token path", () => {
    const block =
      "-- +goose StatementBegin\nALTER TABLE t ADD a int;\nALTER TABLE t ADD b int;\n-- +goose StatementEnd\n";
    expect(texts(block)).toEqual(["ALTER TABLE t ADD a int;\nALTER TABLE t ADD b int;"]);
    const atomic = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END;SELECT 3";
    expect(texts(atomic)).toEqual(["CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"]);
  });

  it("reads quoted names and strings without a token each (Prisma quotes every name)", () => {
    const columns = Array.from({ length: 200 }, (_, i) => `"c${i}" TEXT NOT NULL DEFAULT 'x;${i}'`).join(",\n    ");
    const sql = `CREATE TABLE "t" (\n    ${columns}\n);`;
    scans.count = 0;
    expect(texts(sql)).toEqual([sql.slice(0, -1)]);
    // The head (CREATE, TABLE: not a routine) is read token by token; the 400 quoted tokens are not.
    expect(scans.count).toBeLessThan(10);
  });

  it("reads a long plain statement without a token per word", () => {
    const columns = Array.from({ length: 200 }, (_, i) => `ADD COLUMN c${i} integer NOT NULL`).join(", ");
    const sql = `ALTER TABLE t ${columns};`;
    scans.count = 0;
    expect(texts(sql)).toEqual([sql.slice(0, -1)]);
    // The head (ALTER, TABLE: not a routine) is read token by token; the other ~1,800 tokens are not.
    expect(scans.count).toBeLessThan(10);
  });
});
