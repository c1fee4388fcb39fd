// A statement's text without its final `;` and spaces, cut by a loop from the end: the regular
// expression it replaces was retried at every run of spaces inside a long statement.
import { describe, expect, it } from "vitest";
import { scansOf } from "../../../../test/support/regexp-work.js";
import { statementBody } from "../../src/model/operations-text.js";

const regexBody = (text: string) => text.replace(/[\s;]+$/, "");

describe("statementBody", () => {
  it.each([
    "DROP INDEX a;",
    "DROP INDEX a ; ;\n",
    "SELECT 1",
    ";;",
    "",
    "  \t\n",
    "CREATE TABLE t (\n  id int,\n  note text\n);\u00a0\u2028\ufeff",
    "SELECT '\u3000';\u3000",
    "SELECT 1\u200b",
    "SELECT x\u0085",
  ])("cuts %j as /[\\s;]+$/ did", (text) => {
    expect(statementBody(text)).toBe(regexBody(text));
  });

  it("cuts every mix of the characters \\s matches, `;` and others as the regular expression did", () => {
    const alphabet = [";", " ", "\t", "\n", "a", "\u00a0", "\u2000", "\u200b", "\u3000", "\ud83d\ude00"];
    for (let n = 0; n < 4000; n++) {
      let text = "";
      for (let k = n; k > 0; k = Math.floor(k / alphabet.length)) text += alphabet[k % alphabet.length];
      expect(statementBody(text)).toBe(regexBody(text));
    }
  });

  it("runs no regular expression over the statement", () => {
    const text = `CREATE TABLE t (${"  a int,\n".repeat(50)} z int);\n`;
    expect(scansOf(text, () => statementBody(text))).toBe(0);
  });
});
