// The SQL an ORM runs from a string or template literal: the cooked value (`\`` is a backtick, `\\`
// a backslash, `\n` a newline), with each `${…}` expanded to a placeholder, and a map from every
// position of that SQL back to the file, so findings point at what the author wrote.
import type { TSESTree } from "@deploylint/core/rule-api";

type Node = TSESTree.Node;

/** A run of the SQL text and where it came from in the file. */
interface Piece {
  /** Start in the SQL text. */
  at: number;
  length: number;
  /** Start and length of what the file has there (an escape or `${…}` is longer or shorter). */
  fileStart: number;
  fileLength: number;
  /** Character for character (so inner positions map exactly). */
  verbatim: boolean;
}

export interface SqlLiteral {
  text: string;
  /** Where the literal's text starts in the file. */
  offset: number;
  /** The file offset of a position in `text`. */
  toFile(position: number): number;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };

/** The cooked value of one escape at `raw[i]` (a backslash) and the raw length it spans. */
function escapeAt(raw: string, i: number): { value: string; length: number } {
  const next = raw[i + 1] ?? "";
  if (next === "\r" && raw[i + 2] === "\n") return { value: "", length: 3 };
  if (next === "\n" || next === "\r" || next === "\u2028" || next === "\u2029") return { value: "", length: 2 };
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined && !(next === "0" && /[0-9]/.test(raw[i + 2] ?? ""))) return { value: simple, length: 2 };
  const hex = next === "x" ? /^[0-9a-fA-F]{2}/.exec(raw.slice(i + 2)) : null;
  if (hex !== null) return { value: String.fromCharCode(Number.parseInt(hex[0], 16)), length: 4 };
  if (next === "u") {
    const braced = /^\{([0-9a-fA-F]+)\}/.exec(raw.slice(i + 2));
    if (braced?.[1] !== undefined) {
      return { value: String.fromCodePoint(Number.parseInt(braced[1], 16)), length: 2 + braced[0].length };
    }
    const four = /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2));
    if (four !== null) return { value: String.fromCharCode(Number.parseInt(four[0], 16)), length: 6 };
  }
  return { value: next, length: 2 };
}

class Builder {
  text = "";
  readonly pieces: Piece[] = [];

  /** Appends the cooked form of `raw`, which starts at `fileStart` in the file. */
  cook(raw: string, fileStart: number): void {
    let run = 0;
    const flush = (end: number) => {
      if (end > run) this.push(raw.slice(run, end), fileStart + run, end - run, true);
    };
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] !== "\\") continue;
      flush(i);
      const cooked = escapeAt(raw, i);
      this.push(cooked.value, fileStart + i, cooked.length, false);
      i += cooked.length - 1;
      run = i + 1;
    }
    flush(raw.length);
  }

  push(text: string, fileStart: number, fileLength: number, verbatim: boolean): void {
    this.pieces.push({ at: this.text.length, length: text.length, fileStart, fileLength, verbatim });
    this.text += text;
  }

  result(offset: number): SqlLiteral {
    const pieces = this.pieces;
    const last = pieces[pieces.length - 1];
    const toFile = (position: number): number => {
      for (const piece of pieces) {
        if (position < piece.at || position > piece.at + piece.length) continue;
        if (piece.verbatim) return piece.fileStart + (position - piece.at);
        // Inside an escape or a placeholder: its start, or its end for a range that ends with it.
        return position === piece.at + piece.length ? piece.fileStart + piece.fileLength : piece.fileStart;
      }
      return last === undefined ? offset : last.fileStart + last.fileLength;
    };
    return { text: this.text, offset, toFile };
  }
}

/** Where an interpolation sits: inside a quoted name, a string, a comment or dollar quote, or bare SQL. */
export type QuoteContext = '"' | "'" | "`" | "opaque" | null;

/** What a `${…}` stands for in the SQL: a name or a value, or SQL a nested template holds. */
export type Interpolate = (expression: Node, context: QuoteContext) => string;

/** The quoting open at the end of `text` (SQL so far), so a placeholder can fit into it. */
export function quoteContextAt(text: string): QuoteContext {
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "'" || ch === '"' || ch === "`") {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) return ch;
      i = close + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    const end =
      two === "--"
        ? text.indexOf("\n", i)
        : two === "/*"
          ? text.indexOf("*/", i + 2)
          : ch === "$"
            ? (() => {
                const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64))?.[0];
                if (tag === undefined) return -2;
                const close = text.indexOf(tag, i + tag.length);
                return close === -1 ? -1 : close + tag.length - 1;
              })()
            : -2;
    if (end === -1) return "opaque";
    i = end === -2 ? i + 1 : end + 1;
  }
  return null;
}

/**
 * The default placeholder: the interpolation as written, `${table}`, as a quoted name where bare SQL
 * is expected (PostgreSQL, MySQL and SQLite read `"${table}"` as a name or a value, and a finding
 * then shows what the script interpolates), or as text inside a name or string already open. It is
 * the same in an up and a down that use the same expression.
 */
