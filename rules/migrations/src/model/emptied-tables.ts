// Tables a migration has emptied so far (DELETE without WHERE, TRUNCATE) and not refilled: adding a
// required column to one cannot fail and rewriting one costs nothing. Shared by the file rules (which
// read operations) and the project rules (which read operation facts), so both take this shape.

/** What the tracking needs to know of one operation or operation fact. */
export interface RowsEffect {
  type: string;
  table?: string;
  to?: string;
  /** dml: insert, update, delete or merge. */
  verb?: string;
  /** dml: the statement has a WHERE (so a DELETE keeps some rows). */
  hasWhere?: boolean;
}

export class EmptiedTables {
  private readonly tables = new Set<string>();

  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** Moves the tracking past one operation, in the migration's order. */
  apply(op: RowsEffect): void {
    const table = op.table ?? "";
    if (op.type === "truncate" || (op.type === "dml" && op.verb === "delete" && op.hasWhere === false)) {
      if (table !== "") this.tables.add(table);
    } else if (op.type === "dml" && (op.verb === "insert" || op.verb === "merge")) {
      this.tables.delete(table);
    } else if (op.type === "rename_table" && this.tables.delete(table) && op.to) {
      this.tables.add(op.to);
    } else if (op.type === "drop_table") {
      this.tables.delete(table);
    } else if (op.type === "other") {
      // A statement the pack cannot read (a DO block, a function call) may insert rows anywhere.
      this.tables.clear();
    }
  }
}
