// Reads the TOML platform files the ladder knows (fly.toml, netlify.toml, wrangler.toml) with
// toml-eslint-parser, a full TOML 1.0 parser with positions, into key/value entries: tables,
// arrays of tables (`[[services]]`, `[[http_service.checks]]`) and inline tables, each scalar with
// the position of its key.
import { type AST, ParseError, parseTOML } from "toml-eslint-parser";

export type TomlScalar = string | number | boolean;

export interface TomlEntry {
  /**
   * Table path and key path, e.g. ["context", "production", "environment", "LOG_LEVEL"]; an
   * element of an array of tables is named by its index: ["services", "0", "internal_port"].
   */
  path: string[];
  /** The value, or null for arrays, whose elements the ladder does not read. */
  value: TomlScalar | null;
  line: number;
  column: number;
  endColumn: number;
}

/** Text that is not TOML. */
export class TomlError extends Error {}

/** The key/value entries of a TOML document, in order. Throws a TomlError on text that is not TOML. */
export function readToml(text: string): TomlEntry[] {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    if (error instanceof ParseError) throw new TomlError(`TOML line ${error.lineNumber}: ${error.message}`);
    throw error;
  }
  const entries: TomlEntry[] = [];
  const top = program.body[0];
  for (const node of top?.body ?? []) {
    if (node.type === "TOMLKeyValue") addKeyValue(entries, [], node, text);
    else {
      const table = node.resolvedKey.map(String);
      for (const keyValue of node.body) addKeyValue(entries, table, keyValue, text);
    }
  }
  return entries;
}

function addKeyValue(entries: TomlEntry[], table: string[], node: AST.TOMLKeyValue, text: string): void {
  const path = [...table, ...node.key.keys.map((key) => (key.type === "TOMLBare" ? key.name : key.value))];
  const value = node.value;
  if (value.type === "TOMLInlineTable") {
    for (const inner of value.body) addKeyValue(entries, path, inner, text);
    return;
  }
  entries.push({
    path,
    value: scalarOf(value, text),
    line: node.key.loc.start.line,
    column: node.key.loc.start.column + 1,
    endColumn: node.key.loc.end.column + 1,
  });
}

function scalarOf(node: AST.TOMLContentNode, text: string): TomlScalar | null {
  if (node.type !== "TOMLValue") return null;
  switch (node.kind) {
    case "string":
    case "integer":
    case "float":
    case "boolean":
      return node.value;
    default:
      // Dates stay as written (`2024-01-01`): the ladder compares text, not instants.
      return text.slice(node.range[0], node.range[1]);
  }
}
