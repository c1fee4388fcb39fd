// Whether a DEFAULT expression is volatile: PostgreSQL 11+ adds a column with a constant or stable
// default without touching rows, but a volatile default is evaluated for every row (a rewrite).
// A function is volatile unless it is a built-in known not to be, or the migration declares it
// IMMUTABLE or STABLE: CREATE FUNCTION's default is VOLATILE.

export type Volatility = "immutable" | "stable" | "volatile";

// Built-ins PostgreSQL marks IMMUTABLE or STABLE that migrations use in defaults (pg_proc.provolatile).
const NOT_VOLATILE = new Set(
  [
    // time: now() and friends are STABLE (one value per transaction)
    "now",
    "current_timestamp",
    "current_time",
    "current_date",
    "localtime",
    "localtimestamp",
    "transaction_timestamp",
    "statement_timestamp",
    "current_setting",
    "date_trunc",
    "date_part",
    "extract",
    "make_date",
    "make_time",
    "make_timestamp",
    "make_timestamptz",
    "make_interval",
    "to_timestamp",
    "to_date",
    "to_char",
    "timezone",
    "age",
    // text, numbers, json, arrays
    "lower",
    "upper",
    "length",
    "concat",
    "concat_ws",
    "substring",
    "substr",
    "replace",
    "trim",
    "btrim",
    "ltrim",
    "rtrim",
    "lpad",
    "rpad",
    "md5",
    "encode",
    "decode",
    "abs",
    "round",
    "floor",
    "ceil",
    "ceiling",
    "greatest",
    "least",
    "coalesce",
    "nullif",
    "to_json",
    "to_jsonb",
    "json_build_object",
    "jsonb_build_object",
    "json_build_array",
    "jsonb_build_array",
    "array_fill",
    "string_to_array",
    "uuid_nil",
    "current_schema",
    "pg_current_xact_id_if_assigned",
    // syntax that looks like a call: casts, constructors and type names with a modifier
    "cast",
    "array",
    "row",
    "interval",
    "numeric",
    "decimal",
    "varchar",
    "char",
    "timestamp",
    "timestamptz",
    "time",
    "bit",
  ].map((name) => name.toLowerCase()),
);

// A call: a (possibly schema-qualified) name right before "(", outside strings and quoted names.
const CALL = /(?:"([^"]+)"|([A-Za-z_][\w$]*))\s*\(/g;

function withoutStrings(expression: string): string {
  return expression.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|[eE]?'(?:[^'\\]|''|\\.)*'/g, "''");
}

/** The functions a default expression calls, by their unqualified, lower-cased name. */
export function calledFunctions(expression: string): string[] {
  const names: string[] = [];
  const text = withoutStrings(expression);
  for (const match of text.matchAll(CALL)) {
    const name = match[1] ?? (match[2] ?? "").toLowerCase();
    // `::varchar(10)` is a type, not a call.
    const before = text.slice(0, match.index).trimEnd();
    if (before.endsWith("::")) continue;
    names.push(name);
  }
  return names;
}

/**
 * Is the default volatile? `declared` holds the volatility of functions the migration history creates
 * (by unqualified, lower-cased name); any other function not known to be non-volatile is volatile.
 */
export function isVolatileDefault(
  expression: string | null,
  declared: ReadonlyMap<string, Volatility> = new Map(),
): boolean {
  if (expression === null) return false;
  return callsVolatile(calledFunctions(expression), declared);
}

/** Whether any of these called functions is volatile, given the history's own declarations. */
export function callsVolatile(names: readonly string[], declared: ReadonlyMap<string, Volatility>): boolean {
  return names.some((name) => {
    const own = declared.get(name);
    if (own !== undefined) return own === "volatile";
    return !NOT_VOLATILE.has(name);
  });
}

/**
 * The expression as a message may quote it: its string arguments may be a value that must not be
 * printed (crypt('the password', gen_salt('bf'))), so every literal shows as '…'.
 */
export function withoutLiterals(expression: string): string {
  return expression.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|[eE]?'(?:[^'\\]|''|\\.)*'/g, "'…'");
}

const CREATE_FUNCTION =
  /^CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(?:(?:"[^"]+"|[\w$]+)\s*\.\s*)?(?:"([^"]+)"|([\w$]+))\s*\(/i;

/**
 * The name and declared volatility of a CREATE FUNCTION statement, or null for any other statement.
 * The body (a dollar-quoted string) is left out, so a word inside it never counts.
 */
export function declaredFunction(text: string): { name: string; volatility: Volatility } | null {
  const head = CREATE_FUNCTION.exec(text.trim());
  if (head === null) return null;
  const name = head[1] ?? (head[2] ?? "").toLowerCase();
  const options = withoutStrings(text);
  const volatility: Volatility = /\bIMMUTABLE\b/i.test(options)
    ? "immutable"
    : /\bSTABLE\b/i.test(options)
      ? "stable"
      : "volatile";
  return { name, volatility };
}

/** The volatility of each function the given statements create (a migration's own CREATE FUNCTIONs). */
export function functionsDeclaredIn(statements: readonly { text: string }[]): Map<string, Volatility> {
  const declared = new Map<string, Volatility>();
  for (const statement of statements) {
    const found = declaredFunction(statement.text);
    if (found !== null) declared.set(found.name, found.volatility);
  }
  return declared;
}
