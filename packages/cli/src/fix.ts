// --fix: applies the edits fixable rules attached to their findings. Range edits in one file are
// applied from the end backwards and an edit overlapping one already taken is left for the next
// pass; appends go to the end of the file (created when missing), each distinct text once, and
// never when the file already holds that text, so running --fix again changes nothing.
// Every target is checked first (fix-target.ts) and read and written losslessly (fix-text.ts);
// a fix that cannot be applied safely is refused with its reason and its finding stays reported.
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Finding, ResolvedFix } from "@deploylint/core";
import { checkFixTarget, NO_FOLLOW, printablePath } from "./fix-target.js";
import { type Decoded, decodeForFix, encodeAfterFix, type FixText, inLineEnding, NEW_FILE } from "./fix-text.js";

export interface FixRefusal {
  /** The file as the rule named it (printable: control characters escaped). */
  file: string;
  reason: string;
}

export interface FixOutcome {
  /** Edits applied. */
  applied: number;
  /** Files written, relative to cwd. */
  files: string[];
  /** Fixes not applied, one entry per file and reason. */
  refused: FixRefusal[];
}

type RangeFix = Extract<ResolvedFix, { range: unknown }>;

export function applyFixes(options: { cwd: string; findings: Finding[] }): FixOutcome {
  const byFile = new Map<string, ResolvedFix[]>();
  for (const finding of options.findings) {
    if (!finding.fix) continue;
    const list = byFile.get(finding.fix.file) ?? [];
    list.push(finding.fix);
    byFile.set(finding.fix.file, list);
  }
  const outcome: FixOutcome = { applied: 0, files: [], refused: [] };
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const refuse = (reason: string) => outcome.refused.push({ file: printablePath(String(file)), reason });
    const target = checkFixTarget(options.cwd, file);
    if (!target.ok) {
      refuse(target.reason);
      continue;
    }
    const ranges = fixes.filter((fix): fix is RangeFix => "range" in fix);
    if (!target.exists && ranges.length > 0) {
      refuse("it does not exist, so its range edits point at nothing");
      continue;
    }
    const read = target.exists ? readTarget(target.path) : ({ ok: true, ...NEW_FILE } as const);
    if (!read.ok) {
      refuse(read.reason);
      continue;
    }
    const edited = editText(read, fixes, ranges, refuse);
    if (edited.applied === 0) continue;
    const bytes = encodeAfterFix(edited.text);
    const failure = writeFailure(() =>
      target.exists ? replaceFile(target.path, bytes) : createFile(target.path, target.missingDirs, bytes),
    );
    if (failure) {
      refuse(failure);
      continue;
    }
    outcome.applied += edited.applied;
    outcome.files.push(printablePath(file));
  }
  return outcome;
}

function editText(
  original: FixText,
  fixes: ResolvedFix[],
  ranges: RangeFix[],
  refuse: (reason: string) => void,
): { text: FixText; applied: number } {
  const { eol } = original;
  let body = original.body;
  let applied = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const fix of [...ranges].sort((a, b) => b.range.start - a.range.start)) {
    const problem = rangeProblem(fix, body.length) ?? textProblem(fix.text);
    if (problem) {
      refuse(problem);
      continue;
    }
    if (fix.range.end > limit) continue;
    body = body.slice(0, fix.range.start) + inLineEnding(fix.text, eol) + body.slice(fix.range.end);
    limit = fix.range.start;
    applied++;
  }
  const appends = [...new Set(fixes.flatMap((fix) => ("append" in fix ? [fix.append] : [])))];
  for (const addition of appends) {
    const problem = textProblem(addition);
    if (problem) {
      refuse(problem);
      continue;
    }
    const lines = inLineEnding(addition, eol);
    if (lines === "") continue;
    if (body.includes(lines)) {
      // Appending it again would not resolve the finding either: the file is not read the way the rule expects.
      refuse(
        "it already holds the text the fix adds, yet the finding remains (is the file ignored, or not the one the settings name?)",
      );
      continue;
    }
    // A last line without its line break gets one, so the addition starts on a line of its own.
    if (body.length > 0 && !body.endsWith("\n")) body += eol;
    body += lines;
    applied++;
  }
  return { text: { ...original, body }, applied };
}

function rangeProblem(fix: RangeFix, length: number): string | null {
  const { start, end } = fix.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > length)
    return `a fix's range ${start}-${end} lies outside the file (${length} characters)`;
  return null;
}

/** Rules write fix text with `\n`; the fixer gives it the file's line ending, so a `\r` would mix them. */
function textProblem(text: unknown): string | null {
  if (typeof text !== "string") return "a fix gave no text";
  if (text.includes("\r"))
    return "a fix's text holds a carriage return; fixes write `\\n` and take the file's line ending";
  return null;
}

/** Reads a checked target without following a link or blocking on a pipe swapped in since the check. */
function readTarget(path: string): Decoded {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: `it cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, reason: "it is not a regular file" };
    return decodeForFix(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** Runs a write; a file-system refusal (EACCES, EROFS, ENOSPC, a link swapped in: ELOOP, EEXIST) becomes its reason. */
function writeFailure(write: () => void): string | null {
  try {
    write();
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw error;
    return `it cannot be written (${code})`;
  }
}

/**
 * Writes a sibling temporary file and renames it over the target, so an interrupted write never
 * leaves the file half written; the rename replaces the name, never following a link.
 */
function replaceFile(path: string, bytes: Buffer): void {
  const mode = fstatMode(path);
  const temporary = join(dirname(path), `.${basename(path)}.deploylint-fix-${process.pid}`);
  try {
    writeExclusive(temporary, bytes, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function createFile(path: string, missingDirs: string[], bytes: Buffer): void {
  // One level at a time and never recursive: an existing entry (say a link created meanwhile) fails the run.
  for (const dir of missingDirs) mkdirSync(dir);
  writeExclusive(path, bytes);
}

/** Creates `path` (never opening an existing entry); `mode`, when given, is set exactly rather than through the umask. */
function writeExclusive(path: string, bytes: Buffer, mode?: number): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFileSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

function fstatMode(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  try {
    return fstatSync(fd).mode & 0o7777;
  } finally {
    closeSync(fd);
  }
}
