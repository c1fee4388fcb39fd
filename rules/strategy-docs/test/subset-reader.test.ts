// The subset reader gives the blocks micromark gives for every document it accepts, refuses every
// document where a line could mean something else, and spares micromark the plain documents
// `deploylint strategy` writes (the parser is not called for them: counted, not timed).
import { afterEach, describe, expect, it, vi } from "vitest";
import { blocksOf, loadMarkdownParser, readBlocks } from "../src/markdown/read-document.js";
import { readSubset } from "../src/markdown/subset-blocks.js";

const micromark = vi.hoisted(() => ({ calls: 0 }));
vi.mock("../src/markdown/parse.js", async (original) => {
  const real = await original<typeof import("../src/markdown/parse.js")>();
  return {
    parseMarkdown: (text: string) => {
      micromark.calls++;
      return real.parseMarkdown(text);
    },
  };
});

const { parseMarkdown } = await import("../src/markdown/parse.js");
await loadMarkdownParser();
afterEach(() => {
  micromark.calls = 0;
});

const lines = (...each: string[]): string => `${each.join("\n")}\n`;

// Small made-up documents, each in the subset, between them every construct it reads.
const ACCEPTED: Record<string, string> = {
  headings: lines("# Deployment strategy", "", "## Rollback procedure", "###   Spaced out", "#### C# and `code`"),
  "comment lines": lines(
    "<!-- Written by `deploylint strategy` --check; keep it -->",
    "<!-- deploylint: fill in -->",
    "Say who decides.",
    "<!-- deploylint: fill-in --> and more on the line",
  ),
  paragraphs: lines(
    "Every push runs the tests, lint and a dependency scan.",
    "Main deploys to staging (then production) — 50% of 1.5 hours & more.",
    "",
    "`deploylint smoke` runs on_call checks; the flag is `a|b` and `` x`y ``, ` padded `.",
    "Text with a marker <!-- deploylint: fill in --> in it.",
    "A line > another, Q & A, 2027-03-01, #shop-prod, é and 😀.",
  ),
  strong: lines(
    "**Detect**: an alert fires (**on call**), **twice**.",
    "Then **decide** within **15 minutes**!",
    "",
    "## **Bold** heading",
  ),
  tables: lines(
    "| Environment | Database | Access |",
    "|---|:-:| --- |",
    "| local | postgres | developers |",
    "|   staging   | `pg` |  |",
    "| production | **real** | ci <!-- deploylint: fill in --> |",
    "",
    "## Next",
    "| A |",
    "| --- |",
  ),
  "bullet lists": lines(
    "Platform files:",
    "- fly: `fly.toml`",
    "- render: `render.yaml`",
    "  continued at the content's indent",
    "",
    "- after a blank line, the same list",
    "* another list",
    "+ and another",
  ),
  "ordered and nested lists": lines(
    "1. **Detect**: production alerts.",
    "2. **Execute** the rollback:",
    "   - fly: `fly deploy --image <previous image>`",
    "   - Down migration: only when needed.",
    "     1. a third level",
    "3. **Verify**: smoke tests pass.",
    "",
    "   - nested after a blank line",
    "",
    "4) a new list (other delimiter)",
    "",
    "10. ten",
    "# Heading ends the list",
    "- x",
    "<!-- deploylint: fill in -->",
  ),
  "no final newline": "# Title\n\nLast line",
};

// One line each that the subset does not read the way micromark might: the reader must refuse.
const REFUSED: Record<string, string> = {
  "lazy continuation of an item": lines("- item", "lazy text"),
  "ordered list not at 1 after a paragraph": lines("Text", "2. continues the paragraph"),
  "nested list not at 1 right after an item": lines("- item", "  2. continues the item"),
  "setext heading": lines("Title", "==="),
  "thematic break": lines("Text", "", "---"),
  "indented code": lines("    code"),
  "fenced code": lines("```", "code", "```"),
  blockquote: lines("> quoted"),
  "link reference definition": lines("[a]: https://example.com"),
  link: lines("See [the docs](https://example.com)."),
  escape: lines("A \\* star"),
  entity: lines("Fish &amp; chips"),
  "single star": lines("An *emphasis*"),
  "strong without a word inside": lines("** not strong **"),
  underscore: lines("_emphasis_"),
  "raw html": lines("Text <b>bold</b>"),
  "multi-line comment": lines("<!-- opens", "closes -->"),
  "trailing spaces (hard break)": lines("Line one  ", "line two"),
  tab: lines("-\titem"),
  "carriage return": "Line\r\nline\r\n",
  "table interrupting a paragraph": lines("Text", "| a |", "| --- |"),
  "table row without pipes": lines("| a |", "| --- |", "b"),
  "table with a short row": lines("| a | b |", "| --- | --- |", "| c |"),
  "escaped pipe in a cell": lines("| a \\| b |", "| --- |"),
  "unclosed code span": lines("A `tick"),
  "indented item": lines(" - item"),
  "item of an unknown level": lines("- item", "   - three spaces"),
  "lists nested past 64 columns": lines(
    ...Array.from({ length: 40 }, (_, level) => `${"  ".repeat(level)}- level ${level}`),
  ),
};

describe("readSubset", () => {
  for (const [name, text] of Object.entries(ACCEPTED))
    it(`reads ${name} as micromark does`, () => {
      const tree = readSubset(text);
      expect(tree).not.toBeNull();
      expect(blocksOf(tree ?? parseMarkdown(text))).toEqual(blocksOf(parseMarkdown(text)));
    });

  for (const [name, text] of Object.entries(REFUSED))
    it(`refuses ${name}`, () => {
      expect(readSubset(text)).toBeNull();
    });
});

describe("readBlocks", () => {
  it("does not call micromark for a document in the subset", () => {
    const blocks = readBlocks(Object.values(ACCEPTED).join("\n"));
    expect(blocks.length).toBeGreaterThan(20);
    expect(micromark.calls).toBe(0);
  });

  it("hands micromark a document outside the subset, whole", () => {
    const text = lines("## Rollback procedure", "", "1. Detect: see [the runbook](https://example.com).");
    expect(readBlocks(text)).toEqual(blocksOf(parseMarkdown(text)));
    expect(micromark.calls).toBe(2);
  });
});
