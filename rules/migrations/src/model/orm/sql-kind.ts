// A statement's kind from its leading keywords, for SQL embedded in scripts (the rule API has no
// SQL parser for a literal yet), with the same names the SQL source gives its statements.

const OBJECTS = new Set(["TABLE", "INDEX", "VIEW", "TYPE", "SCHEMA", "DATABASE", "EXTENSION", "FUNCTION", "PROCEDURE"]);
const MORE_OBJECTS = new Set(["TRIGGER", "SEQUENCE", "DOMAIN", "POLICY", "ROLE", "USER", "MATERIALIZED"]);
const MODIFIERS = new Set(["OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE", "FULLTEXT", "SPATIAL"]);

const SINGLE: Record<string, string> = {
  TRUNCATE: "truncate",
  INSERT: "insert",
  REPLACE: "insert",
  UPDATE: "update",
  DELETE: "delete",
  MERGE: "merge",
  SELECT: "select",
  WITH: "with",
  BEGIN: "begin",
  START: "begin",
  COMMIT: "commit",
  END: "commit",
  ROLLBACK: "rollback",
  SET: "set",
  LOCK: "lock_table",
  VACUUM: "vacuum",
  ANALYZE: "analyze",
  CLUSTER: "cluster",
  REINDEX: "reindex",
  COMMENT: "comment",
  GRANT: "grant",
  REVOKE: "revoke",
  DO: "do",
  OPTIMIZE: "optimize_table",
  PRAGMA: "pragma",
  SHOW: "show",
};

export function kindOfSql(text: string): string {
  const words = (text.match(/[A-Za-z_]+/g) ?? []).slice(0, 8).map((word) => word.toUpperCase());
  const [first, second] = words;
  if (first === undefined) return "unknown";
  if (first === "RENAME" && second === "TABLE") return "rename_table";
  if (first === "CREATE" || first === "ALTER" || first === "DROP") {
    const object = words.slice(1).find((word) => !MODIFIERS.has(word));
    if (object === "MATERIALIZED") return `${first.toLowerCase()}_view`;
    if (object !== undefined && (OBJECTS.has(object) || MORE_OBJECTS.has(object))) {
      return `${first.toLowerCase()}_${object.toLowerCase()}`;
    }
    return "unknown";
  }
  return SINGLE[first] ?? "unknown";
}
