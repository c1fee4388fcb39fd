// Reads one ALTER TABLE action from its text (`ADD COLUMN …`, `ALTER COLUMN … TYPE …`, MySQL
// `CHANGE`/`MODIFY`/`ADD INDEX`, …): the same reading serves parsed and unparsed statements.
import { inlineConstraints, parseColumnDefinition } from "./columns-text.js";
import { columnsOfFirstList, expressionColumns } from "./key-columns.js";
import { nameFromText } from "./names.js";
import { firstGroupBody } from "./tokens.js";
import type { ConstraintKind, OperationDetail } from "./types.js";

export const ID = String.raw`(?:"(?:[^"]|"")*"|\x60[^\x60]*\x60|\[[^\]]*\]|[\w$]+)`;
export const QUALIFIED = String.raw`${ID}(?:\s*\.\s*${ID})*`;
const NOT_COLUMN = /^(CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|UNIQUE|CHECK|FULLTEXT|SPATIAL|PARTITION|DEFAULT)$/i;

function re(source: string, flags = "i"): RegExp {
  return new RegExp(source, flags);
}

// Built once at load: a RegExp constructed on every call cost more than the match itself
// (hatchet's ALTER TABLE actions spent most of their reading time compiling these).
const DROP_CONSTRAINT = re(String.raw`^DROP\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?(${ID})`);
const DROP_KEY_OR_CHECK = re(String.raw`^DROP\s+(?:FOREIGN\s+KEY|CHECK)\s+(?:IF\s+EXISTS\s+)?(${ID})`);
const DROP_INDEX = re(String.raw`^DROP\s+(?:INDEX|KEY)\s+(?:IF\s+EXISTS\s+)?(${ID})`);
const DROP_COLUMN = re(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${ID})`);
const ALTER_COLUMN = re(String.raw`^ALTER\s+(?:COLUMN\s+)?(${ID})\s+([\s\S]*)$`);
const RENAME_TABLE = re(String.raw`^RENAME\s+(?:TO|AS)\s+(${QUALIFIED})`);
const RENAME_COLUMN = re(String.raw`^RENAME\s+(?:COLUMN\s+)?(${ID})\s+TO\s+(${ID})`);
const CHANGE_COLUMN = re(String.raw`^CHANGE\s+(?:COLUMN\s+)?(${ID})\s+([\s\S]+)$`);
const MODIFY_COLUMN = re(String.raw`^MODIFY\s+(?:COLUMN\s+)?([\s\S]+)$`);
const ADD_COLUMN = re(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?([\s\S]+)$`);
const VALIDATE_CONSTRAINT = re(String.raw`^VALIDATE\s+CONSTRAINT\s+(${ID})`);
const ADD_CONSTRAINT = re(
  String.raw`^ADD\s+(?:CONSTRAINT\s+(${ID})\s+)?((?:FOREIGN\s+KEY|CHECK|UNIQUE|PRIMARY\s+KEY|EXCLUDE)\b[\s\S]*)$`,
);
const ADD_INDEX = re(
  String.raw`^ADD\s+(?:CONSTRAINT\s+${ID}\s+)?(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?(?:INDEX|KEY)\s*(?:IF\s+NOT\s+EXISTS\s+)?(${ID})?`,
);

function constraintKind(text: string): ConstraintKind {
  if (/^FOREIGN\s+KEY\b/i.test(text)) return "foreign_key";
  if (/^CHECK\b/i.test(text)) return "check";
  if (/^UNIQUE\b/i.test(text)) return "unique";
  if (/^PRIMARY\s+KEY\b/i.test(text)) return "primary_key";
  if (/^EXCLUDE\b/i.test(text)) return "exclude";
  return "other";
}

/** The columns a table constraint's body names: its column list, or the columns of its CHECK expression. */
export function constraintColumns(kind: ConstraintKind, body: string): string[] | undefined {
  if (kind === "check") {
    const expression = firstGroupBody(body);
    return expression === null ? undefined : expressionColumns(expression.body);
  }
  if (kind === "other" || kind === "exclude") return undefined;
  return columnsOfFirstList(body) ?? undefined;
}

