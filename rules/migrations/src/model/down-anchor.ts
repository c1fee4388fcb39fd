// Where a finding about a down section points. The section's own start is line 1 of a
// golang-migrate or diesel down file, usually a header comment: a maintainer reading the finding
// wants the statement it is about.
import type { OperationFact } from "./facts.js";

export interface StatementLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The down's first statement on `table` (where the missing undo belongs beside it), else its first
 * statement; null when the down has none (the caller then points at the section's start).
 */
export function downAnchor(down: readonly OperationFact[], table?: string): StatementLocation | null {
  const onTable = table === undefined || table === "" ? undefined : down.find((op) => op.table === table);
  const op = onTable ?? down[0];
  if (op === undefined) return null;
  return { line: op.line, column: op.col, endLine: op.endLine, endColumn: op.endCol };
}
