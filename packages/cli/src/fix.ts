// --fix: applies the edits fixable rules attached to their findings. Range edits in one file are
// applied from the end backwards and an edit overlapping one already taken is left for the next
// pass; appends go to the end of the file (created when missing), each distinct text once.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Finding, ResolvedFix } from "@deploylint/core";

export interface FixOutcome {
  /** Edits applied. */
  applied: number;
  /** Files written, relative to cwd. */
  files: string[];
}

export function applyFixes(options: { cwd: string; findings: Finding[] }): FixOutcome {
  const byFile = new Map<string, ResolvedFix[]>();
  for (const finding of options.findings) {
    if (!finding.fix) continue;
    const list = byFile.get(finding.fix.file) ?? [];
    list.push(finding.fix);
    byFile.set(finding.fix.file, list);
  }
  let applied = 0;
  const files: string[] = [];
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = resolve(options.cwd, file);
    const exists = existsSync(path);
    const before = exists ? readFileSync(path, "utf8") : "";
    let text = before;
    const ranges = fixes
      .filter((fix): fix is Extract<ResolvedFix, { range: unknown }> => "range" in fix)
      .sort((a, b) => b.range.start - a.range.start);
    let limit = Number.POSITIVE_INFINITY;
    if (exists) {
      for (const fix of ranges) {
        if (fix.range.end > limit) continue;
        text = text.slice(0, fix.range.start) + fix.text + text.slice(fix.range.end);
        limit = fix.range.start;
        applied++;
      }
    }
    const appends = [...new Set(fixes.flatMap((fix) => ("append" in fix ? [fix.append] : [])))];
    for (const addition of appends) {
      if (text.length > 0 && !text.endsWith("\n")) text += "\n";
      text += addition;
      applied++;
    }
    if (text === before) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    files.push(file);
  }
  return { applied, files };
}
