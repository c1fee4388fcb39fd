// migrations/no-column-type-change: changing a column's type rewrites the table under an ACCESS
// EXCLUSIVE lock and breaks running code that reads the old type; binary-compatible widenings
// are allowed. A project rule: the old type comes from the earlier migrations of the folder, or
// else from the type this migration's down sets the column back to.
import { defineRule } from "@deploylint/core/rule-api";
import {
  byVersion,
  ColumnTypes,
  compareTypes,
  docsUrl,
  EmptiedTables,
  groupMigrations,
  isHistory,
  MIGRATION_FACT,
  type MigrationFact,
  type MigrationGroup,
  nameList,
  type OperationFact,
  startAfterOf,
  TypesRestoredByDown,
  typeKey,
  typeName,
} from "../model/index.js";

/** What one ALTER COLUMN … TYPE does, as the rule judges it. */
type Kind = "change" | "unknown" | "recreated" | "timezone" | "using";

interface TypeChange {
  op: OperationFact;
  kind: Kind;
  from: string;
  to: string;
}

/** What the change costs, in the words of the migration's database. */
function effects(dialect: string): { known: string; maybe: string } {
  if (dialect === "postgresql") {
    return {
      known: "rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes",
      maybe: "can rewrite the table under an ACCESS EXCLUSIVE lock, blocking reads and writes",
    };
  }
  if (dialect === "mysql" || dialect === "mariadb") {
    return {
      known: "copies the whole table (MySQL changes a column's type only with ALGORITHM=COPY), blocking writes",
      maybe: "can copy the whole table (ALGORITHM=COPY), blocking writes",
    };
  }
  return { known: "rewrites every row of the table", maybe: "can rewrite every row of the table" };
}

