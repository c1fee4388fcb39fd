// `deploylint strategy --check`: the sections the command writes, compared with the document on
// disk. What the repository decides must match; what a person wrote in place of a fill-in mark is
// theirs, so a section whose marks were all filled is never drift, and a section that still holds
// a mark must keep the generated text around it.
import { FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import { type MarkdownSection, sameHeading, splitSections } from "./sections.js";

export interface SectionDrift {
  heading: string;
  /** Diff lines: " " same, "-" only in the document, "+" only in the generated text; null when the section is missing. */
  diff: string[] | null;
}

const normalise = (lines: readonly string[]): string[] => lines.map((line) => line.replace(/[ \t]+$/, ""));

/** Whether the document's body keeps every generated fragment around the marks, in order. */
function keepsTemplate(generated: string, written: string): boolean {
  let from = 0;
  for (const fragment of generated.split(FILL_IN_COMMENT)) {
    const at = written.indexOf(fragment, from);
    if (at === -1) return false;
    from = at + fragment.length;
  }
  return true;
}

function matches(generated: MarkdownSection, written: MarkdownSection): boolean {
  const want = normalise(generated.body).join("\n");
  const have = normalise(written.body).join("\n");
  if (!want.includes(FILL_IN_COMMENT)) return want === have;
  // Every mark replaced: the person owns the section now.
  if (!have.includes(FILL_IN_COMMENT)) return true;
  return keepsTemplate(want, have);
}

/** The generated sections that the document lacks or contradicts, in document order. */
export function findDrift(generatedText: string, writtenText: string): SectionDrift[] {
  const written = splitSections(writtenText).filter((section) => section.heading !== null);
  const drift: SectionDrift[] = [];
  for (const section of splitSections(generatedText)) {
    if (section.heading === null) continue;
    const heading = section.heading;
    const match = written.find((candidate) => sameHeading(candidate.heading ?? "", heading));
    if (!match) drift.push({ heading, diff: null });
    else if (!matches(section, match))
      drift.push({ heading, diff: lineDiff(normalise(match.body), normalise(section.body)) });
  }
  return drift;
}

/** A line diff by longest common subsequence (sections are short, so the square table is fine). */
export function lineDiff(before: readonly string[], after: readonly string[]): string[] {
  const rows = before.length;
  const cols = after.length;
  const common: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const row = common[i] as number[];
      row[j] =
        before[i] === after[j]
          ? ((common[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((common[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && before[i] === after[j]) {
      out.push(` ${before[i]}`);
      i++;
      j++;
    } else if (
      i < rows &&
      (j >= cols || ((common[i + 1] as number[])[j] as number) >= ((common[i] as number[])[j + 1] as number))
    ) {
      out.push(`-${before[i]}`);
      i++;
    } else {
      out.push(`+${after[j]}`);
      j++;
    }
  }
  return out;
}

/** The report --check prints: one block per drifting section, changed lines with one line of context. */
export function renderDrift(path: string, drift: readonly SectionDrift[]): string {
  const blocks = drift.map(({ heading, diff }) => {
    if (diff === null) return `--- ${path}\n+++ generated\n@@ ## ${heading} @@\n  (the document has no such section)\n`;
    const keep = diff.map((_line, index) =>
      diff.slice(Math.max(0, index - 1), index + 2).some((near) => !near.startsWith(" ")),
    );
    // Unchanged stretches between hunks are cut to "…", as a unified diff separates its hunks.
    const shown: string[] = [];
    diff.forEach((line, index) => {
      if (keep[index]) shown.push(line);
      else if (shown.length > 0 && shown.at(-1) !== " …") shown.push(" …");
    });
    if (shown.at(-1) === " …") shown.pop();
    return `--- ${path}\n+++ generated\n@@ ## ${heading} @@\n${shown.join("\n")}\n`;
  });
  return blocks.join("\n");
}
