// The plain-JSON summary of a migration file that the "migrations:migration" extractor emits, so
// that project rules (pairing up and down, versions, type history) never re-read a file.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Irreversible, irreversibleDown } from "./irreversible.js";
import { indexesInside } from "./ranges.js";
import { upOperations } from "./scope.js";
import type { Direction, Framework, Migration, Operation, RollbackKind } from "./types.js";
import { calledFunctions, functionsDeclaredIn, type Volatility, withoutLiterals } from "./volatile.js";

export const MIGRATION_FACT = "migrations:migration";

export type OperationFact = {
  type: Operation["type"];
  table?: string;
  column?: string;
  name?: string;
  to?: string;
  dataType?: string;
  /** alter_column_type: PostgreSQL's USING expression as written. */
  using?: string;
  /** Only for create_table: its columns and their types. */
  columns?: { column: string; dataType: string }[];
  /** dml, maintenance and transaction verbs; the kind of an `other` operation. */
  verb?: string;
  /** dml: the statement has a WHERE (a DELETE without one empties the table). */
  hasWhere?: boolean;
  /** create_index and add_constraint: the columns they are built on, when known. */
  keyColumns?: string[];
  /** create_index: every column it depends on (expressions, the WHERE predicate), when known. */
  dependsOn?: string[];
  /** add_constraint: its kind; create_index: "unique" or "index". */
  keyKind?: string;
  /** add_column with a DEFAULT: the functions it calls, judged against the history's declarations. */
  defaultCalls?: string[];
  /** add_column with a DEFAULT: the expression with every literal shown as '…' (a literal may be a secret). */
  defaultShown?: string;
  /** add_column: GENERATED … STORED / VIRTUAL / identity. */
  generated?: string;
  /** maintenance: VACUUM FULL. */
  full?: boolean;
  /** table_options (MySQL): ALGORITHM= and LOCK= as written, "" when absent. */
  algorithm?: string;
  lock?: string;
  /** An up operation on a table created or emptied earlier in the same migration (no rows to touch). */
  emptyTable?: boolean;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
};

export type SectionFact = {
  /** Where the section starts (its marker line, or 1). */
  line: number;
  /** Statements in the section (0: empty, or only comments). */
  statements: number;
  operations: OperationFact[];
};

/** A Liquibase changeset: its own up and its own rollback, within the file's up and down. */
export type ChangesetFact = {
  /** `author:id`. */
  id: string;
  /** The `--changeset` line. */
  line: number;
  rollback: RollbackKind;
  /** The changeset's first rollback line (its `--changeset` line without one). */
  rollbackLine: number;
  /** Indexes of its operations in the fact's `up.operations`. */
  up: number[];
  /** Indexes of its rollback's operations in the fact's `down.operations`. */
  down: number[];
};

export type MigrationFact = {
  path: string;
  /** The folder holding this set of migrations: versions are unique within it. */
  root: string;
  /** Files with the same key are one migration (golang-migrate's up and down, a diesel folder). */
  key: string;
  version: string | null;
  name: string;
  framework: Framework;
  dialect: string;
  direction: Direction | "both";
  downNotRequired: boolean;
  /** The author made the down refuse on purpose (see irreversible.ts), and the line that says so. */
  irreversible?: Omit<Irreversible, "offset"> & { line: number };
  up: SectionFact | null;
  down: SectionFact | null;
  /** Liquibase formatted SQL: each changeset is rolled back on its own, so rules judge them one by one. */
  changesets?: ChangesetFact[];
  /** The functions this file creates and the volatility each declares (CREATE FUNCTION's default: VOLATILE). */
  functions?: Record<string, Volatility>;
};

function dirname(path: string): string {
  const at = path.lastIndexOf("/");
  return at === -1 ? "." : path.slice(0, at);
}

function keyOf(migration: Migration): { root: string; key: string } {
  const dir = dirname(migration.file);
  switch (migration.framework) {
    case "golang-migrate":
      return { root: dir, key: `${dir}/${migration.version}_${migration.name}` };
    case "diesel":
    case "prisma":
      return { root: dirname(dir), key: dir };
    case "flyway":
      return { root: dir, key: migration.version === null ? migration.file : `${dir}/V${migration.version}` };
    case "sqitch": {
      const parts = migration.file.split("/");
      const at = parts.findLastIndex((part) => /^(deploy|revert|verify)$/i.test(part));
      const root = at <= 0 ? "." : parts.slice(0, at).join("/");
      return { root, key: `${root}/${migration.name}` };
    }
    default:
      return { root: dir, key: migration.file };
  }
}