// `USING col`, `USING col::text::role` or `USING CAST(col AS t)` only converts the old value, which
// the type comparison already judges; anything else computes each row anew.
function recomputes(using: string | undefined, column: string): boolean {
  if (using === undefined) return false;
  const bare = using
    .replace(/::\s*(?:"[^"]*"|[\w.]+)(?:\s*\([^)]*\))?(?:\s*\[\])?/g, "")
    .replace(/\bCAST\s*\(([\s\S]*)\s+AS\s+[\s\S]*\)/i, "$1")
    .replace(/[\s()"]/g, "")
    .toLowerCase();
  return bare !== column.replace(/"/g, "").toLowerCase();
}

/** Where the rule learns a column's type before a migration: the history first, then that migration's down. */
interface Previous {
  history: ColumnTypes;
  down: TypesRestoredByDown;
}

function judge(op: OperationFact, previous: Previous, createdTypes: Set<string>): TypeChange | null {
  const column = op.column ?? "";
  const table = op.table ?? "";
  const written = previous.history.get(table, column) ?? previous.down.get(table, column);
  const to = typeName(op.dataType ?? "", { stored: true });
  if (written === undefined) return { op, kind: "unknown", from: "", to };
  const from = typeName(written, { stored: true });
  const comparison = compareTypes(written, op.dataType ?? "");
  if (comparison === "timezone") return { op, kind: "timezone", from, to };
  if (comparison === "change") {
    const recreated = createdTypes.has(typeKey((op.dataType ?? "").replace(/\[\]\s*$/, "")));
    return { op, kind: recreated ? "recreated" : "change", from, to };
  }
  return recomputes(op.using, column) ? { op, kind: "using", from, to } : null;
}

/** "a and b from integer to bigint; c from text to jsonb": columns grouped by their change. */
function describe(changes: TypeChange[]): string {
  const byPair = new Map<string, string[]>();
  for (const change of changes) {
    const pair = change.kind === "unknown" ? `to ${change.to}` : `from ${change.from} to ${change.to}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), change.op.column ?? ""]);
  }
  return [...byPair].map(([pair, columns]) => `${nameList(columns)} ${pair}`).join("; ");
}

export default defineRule({
  id: "no-column-type-change",
  scope: "project",
  meta: {
    description: "Disallow changing the type of an existing column, except binary-compatible widenings.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      typeChange:
        "Changing {{table}}.{{column}} from {{from}} to {{to}} {{effect}}, and running code that reads or writes the old type may fail.",
      typeChangeUnknown:
        "Changing the type of {{table}}.{{column}} to {{to}} {{effect}}, and running code that reads or writes the old type may fail.",
      typeChanges:
        "Changing the types of {{table}} columns ({{changes}}) {{effect}}, and running code that reads or writes the old types may fail.",
      recreatedType:
        "Changing {{table}}.{{column}} from {{from}} to {{to}}, a type this migration creates, {{effect}}, and running code that writes a value {{to}} lacks fails.",
      timezone:
        "Changing {{table}}.{{column}} from {{from}} to {{to}} reads every stored value in the session time zone: PostgreSQL 12+ skips the table rewrite only when that time zone is UTC, and otherwise rewrites the table under an ACCESS EXCLUSIVE lock.",
      usingRewrite:
        "Changing {{table}}.{{column}} to {{to}} USING {{using}} computes every value anew, so PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes.",
    },
    help: "Add a column of the new type, write both, backfill in batches, switch reads, then drop the old column (expand and contract).",
    docs: { url: docsUrl("no-column-type-change") },
  },
  check(ctx) {
    const groups = groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT)).filter((g) => g.up?.up);
    const startAfter = startAfterOf(ctx.settings);
    const roots = new Map<string, MigrationGroup[]>();
    for (const group of groups) {
      const list = roots.get(group.root);
      if (list) list.push(group);
      else roots.set(group.root, [group]);
    }
    for (const list of roots.values()) {
      const types = new ColumnTypes();
      for (const group of list.sort(byVersion)) {
        const file = group.up?.path ?? "";
        const { known, maybe } = effects(group.up?.dialect ?? "");
        const down = new TypesRestoredByDown(group.down?.down);
        const createdTables = new Set<string>();
        // A table this migration emptied has no row to rewrite (documenso empties UserProfile first).
        const emptied = new EmptiedTables();
        const createdTypes = new Set<string>();
        // One ALTER TABLE changing several columns is one finding: its operations share the statement's range.
        const statements = new Map<string, TypeChange[]>();
        for (const op of group.up?.up?.operations ?? []) {
          if (op.type === "create_table" && op.table) createdTables.add(op.table);
          if (op.type === "create_type" && op.name) createdTypes.add(typeKey(op.name));
          if (op.type === "alter_column_type" && op.table && !createdTables.has(op.table) && !emptied.has(op.table)) {
            const change = judge(op, { history: types, down }, createdTypes);
            const at = `${op.line}:${op.col}`;
            if (change !== null) statements.set(at, [...(statements.get(at) ?? []), change]);
          }
          types.apply(op);
          emptied.apply(op);
        }
        // History (settings.migrations.startAfter) still declares the types later migrations change,
        // but its own changes shipped long ago: they are not reported.
        if (isHistory(group.version, startAfter)) continue;
        for (const changes of statements.values()) {
          const first = changes[0];
          if (first === undefined) continue;
          const { op } = first;
          const location = { file, line: op.line, column: op.col, endLine: op.endLine, endColumn: op.endCol };
          const names = { table: op.table ?? "", column: op.column ?? "", from: first.from, to: first.to };
          if (changes.length > 1) {
            const effect = changes.every((change) => change.kind === "unknown") ? maybe : known;
            ctx.report({
              messageId: "typeChanges",
              data: { table: names.table, changes: describe(changes), effect },
              ...location,
            });
          } else if (first.kind === "unknown") {
            ctx.report({ messageId: "typeChangeUnknown", data: { ...names, effect: maybe }, ...location });
          } else if (first.kind === "recreated") {
            ctx.report({ messageId: "recreatedType", data: { ...names, effect: known }, ...location });
          } else if (first.kind === "timezone") {
            ctx.report({ messageId: "timezone", data: names, ...location });
          } else if (first.kind === "using") {
            ctx.report({ messageId: "usingRewrite", data: { ...names, using: op.using ?? "" }, ...location });
          } else {
            ctx.report({ messageId: "typeChange", data: { ...names, effect: known }, ...location });
          }
        }
      }
    }
  },
});