export function placeholder(expression: Node, source: string, context: QuoteContext): string {
  const code = source.slice(expression.range[0], expression.range[1]).replace(/\s+/g, " ");
  const written = `\${${code.length > 60 ? `${code.slice(0, 59)}…` : code}}`;
  switch (context) {
    case null:
      return `"${written.replace(/"/g, '""')}"`;
    case '"':
      return written.replace(/"/g, '""');
    case "'":
      return written.replace(/'/g, "''");
    case "`":
      return written.replace(/`/g, "");
    default:
      return written.replace(/\*\/|\$/g, "");
  }
}

/** The SQL of a template literal's quasis and expressions. */
function templateInto(builder: Builder, node: TSESTree.TemplateLiteral, interpolate: Interpolate): void {
  node.quasis.forEach((quasi, i) => {
    // A quasi's range includes its delimiters: the opening backtick or `}`, and the closing backtick or `${`.
    builder.cook(quasi.value.raw, quasi.range[0] + 1);
    const expression = node.expressions[i];
    if (expression === undefined) return;
    const start = quasi.range[1] - 2;
    const end = node.quasis[i + 1]?.range[0] ?? expression.range[1];
    builder.push(interpolate(expression, quoteContextAt(builder.text)), start, end + 1 - start, false);
  });
}

/**
 * The SQL of a string literal, a template literal or a tagged template (`sql\`…\``), or undefined
 * for anything else (a variable, a concatenation).
 */
export function sqlLiteral(node: Node | undefined, interpolate: Interpolate): SqlLiteral | undefined {
  if (node === undefined) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") {
    const builder = new Builder();
    builder.cook(node.raw.slice(1, -1), node.range[0] + 1);
    return builder.result(node.range[0] + 1);
  }
  const template = node.type === "TaggedTemplateExpression" ? node.quasi : node;
  if (template.type !== "TemplateLiteral") return undefined;
  const builder = new Builder();
  templateInto(builder, template, interpolate);
  return builder.result(template.range[0] + 1);
}

/** A tag that builds SQL: `sql`, `Prisma.sql`, `sql.unsafe`, `sql.fragment`, slonik's `sql.type(…)`. */
export function isSqlTag(tag: Node): boolean {
  if (tag.type === "Identifier") return tag.name === "sql";
  if (tag.type === "MemberExpression" && !tag.computed && tag.property.type === "Identifier") {
    if (tag.property.name === "sql") return true;
    return /^(unsafe|fragment)$/.test(tag.property.name) && isSqlTag(tag.object);
  }
  if (tag.type === "CallExpression") {
    const callee = tag.callee;
    return (
      callee.type === "MemberExpression" &&
      callee.property.type === "Identifier" &&
      /^(type|typeAlias)$/.test(callee.property.name) &&
      isSqlTag(callee.object)
    );
  }
  return false;
}

function stringElements(node: Node | undefined): (string | Node)[] | null {
  if (node?.type !== "ArrayExpression") return null;
  return node.elements.map((element) =>
    element !== null && element.type === "Literal" && typeof element.value === "string"
      ? element.value
      : ((element ?? node) as Node),
  );
}

/**
 * Interpolation for SQL built with a tag: a nested `sql\`…\`` is SQL in place, slonik's
 * `sql.identifier(["a", "b"])` the quoted name `"a"."b"`, a local bound to a SQL template that
 * template's SQL; anything else a placeholder.
 */
export function taggedInterpolation(source: string, locals: ReadonlyMap<string, Node> = new Map()): Interpolate {
  const interpolate: Interpolate = (expression, context) => {
    const fallback = () => placeholder(expression, source, context);
    if (context !== null) return fallback();
    if (expression.type === "TaggedTemplateExpression" && isSqlTag(expression.tag)) {
      return sqlLiteral(expression, interpolate)?.text ?? fallback();
    }
    if (expression.type === "Identifier") {
      const bound = locals.get(expression.name);
      if (bound !== undefined) return sqlLiteral(bound, interpolate)?.text ?? fallback();
    }
    if (
      expression.type === "CallExpression" &&
      expression.callee.type === "MemberExpression" &&
      expression.callee.property.type === "Identifier" &&
      expression.callee.property.name === "identifier" &&
      isSqlTag(expression.callee.object)
    ) {
      const parts = stringElements(expression.arguments[0] as Node | undefined);
      if (parts !== null && parts.length > 0 && parts.every((part) => typeof part === "string")) {
        return parts.map((part) => `"${part.replace(/"/g, '""')}"`).join(".");
      }
    }
    return fallback();
  };
  return interpolate;
}

/**
 * knex.raw's positional bindings filled in (`??` a quoted name, `?` a quoted value), as knex sends
 * them; a binding that is not a literal string or number becomes a placeholder-like name.
 */
export function withKnexBindings(literal: SqlLiteral, bindings: (string | number | null)[]): SqlLiteral {
  let text = "";
  // For each position of the new text, the position of the old text it stands for.
  const origin: number[] = [];
  let next = 0;
  const source = literal.text;
  for (let i = 0; i < source.length; i++) {
    const isName = source.startsWith("??", i);
    if (source[i] === "\\" && source[i + 1] === "?") {
      origin.push(i);
      text += "?";
      i++;
      continue;
    }
    if (source[i] !== "?") {
      origin.push(i);
      text += source[i];
      continue;
    }
    const value = bindings[next++];
    const written =
      value === null || value === undefined
        ? isName
          ? '"${binding}"'
          : "NULL"
        : isName
          ? String(value)
              .split(".")
              .map((part) => `"${part.replace(/"/g, '""')}"`)
              .join(".")
          : typeof value === "number"
            ? String(value)
            : `'${value.replace(/'/g, "''")}'`;
    for (let k = 0; k < written.length; k++) origin.push(i);
    text += written;
    if (isName) i++;
  }
  origin.push(source.length);
  return {
    text,
    offset: literal.offset,
    toFile: (position) => literal.toFile(origin[Math.min(position, origin.length - 1)] ?? source.length),
  };
}
