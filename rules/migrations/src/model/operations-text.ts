// Operations read from a statement's text, for statements the parser rejected (MySQL CHANGE/MODIFY,
// ALGORITHM= clauses, …): regular expressions over the statement, guided by its kind.
import type { SqlStatement } from "@deploylint/core/rule-api";
import { nameFromText } from "./names.js";
import type { OperationDetail } from "./types.js";

const ID = String.raw`(?:"(?:[^"]|"")*"|\x60[^\x60]*\x60|\[[^\]]*\]|[\w$]+)`;
const QUALIFIED = String.raw`${ID}(?:\s*\.\s*${ID})*`;
const NOT_COLUMN = /^(CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|UNIQUE|CHECK|FULLTEXT|SPATIAL|PARTITION)$/i;

/** Splits on commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== "");
}

function alterAction(table: string, action: string): OperationDetail[] {
  let m = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${ID})`, "i").exec(action);
  if (m?.[1] !== undefined && !NOT_COLUMN.test(m[1]))
    return [{ type: "drop_column", table, column: nameFromText(m[1]) }];
  m = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${ID})\s`, "i").exec(action);
  if (m?.[1] !== undefined && !NOT_COLUMN.test(m[1])) {
    const notNull = /\bNOT\s+NULL\b|\bPRIMARY\s+KEY\b/i.test(action);
    return [
      { type: "add_column", table, column: nameFromText(m[1]), notNull, hasDefault: /\bDEFAULT\b/i.test(action) },
    ];
  }
  m = new RegExp(String.raw`^RENAME\s+COLUMN\s+(${ID})\s+TO\s+(${ID})`, "i").exec(action);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    return [{ type: "rename_column", table, column: nameFromText(m[1]), to: nameFromText(m[2]) }];
  }
  m = new RegExp(String.raw`^RENAME\s+(?:TO|AS)\s+(${QUALIFIED})`, "i").exec(action);
  if (m?.[1] !== undefined) return [{ type: "rename_table", table, to: nameFromText(m[1]) }];
  // MySQL CHANGE [COLUMN] old new type: a rename when the names differ, and always a restated type.
  m = new RegExp(String.raw`^CHANGE\s+(?:COLUMN\s+)?(${ID})\s+(${ID})\s+(.+)$`, "is").exec(action);
  if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    const [from, to] = [nameFromText(m[1]), nameFromText(m[2])];
    const type: OperationDetail = { type: "alter_column_type", table, column: to, dataType: m[3].trim() };
    return from === to ? [type] : [{ type: "rename_column", table, column: from, to }, type];
  }
  m = new RegExp(String.raw`^MODIFY\s+(?:COLUMN\s+)?(${ID})\s+(.+)$`, "is").exec(action);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    return [{ type: "alter_column_type", table, column: nameFromText(m[1]), dataType: m[2].trim() }];
  }
  m = new RegExp(
    String.raw`^ALTER\s+(?:COLUMN\s+)?(${ID})\s+(?:SET\s+DATA\s+)?TYPE\s+(.+?)(?:\s+USING\b.*)?$`,
    "is",
  ).exec(action);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    return [{ type: "alter_column_type", table, column: nameFromText(m[1]), dataType: m[2].trim() }];
  }
  return [{ type: "other", kind: "alter_table" }];
}

function alterTable(text: string): OperationDetail[] {
  const head = new RegExp(
    String.raw`^ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})\s*`,
    "i",
  ).exec(text);
  if (head?.[1] === undefined) return [{ type: "other", kind: "alter_table" }];
  const table = nameFromText(head[1]);
  return splitTopLevel(text.slice(head[0].length)).flatMap((action) => alterAction(table, action));
}

function firstTable(text: string, pattern: string): string {
  const m = new RegExp(`${pattern}(${QUALIFIED})`, "i").exec(text);
  return m?.[1] === undefined ? "" : nameFromText(m[1]);
}

export function textOperations(statement: SqlStatement): OperationDetail[] {
  const text = statement.text;
  switch (statement.kind) {
    case "alter_table":
      return alterTable(text);
    case "create_table":
      return [{ type: "create_table", table: firstTable(text, String.raw`\bTABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`) }];
    case "drop_table":
      return [{ type: "drop_table", table: firstTable(text, String.raw`\bTABLE\s+(?:IF\s+EXISTS\s+)?`) }];
    case "truncate":
      return [{ type: "truncate", table: firstTable(text, String.raw`^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?`) }];
    case "create_index":
      return [
        {
          type: "create_index",
          table: firstTable(text, String.raw`\bON\s+(?:ONLY\s+)?`),
          name: null,
          concurrently: /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\b/i.test(text),
          unique: /^CREATE\s+UNIQUE\b/i.test(text),
        },
      ];
    case "rename_table": {
      const m = new RegExp(String.raw`^RENAME\s+TABLES?\s+(${QUALIFIED})\s+TO\s+(${QUALIFIED})`, "i").exec(text);
      if (m?.[1] === undefined || m[2] === undefined) break;
      return [{ type: "rename_table", table: nameFromText(m[1]), to: nameFromText(m[2]) }];
    }
    case "insert":
      return [{ type: "dml", verb: "insert", table: firstTable(text, String.raw`\bINTO\s+`), hasWhere: false }];
    case "update":
      return [
        {
          type: "dml",
          verb: "update",
          table: firstTable(text, String.raw`^UPDATE\s+(?:ONLY\s+)?`),
          hasWhere: /\bWHERE\b/i.test(text),
        },
      ];
    case "delete":
      return [
        {
          type: "dml",
          verb: "delete",
          table: firstTable(text, String.raw`\bFROM\s+(?:ONLY\s+)?`),
          hasWhere: /\bWHERE\b/i.test(text),
        },
      ];
  }
  return [{ type: "other", kind: statement.kind }];
}
