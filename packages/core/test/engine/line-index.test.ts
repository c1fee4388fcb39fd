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
});
