// Tests for the dotenv source: values agree with dotenv.parse, and positions, comments and line
// kinds are what rules need.
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import type { DotenvSource } from "../../src/rule-api/types.js";
import { parseDotenv } from "../../src/sources/dotenv.js";

/** The key -> value map a loader would build (last one wins), as dotenv.parse returns it. */
function loaded(source: DotenvSource): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of source.entries) map[entry.key] = entry.value;
  return map;
}

// [name, input, the map dotenv v17 loads]
const AGREEMENT: [string, string, Record<string, string>][] = [
  ["plain", "A=1\nB=two\n", { A: "1", B: "two" }],
  ["export prefix", "export A=1\nexport  B=2", { A: "1", B: "2" }],
  ["key named export", "export=1", { export: "1" }],
  ["single quotes keep escapes", "A='a\\nb'", { A: "a\\nb" }],
  ["double quotes expand \\n and \\r", 'A="a\\nb\\rc"', { A: "a\nb\rc" }],
  ["backticks", 'A=`it\'s "quoted"`', { A: 'it\'s "quoted"' }],
  ["escaped quote kept verbatim", 'A="say \\"hi\\""', { A: 'say \\"hi\\"' }],
  ["multi-line double quoted", 'A="line 1\nline 2"\nB=3', { A: "line 1\nline 2", B: "3" }],
  ["multi-line single quoted", "A='-----BEGIN-----\nabc\n-----END-----'", { A: "-----BEGIN-----\nabc\n-----END-----" }],
  ["inline comment on unquoted value", "A=abc # note\nB=abc#note", { A: "abc", B: "abc" }],
  ["hash inside quotes", 'A="abc # not a comment" # comment', { A: "abc # not a comment" }],
  ["whitespace trimmed", "  A  =   spaced out   \n\tB\t=\tx", { A: "spaced out", B: "x" }],
  ["empty values", "A=\nB= \nC=''\nD=\"\" # c", { A: "", B: "", C: "", D: "" }],
  ["key without =", "A\nB=1", { B: "1" }],
  ["last one wins", "A=1\nA=2", { A: "2" }],
  ["dots and dashes in keys", "a.b-c=1", { "a.b-c": "1" }],
  ["colon separator", "A: b\nC:d", { A: "b" }],
  ["unclosed quote is literal", 'A="abc\nB=2', { A: '"abc', B: "2" }],
  ["quote closed far below", 'A="abc\nB=2\nC="x"', { A: '"abc', B: "2", C: "x" }],
  ["text after closing quote", "A='abc'def", { A: "'abc'def" }],
  ["key on one line, = on the next", "KEY\n=value", { KEY: "value" }],
  ["quoted value on the line after =", "KEY=\n'value'", { KEY: "value" }],
  ["export on its own line", "export\nKEY=1", { KEY: "1" }],
  ["BOM", "\ufeffA=1", { A: "1" }],
  ["CRLF", 'A=1\r\nB="x\r\ny"\r\n', { A: "1", B: "x\ny" }],
  ["lone CR", "A=1\rB=2", { A: "1", B: "2" }],
  ["U+2028 inside a value", "A=x\u2028B=2", { A: "x\u2028B=2" }],
  ["garbage lines are skipped", "!!!\nfoo bar\n=x\n*A=1\nB=2\n  # c\n", { B: "2" }],
  ["escaped quote closes when nothing else can", 'A="a\n\\"\nB=1', { A: "a\n\\", B: "1" }],
  ["U+2028 after a closing quote ends the value", "A='x'\u2028'y'", { A: "x" }],
  ["quote pairs stripped per U+2028 line", "A=x\u2028'y'", { A: "x\u2028y" }],
  ["text between two quoted parts", 'A="a" "b"\nB="c"', { A: 'a" "b', B: "c" }],
  ["colon then a line break", "A:\nb", { A: "b" }],
  ["key named export before =", "export =1", { export: "1" }],
  ["export before a bad separator", "export\tA :b", {}],
  ["no value, text on the next line", "KEY=\nfoo", { KEY: "" }],
];

