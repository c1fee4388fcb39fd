// The per-language comment scanners that decide where a suppression directive may stand.
import { describe, expect, it } from "vitest";
import { jsonComments } from "../../src/sources/comments/json.js";
import { scriptComments } from "../../src/sources/comments/script.js";
import { sqlComments } from "../../src/sources/comments/sql.js";
import { yamlComments } from "../../src/sources/comments/yaml.js";

const texts = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe("comment scanners", () => {
  it("script: skips strings, nested template literals and regex literals; division is not a regex", () => {
    const text = [
      'const a = "// no"; // yes 1',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal is the input under test
      "const t = `x ${`y ${'/* no */'}`} // no`; /* yes 2 */",
      "const r = /\\/\\/ no [/]/g.test(s); const d = a / b; // yes 3",
      "return /* yes 4 */ /x/;",
    ].join("\n");
    expect(texts(text, scriptComments(text))).toEqual(["// yes 1", "/* yes 2 */", "// yes 3", "/* yes 4 */"]);
  });

  it("sql: skips strings, quoted identifiers and dollar quotes; # is a comment only in MySQL", () => {
    const text = "SELECT '-- no', \"-- no\", $$ -- no $$; -- yes\n# maybe\n";
    expect(texts(text, sqlComments(text, "postgresql"))).toEqual(["-- yes"]);
    const mysql = "SELECT '-- no', `-- no`; -- yes\n# maybe\n";
    expect(texts(mysql, sqlComments(mysql, "mysql"))).toEqual(["-- yes", "# maybe"]);
  });

  it("yaml: a # in a quoted or block scalar is text", () => {
    const text = 'a: "x # no" # yes\nb: |\n  # no\nc: 1\n# yes too\n';
    expect(texts(text, yamlComments(text))).toEqual(["# yes", "# yes too"]);
  });

  it("json with comments: skips strings", () => {
    const text = '{ "a": "// no /* no */", // yes\n "b": 1 /* yes too */ }';
    expect(texts(text, jsonComments(text))).toEqual(["// yes", "/* yes too */"]);
  });
});
