// The text-only reads (src/extract/script/plain-reads.ts) restate, from a read's neighbours, what
// the tree path decides (script-reads.ts, fallback.ts): this holds the two together over every
// pairing of a few dozen left and right neighbours, so that a change to either shows here as a
// difference, not as a silent drift in facts.
import { describe, expect, it } from "vitest";
import { plainFacts, treeFacts } from "./plain-reads-support.js";

/** What may come before a read, with what must close it. */
const LEFTS: [string, string][] = [
  ["", ""],
  ["x = ", ""],
  ["const a = ", ""],
  ["export const a = ", ""],
  ["const a: string = ", ""],
  ["f(", ")"],
  ["f(a, ", ")"],
  ["Boolean(", ")"],
  ["new Boolean(", ")"],
  ["x.Boolean(", ")"],
  ["new URL(", ")"],
  ["if (", ") {}"],
  ["while (", ") {}"],
  ["!", ""],
  ["!!", ""],
  ["a || ", ""],
  ["a ?? ", ""],
  ["a && ", ""],
  ["a === ", ""],
  ["a != ", ""],
  ["a + ", ""],
  ["typeof ", ""],
  ["await ", ""],
  ["return ", ""],
  ["c ? ", " : 1"],
  ["c ? a : ", ""],
  ["[", "]"],
  ["{ k: ", " }"],
  ["`${", "}`"],
  ["(", ")"],
  ["a || b && ", ""],
  ["process.env.P || ", ""],
  ["process.env.P ?? ", ""],
  ["x && process.env.P || ", ""],
  ["for (const k of ", ") {}"],
  ["for (const k in ", ") {}"],
  ["delete ", ""],
  ["x += ", ""],
  ["a ||= ", ""],
  ["function f() { return ", " }"],
  ["class A { x = ", " }"],
  ["/* c */ ", ""],
  ["a // c\n", ""],
  ["a > ", ""],
  ["if (a) /x/.test(b) + ", ""],
  ["a as any || ", ""],
  // Where a write may stand, or may seem to (a destructuring target is read).
  ["if (a) { ", " }"],
  ["a = {}\n", ""],
  ["x = () => ", ""],
  ["[a, ", "] = l"],
  ["[", "] = l"],
  ["({ a: ", "} = o)"],
  ["do ", "; while (a)"],
  ["// process.env.Z\n", ""],
  ["a // process.env.Z\n|| ", ""],
  ['import * as process from "node:process";\n', ""],
  // Chains whose other operands are no reads.
  ["x.y || ", ""],
  ["!a.b || ", ""],
  ["process.env.P || x || ", ""],
  ["process.env.P ?? x || ", ""],
  ["a && !b || ", ""],
  ["a === b || ", ""],
  ["f(x) || ", ""],
  ["c ? x || ", " : d"],
  ["0 || ", ""],
  ["a?.b || ", ""],
  // JSX, and `<` that opens none.
  ["useState<string>(", ")"],
  ["a < b && ", ""],
  ["const e = <p>{x}</p>;\n", ""],
  ["<p>{", "}</p>"],
  ["<p>", "</p>"],
  ['<p a="', '" />'],
  ["<p a={", "} />"],
];

/** What may come after a read. */
const RIGHTS = [
  "",
  ";",
  " || d",
  " ?? d",
  " && d",
  " === d",
  " + d",
  " ? a : b",
  ".x",
  "?.x",
  "[0]",
  "()",
  "!",
  "!;",
  "!.x",
  " as string",
  " as string || d",
  " = 1",
  "++",
  " || process.env.Q",
  " ?? process.env.Q",
  " in o",
  "\nfoo()",
  "\n(1)",
  " // c",
  ", b",
  "! || d",
  " += 1",
  " ??= d",
  " ||= d",
  " = process.env.Q",
  "--",
];

describe("plain reads against the tree", () => {
  it("give the tree's reads, and no links, wherever the text settles a read", { timeout: 120_000 }, () => {
    const differences: string[] = [];
    let settled = 0;
    for (const [left, close] of LEFTS)
      for (const right of RIGHTS)
        for (const owner of ["process.env", "import.meta.env"])
          for (const path of ["src/a.ts", "src/a.js", "src/a.tsx"]) {
            const code = `${left}${owner}.API_URL${right}${close}\n`;
            const tree = treeFacts(code, path);
            if (tree === null) continue;
            const text = plainFacts(code, path);
            if (text === undefined) continue;
            settled++;
            const noLinks = Object.values(tree.links).every((value) => !Array.isArray(value) || value.length === 0);
            if (!noLinks || JSON.stringify(text) !== JSON.stringify(tree.reads))
              differences.push(`${path}: ${JSON.stringify(code)}`);
          }
    expect(differences).toEqual([]);
    // The text path must settle most of these, or this test would hold little.
    expect(settled).toBeGreaterThan(1000);
  });
});
