// Checks on the file's layout: trailing whitespace, runs of blank lines, the final line break.
import type { OffsetRange } from "@deploylint/core/rule-api";
import { lineStart } from "./keys.js";
import type { DotenvCheck } from "./types.js";

export const trailingWhitespace: DotenvCheck = {
  id: "trailingWhitespace",
  style: true,
  run(input, report) {
    const { source, file } = input;
    // Whitespace at the end of a line inside a multi-line quoted value is part of the value.
    const multiLine: OffsetRange[] = source.entries
      .map((entry) => entry.valueRange)
      .filter((range) => /[\r\n]/.test(file.text.slice(range.start, range.end)));
    for (const line of source.lines) {
      if (line.kind === "comment") continue;
      const trailing = /[ \t]+$/.exec(line.text);
      if (!trailing) continue;
      const start = lineStart(input, line.line) + trailing.index;
      if (multiLine.some((range) => range.start <= start && start < range.end)) continue;
      report({ messageId: "trailingWhitespace", range: { start, end: start + trailing[0].length } });
    }
  },
};

export const extraBlankLine: DotenvCheck = {
  id: "extraBlankLine",
  style: true,
  run({ source }, report) {
    source.lines.forEach((line, index) => {
      if (line.kind === "blank" && source.lines[index - 1]?.kind === "blank") {
        report({ messageId: "extraBlankLine", line: line.line, column: 1 });
      }
    });
  },
};

export const endingBlankLine: DotenvCheck = {
  id: "endingBlankLine",
  style: true,
  run({ source, file }, report) {
    const last = source.lines[source.lines.length - 1];
    if (!last || /[\r\n]$/.test(file.text)) return;
    report({ messageId: "endingBlankLine", line: last.line, column: last.text.length + 1 });
  },
};
