// How the command reads a markdown document it compares with what it would write (--check, --rfc):
// H2 sections by line, no parser needed. The section contract itself (STRATEGY_SECTIONS, the fill-in
// marker, the default path) comes from @deploylint/rules-strategy-docs, the pack that reads it.

export interface MarkdownSection {
  /** The heading text of an H2, or null for what precedes the first H2. */
  heading: string | null;
  /** The section's lines after its heading line, trailing blank lines removed. */
  body: string[];
}

/**
 * Splits a markdown document at its H2 headings. A `## ` inside a fenced code block is not a
 * heading, so fences are tracked; deeper headings (###) stay inside their section.
 */
export function splitSections(text: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [{ heading: null, body: [] }];
  let fence: string | null = null;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener && (fence === null || (opener[0] === fence[0] && opener.length >= fence.length))) {
      fence = fence === null ? opener : null;
    }
    const heading = fence === null ? /^ {0,3}##[ \t]+(.*?)[ \t#]*$/.exec(line) : null;
    if (heading) sections.push({ heading: heading[1] ?? "", body: [] });
    else (sections.at(-1) as MarkdownSection).body.push(line);
  }
  for (const section of sections) {
    while (section.body.length > 0 && (section.body.at(-1) ?? "").trim() === "") section.body.pop();
  }
  return sections;
}

/** Heading comparison as a reader would make it: case, spacing and trailing punctuation aside. */
export function sameHeading(a: string, b: string): boolean {
  const norm = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s]+/g, " ")
      .replace(/[.:]+$/, "");
  return norm(a) === norm(b);
}
