// Whether a migration's author made its down refuse on purpose: a `deploylint: irreversible` marker
// (for dbmate and diesel, which want a down section), a down that throws or raises at once, or an
// empty down whose comment says it is empty on purpose. Such a migration is irreversible, not broken.
import type { Migration } from "./types.js";

export interface Irreversible {
  /** Why, in the author's words where there are some. */
  reason: string;
  /** From a comment of an otherwise empty down: it counts only while the down does nothing. */
  onlyIfEmpty: boolean;
  /** Offset in the file of the marker, throw, raise or comment that says so. */
  offset: number;
}

const MARKER = /(?:--|\/\/|#|\/\*)[ \t]*deploylint:[ \t]*irreversible\b[ \t]*(?:[-–—:,]+[ \t]*)?([^\n]*)/i;
// The first statement of a function body is a throw: `down() { throw new Error("…") }`.
const THROWS =
  /^[^{]*\{\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*throw\s+(?:new\s+)?\w*Error\s*\(\s*(?:(["'`])((?:(?!\1)[^\\]|\\.)*)\1)?/;
// A DO block that raises before doing anything, or SQLite's RAISE().
const RAISES =
  /^\s*DO\s+(?:LANGUAGE\s+\w+\s+)?\$\w*\$\s*(?:DECLARE\b[\s\S]*?)?BEGIN\s+RAISE\s+EXCEPTION\s+(?:'((?:[^']|'')*)')?|\bRAISE\s*\(\s*(?:ABORT|FAIL|ROLLBACK)\s*,\s*'((?:[^']|'')*)'/i;
// What authors write in a down they leave empty on purpose.
const ON_PURPOSE =
  /^[ \t]*(?:--|\/\/|#|\/?\*)[ \t]*(.*\b(?:intentional(?:ly)?|on purpose|deliberately|irreversible|cannot be (?:reverted|undone|rolled back|reversed)|can't be (?:reverted|undone|reversed)|not reversible|does not support removing|nothing to (?:undo|revert|roll ?back))\b.*?)[ \t]*(?:\*\/)?[ \t]*$/im;

function clean(text: string): string {
  const trimmed = text.replace(/\s*\*\/\s*$/, "").trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
}

/** What the down sections of this migration file say about being irreversible, or null. */
export function irreversibleDown(migration: Pick<Migration, "sections">, text: string): Irreversible | null {
  const marker = MARKER.exec(text);
  if (marker !== null) {
    const words = clean(marker[1] ?? "");
    return {
      reason: words === "" ? "marked `deploylint: irreversible`" : words,
      onlyIfEmpty: false,
      offset: marker.index,
    };
  }
  for (const section of migration.sections) {
    if (section.direction !== "down") continue;
    const start = section.range.start;
    const body = text.slice(start, section.range.end);
    const thrown = THROWS.exec(body);
    if (thrown !== null) {
      const offset = start + thrown.index + thrown[0].search(/\bthrow\b/);
      return { reason: clean(thrown[2] ?? "the down throws"), onlyIfEmpty: false, offset };
    }
    const leading = /^(?:[ \t]*--[^\n]*\n|\s+)*/.exec(body)?.[0].length ?? 0;
    const raised = RAISES.exec(body.slice(leading));
    if (raised !== null) {
      const reason = clean((raised[1] ?? raised[2] ?? "the down raises").replace(/''/g, "'"));
      return { reason, onlyIfEmpty: false, offset: start + leading + raised.index };
    }
    const comment = ON_PURPOSE.exec(body);
    if (comment?.[1] !== undefined) {
      return { reason: clean(comment[1]), onlyIfEmpty: true, offset: start + comment.index };
    }
  }
  return null;
}
