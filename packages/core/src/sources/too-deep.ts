// A file nested deeper than a recursive parser or walker can follow (thousands of brackets or
// parentheses) makes V8 throw a RangeError when the stack runs out. That is a property of the file,
// not a bug of the tool: it becomes the file's parse error, so one hostile file never ends the run.

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /maximum call stack size/i.test(error.message);
}

/** The reason given for such a file (after "This file does not parse as <kind>: "). */
export const NESTED_TOO_DEEPLY =
  "it is nested too deeply to analyse (the parser ran out of stack), so it was not checked";

/** The reason given for a file refused before parsing, for nesting deeper than `levels`. */
export function nestedBeyond(levels: number, what: string): string {
  return `it is nested too deeply to analyse (${what} more than ${levels} levels deep), so it was not checked`;
}

/** The same, inside a sentence about one SQL statement. */
export const STATEMENT_NESTED_TOO_DEEPLY = "nested too deeply: the parser ran out of stack";

/** The reason given when a rule's own walk over an otherwise parsed file runs out of stack. */
export function nestedTooDeeplyFor(ruleId: string): string {
  return `it is nested too deeply for ${ruleId} to analyse (the walk ran out of stack), so it was not checked`;
}
