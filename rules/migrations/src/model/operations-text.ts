// Operations read from a statement's text, for statements the parser rejected (MySQL CHANGE/MODIFY,
// ALGORITHM= clauses, LOCK TABLE, VACUUM, …) and for details the CST path reads the same way.
import type { SqlStatement } from "@deploylint/core/rule-api";
import { accessKind } from "./access.js";
import { alterActionOperations, mysqlTableOptions, QUALIFIED } from "./alter-actions-text.js";
import { createTableColumns } from "./columns-text.js";
import { columnsOfFirstList, indexDependencies } from "./key-columns.js";
import { nameFromText } from "./names.js";
import { splitTopLevel } from "./tokens.js";
import type { MaintenanceVerb, OperationDetail } from "./types.js";

function re(source: string, flags = "i"): RegExp {
  return new RegExp(source, flags);
}

// Each pattern is built once: constructing a RegExp per statement cost more than matching it.
// The keyed ones are built on first use from the constant pieces their callers pass.
const ALTER_TABLE_HEAD = re(
  String.raw`^ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})\s*`,
);
const CREATE_INDEX = re(
  String.raw`^CREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED}\s+)?ON\s+(?:ONLY\s+)?(${QUALIFIED})`,
);
// Global, but only ever used by match/matchAll, which start from the beginning whatever lastIndex says.
const QUALIFIED_NAMES = re(QUALIFIED, "gi");
const RENAME_PAIRS = re(String.raw`(${QUALIFIED})\s+TO\s+(${QUALIFIED})`, "gi");
const TYPE_RENAME = re(String.raw`^ALTER\s+TYPE\s+(${QUALIFIED})\s+RENAME\s+TO\s+(${QUALIFIED})\s*$`);
const TYPE_ADD_VALUE = re(String.raw`^ALTER\s+TYPE\s+${QUALIFIED}\s+ADD\s+VALUE\b`);
const NAME_AFTER = new Map<string, RegExp>();
const DROP_LIST = new Map<string, RegExp>();

function cached(cache: Map<string, RegExp>, key: string, build: () => RegExp): RegExp {
  let found = cache.get(key);
  if (found === undefined) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

function firstName(text: string, pattern: string): string {
  const m = cached(NAME_AFTER, pattern, () => re(`${pattern}(${QUALIFIED})`)).exec(text);
  return m?.[1] === undefined ? "" : nameFromText(m[1]);
}

/** Names of a `DROP … [IF EXISTS] a, b [CASCADE]` list. */
function dropList(text: string, object: string): string[] {
  const m = cached(DROP_LIST, object, () =>
    re(String.raw`^DROP\s+${object}\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?([\s\S]*)$`),
  ).exec(text);
  if (m?.[1] === undefined) return [""];
  const list = m[1].replace(/\s+(CASCADE|RESTRICT)\s*$/i, "").replace(/\s+ON\s+[\s\S]*$/i, "");
  return splitTopLevel(list).map((item) => nameFromText(item));
}

function alterTable(text: string): OperationDetail[] {
  const head = ALTER_TABLE_HEAD.exec(text);
  if (head?.[1] === undefined) return [{ type: "other", kind: "alter_table" }];
  const table = nameFromText(head[1]);
  return withTableOptions(
    table,
    text,
    splitTopLevel(text.slice(head[0].length)).flatMap((action) => alterActionOperations(table, action)),
  );
}

/** Adds a `table_options` operation when a MySQL ALTER TABLE names ALGORITHM= or LOCK=. */
export function withTableOptions(table: string, text: string, operations: OperationDetail[]): OperationDetail[] {
  const { algorithm, lock } = mysqlTableOptions(text.replace(/^ALTER\s+TABLE\s+\S+/i, ""));
  if (algorithm === null && lock === null) return operations;
  return [...operations, { type: "table_options", table, algorithm, lock }];
}

export function createIndex(text: string): OperationDetail {
  const m = CREATE_INDEX.exec(text);
  const { algorithm, lock } = mysqlTableOptions(text);
  // The column list follows the table (after an optional USING method).
  const keyColumns = m === null ? undefined : (columnsOfFirstList(text, m[0].length) ?? undefined);
  const dependsOn = m === null ? undefined : indexDependencies(text.slice(m[0].length));
  return {
    type: "create_index",
    table: m?.[4] === undefined ? "" : nameFromText(m[4]),
    name: m?.[3] === undefined ? null : nameFromText(m[3]),
    concurrently: m?.[2] !== undefined,
    unique: /^UNIQUE/i.test(m?.[1] ?? ""),
    online: lock === "NONE" && algorithm !== "COPY",
    ...(keyColumns === undefined ? {} : { keyColumns }),
    ...(dependsOn === undefined ? {} : { dependsOn }),
  };
}

function dropIndex(text: string): OperationDetail[] {
  const concurrently = /^DROP\s+INDEX\s+CONCURRENTLY\b/i.test(text);
  // MySQL: DROP INDEX name ON table.
  const table = firstName(text, String.raw`\bON\s+`);
  return dropList(text, "INDEX").map((name) => ({ type: "drop_index", table, name, concurrently }));
}

/** The verb of a `WITH … AS (…) UPDATE|DELETE|INSERT|MERGE` statement. */
function withVerb(text: string): "insert" | "update" | "delete" | "merge" | null {
  const found = [...text.matchAll(/\)\s*(INSERT|UPDATE|DELETE|MERGE)\b/gi)].pop();
  return (found?.[1]?.toLowerCase() as "insert" | "update" | "delete" | "merge" | undefined) ?? null;
}

