// The guard that keeps oxc-parser's native recursion from killing the process: every construct
// that overflowed a worker's stack in our measurements is caught below its overflow depth, while
// ordinary files, long and flat, stay with oxc.
import { describe, expect, it } from "vitest";
import { mayNestTooDeeply } from "../../src/sources/script-depth.js";

// Each construct at the depth (measured, oxc-parser 0.160, 4 MB worker stack) where oxc overflowed.
const OVERFLOWING: Record<string, string> = {
  "nested templates (1,856)": `x = ${"`${".repeat(1856)}1${"}`".repeat(1856)};`,
  "type arguments (2,051)": `let x: ${"A<".repeat(2051)}T${">".repeat(2051)};`,
  "if chain (3,223)": `${"if(a)".repeat(3223)};`,
  "labels (3,223)": `${"a:".repeat(3223)};`,
  "one-line else-if chain (3,223)": `if(a){}${"else if(a){}".repeat(3223)}`,
  "ternaries (3,808)": `x = ${"a?b:".repeat(3808)}c;`,
  "arrows (3,808)": `x = ${"x=>".repeat(3808)}1;`,
  "assignments (3,808)": `x = ${"a=".repeat(3808)}1;`,
  "brackets (3,808)": `x = ${"[".repeat(3808)}${"]".repeat(3808)};`,
  "parentheses (3,808)": `x = ${"(".repeat(3808)}1${")".repeat(3808)};`,
  "JSX (7,516)": `x = ${"<a>".repeat(7516)}${"</a>".repeat(7516)};`,
  "unary minus (15,716)": `x = ${"- ".repeat(15716)}1;`,
  "additions (31,334)": `x = 1${"+1".repeat(31334)};`,
};

describe("mayNestTooDeeply", () => {
  for (const [name, text] of Object.entries(OVERFLOWING)) {
    it(`sends ${name} to typescript-estree`, () => {
      expect(mayNestTooDeeply(text)).toBe(true);
    });
  }

  it("keeps long, flat files with oxc", () => {
    const table = `export const rows = [\n${Array.from({ length: 5000 }, (_, i) => `  { id: ${i}, name: "row-${i}", ok: a?.b ?? c },`).join("\n")}\n];\n`;
    const minified = Array.from({ length: 3000 }, (_, i) => `var a${i}=b.c.d(e[${i}])||f;`).join("");
    const chain = `const sql = ${Array.from({ length: 300 }, (_, i) => `"part ${i} "`).join(" +\n  ")};\n`;
    for (const text of [table, minified, chain]) expect(mayNestTooDeeply(text)).toBe(false);
  });

  it("leaves short files unscanned: they cannot reach the depth", () => {
    expect(mayNestTooDeeply("(".repeat(899))).toBe(false);
  });
});
