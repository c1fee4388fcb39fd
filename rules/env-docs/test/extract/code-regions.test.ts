// codeLayout's scan: the characters it stops at (quotes, slashes, braces, parentheses, and `<` only
// in a file read with JSX) and the ends of strings and templates, told by character code.
import { describe, expect, it } from "vitest";
import { codeLayout } from "../../src/extract/script/code-regions.js";

/** The text of each region, for assertions that read as the source does. */
function regionTexts(text: string, jsx = false): string[] | null {
  const layout = codeLayout(text, { jsx });
  return layout?.regions.map(([start, end]) => text.slice(start, end)) ?? null;
}

describe("codeLayout", () => {
  it("ends a string at its own quote, past escaped quotes and backslashes", () => {
    expect(regionTexts(String.raw`a("it\'s", 'x\\', "q\"") + b`)).toEqual([
      String.raw`"it\'s"`,
      String.raw`'x\\'`,
      String.raw`"q\""`,
    ]);
  });

  it("gives up on a string that a line break (LF, or CR) ends first, unless the break is escaped", () => {
    expect(regionTexts('a("x\ny")')).toBeNull();
    expect(regionTexts('a("x\ry")')).toBeNull();
    expect(regionTexts('a("x\\\ny")')).toEqual(['"x\\\ny"']);
    // An escaped CR of a CRLF leaves the LF to end the string.
    expect(regionTexts('a("x\\\r\ny")')).toBeNull();
  });

  it("follows a template's text through its substitutions", () => {
    // `const u = `${host}:${port}/x\`y`; f(u)`, its braces escaped for the linter.
    const text = "const u = `$\u007bhost}:$\u007bport}/x\\`y`; f(u)";
    const layout = codeLayout(text);
    expect(layout?.regions.map(([start, end]) => text.slice(start, end))).toEqual([
      "`$\u007b",
      "}:$\u007b",
      "}/x\\`y`",
    ]);
    expect([...(layout?.substitutionBraces ?? [])].map((at) => text[at])).toEqual(["{", "}", "{", "}"]);
  });

  it("stops at a `<` that may open an element only in a file read with JSX", () => {
    const text = 'const a = "s";\nreturn <T,>(x: T) => "t";';
    expect(codeLayout(text, { jsx: true })?.end).toBe(text.indexOf("<"));
    expect(codeLayout(text, { jsx: false })?.end).toBe(text.length);
    expect(regionTexts(text, false)).toEqual(['"s"', '"t"']);
  });

  it("reads a text with no character it follows as all code, and non-ASCII text as code", () => {
    expect(regionTexts("const größe = 1 + zwei")).toEqual([]);
    expect(regionTexts("x = 'ü' // é\n")).toEqual(["'ü'", "// é"]);
  });
});
