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

/** How a column's type changes from `from` to `to`. */
export function compareTypes(from: string, to: string): "same" | "widening" | "change" {
  const a = parseDataType(from);
  const b = parseDataType(to);
  if (a.base === b.base && a.args.join(",") === b.args.join(",")) return "same";
  const unbounded = b.args.length === 0;
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
