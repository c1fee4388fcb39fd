// Classifies a statement by its leading keywords, so rules see a kind ("lock_table", "create_index",
// …) whether or not the parser understood the statement.
import { type ScanOptions, scanToken } from "./lexer.js";

// Objects named after CREATE / ALTER / DROP; the kind is `<verb>_<object>`.
const OBJECTS: Record<string, string> = {
  TABLE: "table",
  TABLES: "table",
  INDEX: "index",
  VIEW: "view",
  TYPE: "type",
  SCHEMA: "schema",
  DATABASE: "database",
  EXTENSION: "extension",
  FUNCTION: "function",
  PROCEDURE: "procedure",
  TRIGGER: "trigger",
  SEQUENCE: "sequence",
  DOMAIN: "domain",
  POLICY: "policy",
  ROLE: "role",
  USER: "user",
  RULE: "rule",
  EVENT: "event",
  COLLATION: "collation",
  PUBLICATION: "publication",
  SUBSCRIPTION: "subscription",
  SERVER: "server",
  TABLESPACE: "tablespace",
  STATISTICS: "statistics",
  OPERATOR: "operator",
  CAST: "cast",
  CONVERSION: "conversion",
  LANGUAGE: "language",
  AGGREGATE: "aggregate",
};

// Words between the verb and the object that do not change what the statement is.
const MODIFIERS = new Set([
  "OR",
  "REPLACE",
  "TEMP",
  "TEMPORARY",
  "UNLOGGED",
  "GLOBAL",
  "LOCAL",
  "UNIQUE",
  "FULLTEXT",
  "SPATIAL",
  "RECURSIVE",
  "MATERIALIZED",
  "CONSTRAINT",
  "TRUSTED",
  "PROCEDURAL",
  "ONLINE",
  "OFFLINE",
  "IGNORE",
  "VIRTUAL",
  "DEFAULT",
  "FOREIGN",
]);
// Modifiers that carry a value (`DEFINER = x`, `ALGORITHM = MERGE`, `SQL SECURITY DEFINER`).
const VALUED_MODIFIERS = new Set(["DEFINER", "ALGORITHM", "SQL", "SECURITY"]);

// Statements named by their first word (or two).
const SINGLE: Record<string, string> = {
  TRUNCATE: "truncate",
  INSERT: "insert",
  REPLACE: "insert",
  UPSERT: "insert",
  UPDATE: "update",
  DELETE: "delete",
  MERGE: "merge",
  SELECT: "select",
  VALUES: "select",
  TABLE: "select",
  WITH: "with",
  BEGIN: "begin",
  COMMIT: "commit",
  END: "commit",
  ROLLBACK: "rollback",
  ABORT: "rollback",
  SAVEPOINT: "savepoint",
  RELEASE: "release_savepoint",
  SET: "set",
  RESET: "reset",
  LOCK: "lock_table",
  UNLOCK: "unlock_tables",
  VACUUM: "vacuum",
  ANALYZE: "analyze",
  ANALYSE: "analyze",
  CLUSTER: "cluster",
  REINDEX: "reindex",
  COPY: "copy",
  COMMENT: "comment",
  GRANT: "grant",
  REVOKE: "revoke",
  DO: "do",
  CALL: "call",
  EXEC: "call",
  EXECUTE: "execute",
  PREPARE: "prepare",
  DEALLOCATE: "deallocate",
  PRAGMA: "pragma",
  EXPLAIN: "explain",
  SHOW: "show",
  DESCRIBE: "show",
  DESC: "show",
  USE: "use",
  OPTIMIZE: "optimize_table",
  CHECKPOINT: "checkpoint",
  DISCARD: "discard",
  NOTIFY: "notify",
  LISTEN: "listen",
  UNLISTEN: "listen",
  FLUSH: "flush",
  ATTACH: "attach",
  DETACH: "detach",
  DECLARE: "declare",
  SECURITY: "security_label",
  IMPORT: "import_foreign_schema",
  LOAD: "load",
  REASSIGN: "reassign_owned",
};

const MAX_WORDS = 12;

/**
 * The first words of the statement, upper-cased; a `(` before any word counts as "(". Read lazily:
 * most statements are told by their first two or three words, and scanning twelve (deep into a
 * CREATE TABLE's column list) for each of a history's statements was most of the classifying.
 */
class LeadingWords {
  private readonly words: string[] = [];
  private readonly options: ScanOptions;
  private at = 0;

  constructor(private readonly text: string) {
    // The lexer's dialect only matters for quotes and comments here; MySQL's rules know `#` comments and
    // backticks, and quoted names never decide a kind.
    this.options = { text, dialect: "mysql" };
  }

  /** The n-th word (0-based), or undefined when the statement has fewer (only the first MAX_WORDS count). */
  word(n: number): string | undefined {
    while (this.words.length <= n && this.words.length < MAX_WORDS && this.at < this.text.length) {
      const token = scanToken(this.options, this.at);
      this.at = token.end;
      if (token.type === "word") this.words.push(this.text.slice(token.start, token.end).toUpperCase());
      else if (token.type === "punct" && this.words.length === 0 && this.text[token.start] === "(")
        this.words.push("(");
    }
    return this.words[n];
  }

  /** Whether `word` is among the words after the n-th. */
  laterIncludes(n: number, word: string): boolean {
    for (let i = n + 1; this.word(i) !== undefined; i++) if (this.words[i] === word) return true;
    return false;
  }
}

/** The object of CREATE / ALTER / DROP, skipping modifiers: ["view"] for CREATE OR REPLACE VIEW. */
function objectOf(words: LeadingWords): string | null {
  let valued = false;
  for (let i = 1; ; i++) {
    const word = words.word(i);
    if (word === undefined) return null;
    const object = OBJECTS[word];
    // The words before this one are modifiers (none is TRIGGER), so only the later ones can say it.
    if (word === "EVENT" && words.laterIncludes(i, "TRIGGER")) return "event_trigger";
    if (object !== undefined) return object;
    if (VALUED_MODIFIERS.has(word)) valued = true;
    else if (!MODIFIERS.has(word) && !valued) return null;
  }
}

function classifyDdl(words: LeadingWords): string {
  const verb = (words.word(0) ?? "").toLowerCase();
  if (verb === "alter" && words.word(1) === "DEFAULT" && words.word(2) === "PRIVILEGES")
    return "alter_default_privileges";
  if (verb === "drop" && words.word(1) === "OWNED") return "drop_owned";
  const object = objectOf(words);
  return object === null ? "unknown" : `${verb}_${object}`;
}

export function classifyStatement(text: string): string {
  const words = new LeadingWords(text);
  const first = words.word(0);
  if (first === undefined) return "unknown";
  if (first === "(") return "select";
  if (first === "CREATE" || first === "ALTER" || first === "DROP") return classifyDdl(words);
  const second = words.word(1);
  if (first === "RENAME") return second === "TABLE" || second === "TABLES" ? "rename_table" : "unknown";
  if (first === "START") return second === "TRANSACTION" ? "begin" : "unknown";
  if (first === "REFRESH") return second === "MATERIALIZED" ? "refresh_materialized_view" : "unknown";
  if (first === "ROLLBACK" && (second === "TO" || words.word(2) === "TO")) return "rollback_to_savepoint";
  if (first === "COMMENT" && second !== "ON") return "unknown";
  return SINGLE[first] ?? "unknown";
}
