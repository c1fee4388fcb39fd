// Column types compared as the database sees them: aliases folded (int4 = integer, character
// varying = varchar), modifiers read (varchar(255), numeric(10,2)), so a type change can be told
// from a restatement or a binary-compatible widening.

export interface DataType {
  /** Canonical base name, with `[]` for arrays: "varchar", "integer", "timestamptz", "text[]". */
  base: string;
  /** Modifiers in parentheses: [255] for varchar(255), [10, 2] for numeric(10,2). */
  args: number[];
}

const ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  integer: "integer",
  int8: "bigint",
  int2: "smallint",
  "character varying": "varchar",
  "char varying": "varchar",
  character: "char",
  bpchar: "char",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "time without time zone": "time",
  "time with time zone": "timetz",
  bool: "boolean",
  float8: "double precision",
  float4: "real",
  decimal: "numeric",
  serial4: "serial",
  serial8: "bigserial",
  serial2: "smallserial",
  "bit varying": "varbit",
};

export function parseDataType(text: string): DataType {
  let rest = text.trim().toLowerCase().replace(/^"|"$/g, "").replace(/\s+/g, " ");
  const array = /(\[\s*\d*\s*\])+$|\s+array$/.test(rest);
  rest = rest.replace(/(\[\s*\d*\s*\])+$|\s+array$/, "");
  const args = (/\(([^)]*)\)/.exec(rest)?.[1] ?? "")
    .split(",")
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((n) => !Number.isNaN(n));
  // `timestamp(3) with time zone`: the modifier sits inside the name.
  const name = rest
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .trim()
    .replace(/^pg_catalog\./, "");
  const base = ALIASES[name] ?? name.replace(/ unsigned$| signed$/, "");
  return { base: array ? `${base}[]` : base, args };
}

// A serial column is stored as the integer type it stands for: SERIAL then INTEGER is no change.
const STORED_AS: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };

/** The type a column holds once created: serial types become their integer type. */
function stored(type: DataType): DataType {
  const array = type.base.endsWith("[]") ? "[]" : "";
  const base = type.base.replace(/\[\]$/, "");
  return { base: `${STORED_AS[base] ?? base}${array}`, args: type.args };
}

// Types whose precision modifier PostgreSQL drops without a rewrite when it grows or goes away.
const PRECISION_TYPES = new Set(["timestamp", "timestamptz", "time", "timetz", "interval"]);

/**
 * How a column's type changes from `from` to `to`. "timezone" is timestamp to timestamptz: stored
 * values are read in the session time zone, and PostgreSQL 12+ skips the rewrite only when it is UTC.
 */
export function compareTypes(from: string, to: string): "same" | "widening" | "timezone" | "change" {
  const a = stored(parseDataType(from));
  const b = stored(parseDataType(to));
  if (a.base === b.base && a.args.join(",") === b.args.join(",")) return "same";
  const unbounded = b.args.length === 0;
  const widerPrecision = unbounded || (b.args[0] ?? 0) >= (a.args[0] ?? Infinity);
  if (PRECISION_TYPES.has(a.base) && a.base === b.base && widerPrecision) return "widening";
  if (a.base === "timestamp" && b.base === "timestamptz" && (a.args.length === 0 || widerPrecision)) {
    return "timezone";
  }
  const textual = (base: string) => base === "varchar" || base === "text";
  if (a.base === "varchar" && textual(b.base) && (unbounded || (b.args[0] ?? 0) >= (a.args[0] ?? Infinity)))
    return "widening";
  if (a.base === "text" && b.base === "varchar" && unbounded) return "widening";
  if (a.base === "varbit" && b.base === "varbit" && (unbounded || (b.args[0] ?? 0) >= (a.args[0] ?? Infinity)))
    return "widening";
  if (a.base === "numeric" && b.base === "numeric") {
    if (unbounded) return "widening";
    const [p1 = 0, s1 = 0] = a.args;
    const [p2 = 0, s2 = 0] = b.args;
    // More precision with the same scale keeps every stored value as it is.
    if (a.args.length > 0 && s1 === s2 && p2 >= p1) return "widening";
  }
  if (a.base === "cidr" && b.base === "inet") return "widening";
  return "change";
}

// Built-in type names, printed in their canonical form; any other name is a user type (an enum, a
// domain) and is printed as written, without its quotes.
const BUILT_IN = new Set([
  ...Object.values(ALIASES),
  ..."text varchar char integer bigint smallint numeric real boolean date time timetz timestamp timestamptz interval uuid json jsonb bytea inet cidr macaddr money xml tsvector bit varbit float double datetime tinyint mediumint tinytext mediumtext longtext blob longblob mediumblob tinyblob year citext".split(
    " ",
  ),
]);

/**
 * A type as messages name it, the same way wherever it was written: canonical and lower-case for
 * built-in types (`CHARACTER VARYING(40)` and `varchar(40)` both read `varchar(40)`), user types as
 * written without quotes (`"Role"` reads `Role`). `stored` names a serial column by its integer type,
 * as it is once created.
 */
export function typeName(text: string, options: { stored?: boolean } = {}): string {
  const parsed = options.stored ? stored(parseDataType(text)) : parseDataType(text);
  const element = parsed.base.replace(/\[\]$/, "");
  if (!BUILT_IN.has(element)) return text.trim().replace(/"/g, "").replace(/\s+/g, " ");
  const args = parsed.args.length > 0 ? `(${parsed.args.join(",")})` : "";
  return `${element}${args}${parsed.base.endsWith("[]") ? "[]" : ""}`;
}
