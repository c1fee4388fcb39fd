import { describe, expect, it } from "vitest";
import { createLineIndex } from "../../src/sources/line-index.js";

describe("createLineIndex", () => {
  it("maps offsets and positions both ways across LF, CRLF and CR", () => {
    const text = "ab\r\ncd\nef\rg";
    const index = createLineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(4)).toEqual({ line: 2, column: 1 });
    expect(index.positionAt(text.indexOf("g"))).toEqual({ line: 4, column: 1 });
    expect(index.offsetAt({ line: 3, column: 2 })).toBe(text.indexOf("f"));
    expect(index.lineText(1)).toBe("ab");
    expect(index.lineText(3)).toBe("ef");
    expect(index.offsetAt({ line: 1, column: 99 })).toBe(2);
  });

  it("gives a text with LFs only (indexOf's path) the lines the general path gives", () => {
    // The same lines with CRLF go through the loop over every character: the positions must agree.
    for (const lines of [[""], ["a"], ["", ""], ["ab", "", "c"], ["x", "yz", ""], ["", "", "end"]]) {
      const lf = createLineIndex(lines.join("\n"));
      const crlf = createLineIndex(lines.join("\r\n"));
      expect(lf.lineCount).toBe(crlf.lineCount);
      lines.forEach((line, i) => {
        expect(lf.lineText(i + 1)).toBe(line);
        expect(crlf.lineText(i + 1)).toBe(line);
        expect(lf.offsetAt({ line: i + 1, column: 1 })).toBe(lines.slice(0, i).join("\n").length + (i > 0 ? 1 : 0));
      });
      const text = lines.join("\n");
      for (let offset = 0; offset <= text.length; offset++) {
        const line = text.slice(0, offset).split("\n").length;
        const column = offset - (text.slice(0, offset).lastIndexOf("\n") + 1) + 1;
        expect(lf.positionAt(offset)).toEqual({ line, column });
      }
    }
  });
});