function addConstraint(table: string, action: string): OperationDetail | null {
  const m = ADD_CONSTRAINT.exec(action);
  if (m?.[2] === undefined) return null;
  const body = m[2];
  // MySQL `ADD UNIQUE KEY name (…)` / `ADD UNIQUE INDEX` builds an index, like ADD INDEX.
  if (/^UNIQUE\s+(?:INDEX|KEY)\b/i.test(body)) return null;
  const kind = constraintKind(body);
  const usingIndex = /^(?:UNIQUE|PRIMARY\s+KEY)\s+USING\s+INDEX\b/i.test(body);
  const keyColumns = usingIndex ? undefined : constraintColumns(kind, body);
  return {
    type: "add_constraint",
    table,
    name: m[1] === undefined ? null : nameFromText(m[1]),
    kind,
    notValid: /\bNOT\s+VALID\b/i.test(body),
    usingIndex,
    body,
    ...(keyColumns === undefined ? {} : { keyColumns }),
  };
}

function addIndex(table: string, action: string): OperationDetail | null {
  const m = ADD_INDEX.exec(action);
  if (m === null) return null;
  const name = m[2] === undefined || m[2].toUpperCase() === "USING" ? null : nameFromText(m[2]);
  const unique = /^UNIQUE/i.test(m[1] ?? "");
  const keyColumns = columnsOfFirstList(action, m[0].length) ?? undefined;
  return {
    type: "create_index",
    table,
    name,
    concurrently: false,
    unique,
    online: false,
    ...(keyColumns === undefined ? {} : { keyColumns }),
  };
}

function dropAction(table: string, action: string): OperationDetail | null {
  let m = DROP_CONSTRAINT.exec(action);
  if (m?.[1] !== undefined) return { type: "drop_constraint", table, name: nameFromText(m[1]) };
  m = DROP_KEY_OR_CHECK.exec(action);
  if (m?.[1] !== undefined) return { type: "drop_constraint", table, name: nameFromText(m[1]) };
  if (/^DROP\s+PRIMARY\s+KEY\b/i.test(action)) return { type: "drop_constraint", table, name: "PRIMARY" };
  m = DROP_INDEX.exec(action);
  if (m?.[1] !== undefined) return { type: "drop_index", table, name: nameFromText(m[1]), concurrently: false };
  m = DROP_COLUMN.exec(action);
  if (m?.[1] !== undefined && !NOT_COLUMN.test(m[1])) {
    return { type: "drop_column", table, column: nameFromText(m[1]) };
  }
  return null;
}

function alterColumn(table: string, action: string): OperationDetail | null {
  const m = ALTER_COLUMN.exec(action);
  if (m?.[1] === undefined || m[2] === undefined || NOT_COLUMN.test(m[1])) return null;
  const column = nameFromText(m[1]);
  const rest = m[2];
  const type = /^(?:SET\s+DATA\s+)?TYPE\s+([\s\S]+?)(?:\s+COLLATE\s+(?:"[^"]*"|\S+))?(?:\s+USING\s+([\s\S]+))?$/i.exec(
    rest,
  );
  if (type?.[1] !== undefined) {
    const using = type[2]?.trim();
    return {
      type: "alter_column_type",
      table,
      column,
      dataType: type[1].trim(),
      notNull: null,
      ...(using ? { using } : {}),
    };
  }
  if (/^SET\s+NOT\s+NULL\b/i.test(rest)) return { type: "set_not_null", table, column };
  return null;
}

function renameAction(table: string, action: string): OperationDetail[] | null {
  let m = RENAME_TABLE.exec(action);
  if (m?.[1] !== undefined) return [{ type: "rename_table", table, to: nameFromText(m[1]) }];
  if (/^RENAME\s+(CONSTRAINT|INDEX|KEY)\b/i.test(action)) return [{ type: "other", kind: "rename_constraint" }];
  m = RENAME_COLUMN.exec(action);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    return [{ type: "rename_column", table, column: nameFromText(m[1]), to: nameFromText(m[2]) }];
  }
  return null;
}