export function isBatched(text: string): boolean {
  return /\bLIMIT\b|\bctid\b|\bBETWEEN\b/i.test(text);
}

function dml(verb: "insert" | "update" | "delete" | "merge", text: string): OperationDetail {
  const body = text.replace(/^WITH\b[\s\S]*?\)\s*(?=(INSERT|UPDATE|DELETE|MERGE)\b)/i, "");
  const patterns = {
    insert: String.raw`\bINTO\s+`,
    update: String.raw`^UPDATE\s+(?:ONLY\s+)?`,
    delete: String.raw`\bFROM\s+(?:ONLY\s+)?`,
    merge: String.raw`\bINTO\s+`,
  };
  return {
    type: "dml",
    verb,
    table: firstName(body, patterns[verb]),
    hasWhere: /\bWHERE\b/i.test(body),
    batched: isBatched(body),
  };
}

function maintenance(verb: MaintenanceVerb, text: string): OperationDetail {
  const words = text.replace(/\([^)]*\)/g, " ").match(QUALIFIED_NAMES) ?? [];
  const keywords =
    /^(VACUUM|FULL|FREEZE|VERBOSE|ANALYZE|ANALYSE|CLUSTER|REINDEX|TABLE|INDEX|SCHEMA|DATABASE|SYSTEM|CONCURRENTLY|LOCK|IN|ONLY|MODE|ACCESS|EXCLUSIVE|SHARE|ROW|UPDATE|NOWAIT|NO_WRITE_TO_BINLOG|LOCAL|OPTIMIZE|USING|READ|WRITE|ON)$/i;
  const table = words.find((word) => !keywords.test(word));
  return {
    type: "maintenance",
    verb,
    table: table === undefined ? "" : nameFromText(table),
    full: /^VACUUM\s+(?:\([^)]*\bFULL\b[^)]*\)|FULL\b)/i.test(text),
    concurrently: /\bCONCURRENTLY\b/i.test(text),
  };
}

function setting(text: string): OperationDetail {
  const m =
    /^SET\s+(?:SESSION\s+|LOCAL\s+|GLOBAL\s+|PERSIST\s+)?(?:@@(?:session\.|global\.)?)?([\w.]+)\s*(?:=|\bTO\b)\s*([\s\S]*)$/i.exec(
      text,
    );
  if (m?.[1] === undefined) return { type: "set", name: "", value: "" };
  return { type: "set", name: m[1].toLowerCase(), value: (m[2] ?? "").trim() };
}