describe("parseDotenv agrees with dotenv.parse", () => {
  it.each(AGREEMENT)("%s", (_name, text, expected) => {
    expect(dotenv.parse(text)).toEqual(expected);
    expect(loaded(parseDotenv(text))).toEqual(expected);
  });

  it("on generated inputs made of the characters that matter", () => {
    const alphabet = ["A", "b", "_", "1", ".", "-", "=", ":", " ", "\t", "\n", "\r\n", "\r", "#", "'", '"', "`"];
    alphabet.push("\\", "\\n", "$", "{", "}", "export ", "\u2028", "é");
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const disagreements: string[] = [];
    for (let i = 0; i < 5000; i++) {
      let text = "";
      for (let length = next(30); length > 0; length--) text += alphabet[next(alphabet.length)];
      const source = parseDotenv(text);
      const spansMatch = source.entries.every(
        (e) =>
          text.slice(e.keyRange.start, e.keyRange.end) === e.key &&
          text.slice(e.valueRange.start, e.valueRange.end) === e.rawValue,
      );
      if (!spansMatch || JSON.stringify(loaded(source)) !== JSON.stringify(dotenv.parse(text)))
        disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });
});

describe("parseDotenv positions and comments", () => {
  const text = [
    "# Database",
    "",
    "# Postgres connection string.",
    "#   @required @type=url",
    "DATABASE_URL=postgres://localhost/app # local default",
    "export PORT = 3000",
    "",
    "#comment without space",
    'KEY="quoted value"',
    "EMPTY=",
  ].join("\n");
  const source = parseDotenv(text);
  const byKey = (key: string) => source.entries.find((e) => e.key === key);

  it("keeps key, value, raw value, quote, export flag and line", () => {
    expect(source.entries.map((e) => [e.key, e.value, e.rawValue, e.quote, e.exported, e.line])).toEqual([
      ["DATABASE_URL", "postgres://localhost/app", "postgres://localhost/app", null, false, 5],
      ["PORT", "3000", "3000", null, true, 6],
      ["KEY", "quoted value", '"quoted value"', '"', false, 9],
      ["EMPTY", "", "", null, false, 10],
    ]);
  });

  it("gives key and value ranges as file offsets", () => {
    const port = byKey("PORT");
    expect(port && text.slice(port.keyRange.start, port.keyRange.end)).toBe("PORT");
    expect(port?.keyRange.start).toBe(text.indexOf("PORT"));
    expect(port && text.slice(port.valueRange.start, port.valueRange.end)).toBe("3000");
    const empty = byKey("EMPTY");
    expect(empty?.valueRange).toEqual({ start: text.length, end: text.length });
  });

  it("collects the comment block directly above, without '#' and one space", () => {
    expect(byKey("DATABASE_URL")?.comments).toEqual(["Postgres connection string.", "  @required @type=url"]);
    expect(byKey("PORT")?.comments).toEqual([]);
    expect(byKey("KEY")?.comments).toEqual(["comment without space"]);
    expect(byKey("EMPTY")?.comments).toEqual([]);
  });

  it("keeps inline comments apart from the value", () => {
    expect(byKey("DATABASE_URL")?.inlineComment).toBe("local default");
    expect(byKey("KEY")?.inlineComment).toBeNull();
    expect(parseDotenv("A='x' #c").entries[0]?.inlineComment).toBe("c");
  });

  it("gives the raw value up to the escaped quote dotenv closes at", () => {
    const source = parseDotenv('A="a\n\\" # c\nB=1');
    const [entry] = source.entries;
    expect(entry?.rawValue).toBe('"a\n\\"');
    expect(entry?.valueRange).toEqual({ start: 2, end: 7 });
    expect(entry?.quote).toBe('"');
    expect(entry?.inlineComment).toBe("c");
    expect(source.lines.map((l) => l.kind)).toEqual(["entry", "continuation", "entry"]);
  });

  it("does not take a comment on the next line as the inline comment", () => {
    const [entry] = parseDotenv("A=1\n# about B\nB=2").entries;
    expect(entry?.inlineComment).toBeNull();
  });

  it("classifies every physical line", () => {
    expect(source.lines.map((l) => l.kind)).toEqual([
      "comment",
      "blank",
      "comment",
      "comment",
      "entry",
      "entry",
      "blank",
      "comment",
      "entry",
      "entry",
    ]);
    expect(source.lines[5]).toEqual({ line: 6, kind: "entry", text: "export PORT = 3000" });
  });

  it("marks the lines of a multi-line value as continuations", () => {
    const multi = parseDotenv('# key\nKEY="-----BEGIN-----\n# not a comment\n-----END-----"\nNEXT=1\n');
    expect(multi.lines.map((l) => l.kind)).toEqual(["comment", "entry", "continuation", "continuation", "entry"]);
    expect(multi.entries[1]?.comments).toEqual([]);
    expect(multi.entries[0]?.rawValue).toBe('"-----BEGIN-----\n# not a comment\n-----END-----"');
  });

  it("does not count the empty text after a final line break as a line", () => {
    expect(parseDotenv("A=1\n").lines).toHaveLength(1);
    expect(parseDotenv("A=1\n\n").lines.map((l) => l.kind)).toEqual(["entry", "blank"]);
    expect(parseDotenv("").lines).toEqual([]);
  });
});

describe("parseDotenv with CRLF line breaks", () => {
  const text = '# Port.\r\nPORT=3000\r\n\r\nNAME="a\r\nb" # two lines\r\n';
  const source = parseDotenv(text);

  it("reports offsets into the original text", () => {
    const [port, name] = source.entries;
    expect(port && text.slice(port.keyRange.start, port.keyRange.end)).toBe("PORT");
    expect(port && text.slice(port.valueRange.start, port.valueRange.end)).toBe("3000");
    expect(name && text.slice(name.keyRange.start, name.keyRange.end)).toBe("NAME");
    expect(name?.rawValue).toBe('"a\r\nb"');
    expect(name?.value).toBe("a\nb");
  });

  it("numbers lines, strips \\r from comments and line texts", () => {
    expect(source.entries.map((e) => e.line)).toEqual([2, 4]);
    expect(source.entries[0]?.comments).toEqual(["Port."]);
    expect(source.entries[1]?.inlineComment).toBe("two lines");
    expect(source.lines.map((l) => [l.kind, l.text])).toEqual([
      ["comment", "# Port."],
      ["entry", "PORT=3000"],
      ["blank", ""],
      ["entry", 'NAME="a'],
      ["continuation", 'b" # two lines'],
    ]);
  });
});

describe("parseDotenv on garbage", () => {
  it("classifies lines dotenv ignores as invalid and still reads the rest", () => {
    const text = "!!!\nfoo bar\nGOOD=1\n=x\nKEY\n\u0000\u0001binary\n  \n# fine\nALSO_GOOD='y'\n";
    const source = parseDotenv(text);
    expect(source.entries.map((e) => e.key)).toEqual(["GOOD", "ALSO_GOOD"]);
    expect(source.lines.map((l) => l.kind)).toEqual([
      "invalid",
      "invalid",
      "entry",
      "invalid",
      "invalid",
      "invalid",
      "blank",
      "comment",
      "entry",
    ]);
    expect(source.entries[1]?.comments).toEqual(["fine"]);
  });

  it("never throws", () => {
    const inputs = ['"', "'''", "=", "#", "\r", "\\", "A=\\", 'A="\\', "\ud800", "A=\u2029B=1", "\n".repeat(1000)];
    for (const input of inputs) expect(() => parseDotenv(input)).not.toThrow();
  });

  it("scans long runs of blank lines without dotenv's quadratic backtracking", () => {
    // dotenv.parse needs about a minute here; the parser skips a failed whitespace run once.
    const source = parseDotenv(`${"\n".repeat(200_000)}!\nA=1`);
    expect(source.entries.map((e) => e.line)).toEqual([200_002]);
    expect(source.lines[200_000]?.kind).toBe("invalid");
  });
});