// MySQL CHANGE [COLUMN] old new type …: a rename when the names differ, and always a restated type.
function changeOrModify(table: string, action: string): OperationDetail[] | null {
  const change = CHANGE_COLUMN.exec(action);
  const modify = MODIFY_COLUMN.exec(action);
  const definition = change?.[2] ?? modify?.[1];
  if (definition === undefined) return null;
  const column = parseColumnDefinition(definition);
  if (column === null) return null;
  const restated: OperationDetail = {
    type: "alter_column_type",
    table,
    column: column.column,
    dataType: column.dataType,
    notNull: column.notNull,
  };
  const from = change?.[1] === undefined ? column.column : nameFromText(change[1]);
  return from === column.column
    ? [restated]
    : [{ type: "rename_column", table, column: from, to: column.column }, restated];
}

/** The operations one ALTER TABLE action stands for (`other` when it is none the rules need). */
/** Comments before an action (`ALTER TABLE t -- why\n DROP CONSTRAINT c`) belong to no clause. */
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

export function alterActionOperations(table: string, actionText: string): OperationDetail[] {
  const action = actionText.replace(LEADING_COMMENTS, "").trim();
  const word = (/^\w+/.exec(action)?.[0] ?? "").toUpperCase();
  const other: OperationDetail[] = [{ type: "other", kind: `alter_table_${word.toLowerCase()}` }];
  switch (word) {
    case "ADD": {
      const found = addConstraint(table, action) ?? addIndex(table, action);
      if (found !== null) return [found];
      const m = ADD_COLUMN.exec(action);
      const definition = m?.[1] ?? "";
      // An unquoted KEY/INDEX/… opens an index or constraint; a quoted `key` is a column.
      const column = NOT_COLUMN.test(/^[\w$]+/.exec(definition)?.[0] ?? "") ? null : parseColumnDefinition(definition);
      if (column === null) return other;
      const added: OperationDetail = { type: "add_column", table, hasDefault: column.defaultExpr !== null, ...column };
      // Inline REFERENCES / UNIQUE / PRIMARY KEY / CHECK: constraints added with the column, each
      // validated or indexed as if added on its own, so the lock rules judge them.
      const constraints = inlineConstraints(definition).map(
        ({ name, kind, body, keyColumns }): OperationDetail => ({
          type: "add_constraint",
          table,
          name,
          kind,
          notValid: false,
          usingIndex: false,
          body,
          keyColumns,
        }),
      );
      return [added, ...constraints];
    }
    case "DROP":
      return [dropAction(table, action) ?? other[0]].filter((op): op is OperationDetail => op !== undefined);
    case "ALTER":
      return [alterColumn(table, action) ?? { type: "other", kind: "alter_column" }];
    case "RENAME":
      return renameAction(table, action) ?? other;
    case "CHANGE":
    case "MODIFY":
      return changeOrModify(table, action) ?? other;
    case "VALIDATE": {
      const m = VALIDATE_CONSTRAINT.exec(action);
      return m?.[1] === undefined ? other : [{ type: "validate_constraint", table, name: nameFromText(m[1]) }];
    }
    case "DETACH":
      return [
        {
          type: "maintenance",
          verb: "detach_partition",
          table,
          full: false,
          concurrently: /\b(CONCURRENTLY|FINALIZE)\b/i.test(action),
        },
      ];
    // A new owner changes who may use the table, not its shape: judged as GRANT is (see access.ts).
    case "OWNER":
      return [{ type: "other", kind: "access_owner_to" }];
    case "ALGORITHM":
    case "LOCK":
      return [];
  }
  return other;
}

/** MySQL `ALGORITHM=` / `LOCK=` options of an ALTER TABLE or CREATE INDEX statement. */
export function mysqlTableOptions(text: string): { algorithm: string | null; lock: string | null } {
  const algorithm = /\bALGORITHM\s*=?\s*(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? null;
  const lock = /\bLOCK\s*=?\s*(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? null;
  return { algorithm, lock };
}