function renameTables(text: string): OperationDetail[] {
  const pairs = [...text.matchAll(RENAME_PAIRS)];
  return pairs.map((m) => ({ type: "rename_table", table: nameFromText(m[1] ?? ""), to: nameFromText(m[2] ?? "") }));
}

/**
 * A statement's text without its final `;`: a goose StatementBegin/End block keeps it, and a name
 * read up to it (`DROP INDEX a;`) must not take it along.
 */
export function statementBody(text: string): string {
  // A loop from the end: the regular expression /[\s;]+$/ was retried at every run of spaces inside
  // a long statement (most of hatchet's CREATE TABLE and function texts).
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 59 || isRegExpSpace(text.charCodeAt(end - 1)))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The characters `\s` matches (ECMAScript's WhiteSpace and LineTerminator). */
function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

export function textOperations(statement: SqlStatement): OperationDetail[] {
  const text = statementBody(statement.text);
  const kind = statement.kind;
  const access = accessKind(kind, text);
  if (access !== null) return [{ type: "other", kind: access }];
  switch (kind) {
    case "alter_table":
      return alterTable(text);
    case "create_table": {
      const columns = createTableColumns(text);
      const table = firstName(text, String.raw`\bTABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`);
      return [{ type: "create_table", table, columns, asSelect: columns.length === 0 && /\bAS\b/i.test(text) }];
    }
    case "drop_table":
      return dropList(text, String.raw`(?:TEMPORARY\s+)?TABLES?`).map((table) => ({ type: "drop_table", table }));
    case "truncate": {
      const list = text
        .replace(/^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?/i, "")
        .replace(/\s+(RESTART|CONTINUE|CASCADE|RESTRICT)\b[\s\S]*$/i, "");
      return splitTopLevel(list).map((table) => ({ type: "truncate", table: nameFromText(table) }));
    }
    case "create_index":
      return [createIndex(text)];
    case "drop_index":
      return dropIndex(text);
    case "rename_table":
      return renameTables(text);
    case "create_schema":
      return [{ type: "create_schema", name: firstName(text, String.raw`\bSCHEMA\s+(?:IF\s+NOT\s+EXISTS\s+)?`) }];
    case "drop_schema":
    case "drop_database":
      return dropList(text, kind === "drop_schema" ? "SCHEMA" : "DATABASE").map((name) => ({
        type: kind === "drop_schema" ? "drop_schema" : "drop_database",
        name,
      }));
    case "create_type":
      return [{ type: "create_type", name: firstName(text, String.raw`\bTYPE\s+`) }];
    case "drop_type":
      return dropList(text, "TYPE").map((name) => ({ type: "drop_type", name }));
    case "alter_type": {
      // ALTER TYPE a RENAME TO b: the type the up created lives on under its new name.
      const rename = TYPE_RENAME.exec(text);
      // PostgreSQL cannot remove an enum value again: kept apart so a down is not asked to.
      if (TYPE_ADD_VALUE.test(text)) return [{ type: "other", kind: "alter_type_add_value" }];
      if (rename?.[1] === undefined || rename[2] === undefined) break;
      return [{ type: "rename_type", name: nameFromText(rename[1]), to: nameFromText(rename[2]) }];
    }
    case "insert":
    case "update":
    case "delete":
    case "merge":
      return [dml(kind, text)];
    case "with": {
      const verb = withVerb(text);
      return verb === null ? [{ type: "other", kind }] : [dml(verb, text)];
    }
    case "vacuum":
    case "cluster":
    case "reindex":
    case "lock_table":
    case "optimize_table":
      return [maintenance(kind, text)];
    case "begin":
    case "commit":
    case "rollback":
      return [{ type: "transaction", verb: kind }];
    case "set":
      return [setting(text)];
  }
  return [{ type: "other", kind }];
}
