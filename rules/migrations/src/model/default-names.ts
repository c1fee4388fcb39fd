// The name an engine or ORM gives an index or constraint written without one: a down that drops
// `orders_email_key` undoes the up's unnamed `UNIQUE (email)`. One function per engine and ORM, so
// the ORM readers (model/orm) can name what their helpers create the same way.
import { createHash } from "node:crypto";

export type NamedKind = "primary_key" | "unique" | "foreign_key" | "check" | "exclude" | "index";

export interface Unnamed {
  table: string;
  /** The columns as written (for a CHECK: the columns its expression names, first one first). */
  columns: readonly string[];
  kind: NamedKind;
}

// PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1).
const PG_MAX_BYTES = 63;

/** `text` cut to at most `bytes` UTF-8 bytes without splitting a character (pg_mbcliplen). */
function clipBytes(text: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * PostgreSQL's makeObjectName: `name1_name2_label`, shortening the longer of name1 and name2 one
 * byte at a time until the whole fits in 63 bytes (the label is never cut).
 */
export function postgresObjectName(name1: string, name2: string | null, label: string): string {
  const overhead = Buffer.byteLength(label) + 1 + (name2 === null ? 0 : 1);
  const available = PG_MAX_BYTES - overhead;
  let length1 = Buffer.byteLength(name1);
  let length2 = name2 === null ? 0 : Buffer.byteLength(name2);
  while (length1 + length2 > available) {
    if (length1 > length2) length1--;
    else length2--;
  }
  const first = clipBytes(name1, length1);
  return name2 === null ? `${first}_${label}` : `${first}_${clipBytes(name2, length2)}_${label}`;
}

const PG_LABEL: Record<NamedKind, string> = {
  primary_key: "pkey",
  unique: "key",
  foreign_key: "fkey",
  check: "check",
  exclude: "excl",
  index: "idx",
};

/**
 * PostgreSQL (ChooseIndexName, ChooseConstraintName): `<table>_pkey`, `<table>_<cols>_key|fkey|idx|excl`,
 * `<table>_<first column>_check` (`<table>_check` when the CHECK names no column). A second object
 * with the same name gets a number appended; that cannot be known from one migration.
 */
export function postgresDefaultName({ table, columns, kind }: Unnamed): string {
  if (kind === "primary_key") return postgresObjectName(table, null, PG_LABEL[kind]);
  if (kind === "check") {
    const first = columns[0];
    return postgresObjectName(table, first ?? null, "check");
  }
  if (columns.length === 0) return postgresObjectName(table, null, PG_LABEL[kind]);
  return postgresObjectName(table, columns.join("_"), PG_LABEL[kind]);
}

/**
 * MySQL (InnoDB): an unnamed index or UNIQUE takes its first column's name, the primary key is
 * `PRIMARY`; an unnamed foreign key or CHECK is numbered per table (`t_ibfk_1`, `t_chk_1`), which
 * needs the table's history: null.
 */
export function mysqlDefaultName({ columns, kind }: Unnamed): string | null {
  if (kind === "primary_key") return "PRIMARY";
  if (kind === "index" || kind === "unique") return columns[0] ?? null;
  return null;
}

/** SQLite: unnamed constraints become `sqlite_autoindex_<table>_<n>` and cannot be dropped on their own. */
export function sqliteDefaultName(_unnamed: Unnamed): string | null {
  return null;
}

/** knex: `<table>_<cols>_unique|index|foreign|primary`, lower case, `-` and `.` made `_`. */
export function knexDefaultName({ table, columns, kind }: Unnamed): string | null {
  const suffix: Partial<Record<NamedKind, string>> = {
    unique: "unique",
    index: "index",
    foreign_key: "foreign",
    primary_key: "pkey",
  };
  const type = suffix[kind];
  if (type === undefined) return null;
  const name = kind === "primary_key" ? `${table}_${type}` : `${table}_${columns.join("_")}_${type}`;
  return name.toLowerCase().replace(/[-.]/g, "_");
}

/** Sequelize's `underscore`: camelCase words split with `_`, lower case. */
function underscore(text: string): string {
  return text
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2")
    .replace(/-/g, "_")
    .toLowerCase();
}

/**
 * Sequelize: `addIndex` names `<table>_<cols>` underscored; `addConstraint` names
 * `<table>_<cols>_uk|pk|ck` and a foreign key `<table>_<cols>_<referenced table>_fk` (unknown here: null).
 */
export function sequelizeDefaultName({ table, columns, kind }: Unnamed): string | null {
  const joined = `${table}_${columns.join("_")}`;
  switch (kind) {
    case "index":
      return underscore(joined);
    case "unique":
      return `${joined}_uk`;
    case "primary_key":
      return `${joined}_pk`;
    case "check":
      return `${joined}_ck`;
    default:
      return null;
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/**
 * TypeORM's DefaultNamingStrategy: a prefix and the SHA-1 of `<table>_<sorted cols>`, cut to 30
 * characters (`PK_`, `UQ_`, `FK_` + 27 hex, `IDX_` + 26). A CHECK hashes its expression: null here.
 */
export function typeormDefaultName({ table, columns, kind }: Unnamed): string | null {
  const key = `${table}_${[...columns].sort().join("_")}`;
  const prefix: Partial<Record<NamedKind, string>> = {
    primary_key: "PK_",
    unique: "UQ_",
    foreign_key: "FK_",
    index: "IDX_",
  };
  const start = prefix[kind];
  if (start === undefined) return null;
  return `${start}${sha1(key)}`.slice(0, 30);
}

/** The name the database gives an unnamed index or constraint in SQL of this dialect, or null when unknowable. */
export function engineDefaultName(dialect: string, unnamed: Unnamed): string | null {
  if (unnamed.table === "") return null;
  if (dialect === "postgresql") return postgresDefaultName(unnamed);
  if (dialect === "mysql" || dialect === "mariadb") return mysqlDefaultName(unnamed);
  if (dialect === "sqlite") return sqliteDefaultName(unnamed);
  return null;
}