function operationFact(operation: Operation, lines: LineIndex): OperationFact {
  const start = lines.positionAt(operation.range.start);
  const end = lines.positionAt(operation.range.end);
  const fact: OperationFact = {
    type: operation.type,
    line: start.line,
    col: start.column,
    endLine: end.line,
    endCol: end.column,
  };
  // Read in place, not from a spread copy: operations come in dozens of shapes, and copying each
  // fell to V8's slow path (most of this function's time on hatchet's history).
  const o = operation as unknown as Partial<Record<string, unknown>>;
  for (const field of ["table", "column", "name", "to", "dataType", "using"] as const) {
    if (typeof o[field] === "string") fact[field] = o[field] as string;
  }
  if (operation.type === "create_table") {
    fact.columns = operation.columns.map(({ column, dataType }) => ({ column, dataType }));
  }
  if (operation.type === "dml" || operation.type === "maintenance" || operation.type === "transaction") {
    fact.verb = operation.verb;
  }
  if (operation.type === "dml") fact.hasWhere = operation.hasWhere;
  if (operation.type === "add_column") {
    if (operation.defaultExpr !== null) {
      fact.defaultCalls = calledFunctions(operation.defaultExpr);
      fact.defaultShown = withoutLiterals(operation.defaultExpr);
    }
    if (operation.generated !== null) fact.generated = operation.generated;
  }
  if (operation.type === "maintenance" && operation.full) fact.full = true;
  if (operation.type === "table_options") {
    fact.algorithm = operation.algorithm ?? "";
    fact.lock = operation.lock ?? "";
  }
  if (operation.type === "other") fact.verb = operation.kind;
  if (operation.type === "create_index" || operation.type === "add_constraint") {
    if (operation.keyColumns !== undefined) fact.keyColumns = operation.keyColumns;
    if (operation.type === "create_index" && operation.dependsOn !== undefined) fact.dependsOn = operation.dependsOn;
    fact.keyKind = operation.type === "add_constraint" ? operation.kind : operation.unique ? "unique" : "index";
  }
  return fact;
}

function sectionFact(options: {
  migration: Migration;
  direction: Direction;
  operations: Operation[] | null;
  lines: LineIndex;
}): SectionFact | null {
  const { migration, direction, operations, lines } = options;
  if (operations === null) return null;
  const sections = migration.sections.filter((section) => section.direction === direction);
  const first = sections[0];
  const statements = new Set(operations.map((op) => op.statementIndex)).size;
  // Which up operations touch a table with no rows yet: the rewrite and lock rules skip them.
  const empty =
    direction === "up" ? new Set(upOperations(migration).flatMap((j) => (j.emptyTable ? [j.index] : []))) : null;
  return {
    line: first === undefined ? 1 : lines.positionAt(first.range.start).line,
    statements,
    operations: operations.map((operation, index) => {
      const fact = operationFact(operation, lines);
      if (empty?.has(index)) fact.emptyTable = true;
      return fact;
    }),
  };
}

function changesetFacts(migration: Migration, lines: LineIndex): ChangesetFact[] | null {
  const sections = migration.sections.filter((section) => section.changeset !== undefined);
  // Operations by changeset in one pass each, not one scan of every operation per changeset.
  const upInside = indexesInside(sections, migration.up);
  const downInside = indexesInside(sections, migration.down ?? []);
  const changesets = sections.flatMap((section, i) => {
    const changeset = section.changeset;
    if (changeset === undefined) return [];
    const line = lines.positionAt(section.range.start).line;
    return [
      {
        id: changeset.id,
        line,
        rollback: changeset.rollback,
        rollbackLine: changeset.rollbackStart === null ? line : lines.positionAt(changeset.rollbackStart).line,
        up: upInside[i] ?? [],
        down: downInside[i] ?? [],
      },
    ];
  });
  return changesets.length > 0 ? changesets : null;
}

/** The fact of a migration file; `text` (the file's) lets it read what the down says about being irreversible. */
export function migrationFact(migration: Migration, lines: LineIndex, text?: string): MigrationFact {
  const hasUp = migration.direction !== "down";
  const changesets = changesetFacts(migration, lines);
  const irreversible = text === undefined ? null : irreversibleDown(migration, text);
  const functions = functionsDeclaredIn(migration.statements);
  return {
    path: migration.file,
    ...keyOf(migration),
    version: migration.version,
    name: migration.name,
    framework: migration.framework,
    dialect: migration.dialect,
    direction: migration.direction,
    downNotRequired: migration.downNotRequired === true,
    ...(irreversible !== null
      ? {
          irreversible: {
            reason: irreversible.reason,
            onlyIfEmpty: irreversible.onlyIfEmpty,
            line: lines.positionAt(irreversible.offset).line,
          },
        }
      : {}),
    up: sectionFact({ migration, direction: "up", operations: hasUp ? migration.up : null, lines }),
    down: sectionFact({ migration, direction: "down", operations: migration.down, lines }),
    ...(changesets !== null ? { changesets } : {}),
    ...(functions.size > 0 ? { functions: Object.fromEntries(functions) } : {}),
  };
}
