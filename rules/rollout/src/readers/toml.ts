// TOML platform files (fly.toml, wrangler.toml, netlify.toml, railway.toml) read with
// toml-eslint-parser: the document as plain values, and the position of any key path, arrays of
// tables included (`["http_service", "checks", 0]`).
import { type AST, getStaticTOMLValue, ParseError, parseTOML } from "toml-eslint-parser";
import type { Spot } from "../facts.js";
import type { KeyPath } from "./spots.js";

export interface TomlDocument {
  value: Record<string, unknown>;
  /** The key path's key (or table header), else its nearest ancestor's, else line 1. */
  spot(path: KeyPath): Spot;
}

/** The document, or an error message (one line) when the text is not TOML. */
export function readTomlDocument(text: string): TomlDocument | string {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    if (error instanceof ParseError) return `TOML line ${error.lineNumber}: ${error.message}`;
    throw error;
  }
  const spots = new Map<string, Spot>();
  const remember = (path: KeyPath, node: AST.TOMLKey) => {
    const key = path.join("\u0000");
    if (!spots.has(key)) spots.set(key, spotOfNode(node));
  };
  const walk = (base: KeyPath, body: readonly AST.TOMLKeyValue[]) => {
    for (const keyValue of body) {
      const names = keyValue.key.keys.map((key) => (key.type === "TOMLBare" ? key.name : key.value));
      for (let i = 1; i <= names.length; i++) remember([...base, ...names.slice(0, i)], keyValue.key);
      if (keyValue.value.type === "TOMLInlineTable") walk([...base, ...names], keyValue.value.body);
    }
  };
  for (const node of program.body[0]?.body ?? []) {
    if (node.type === "TOMLKeyValue") walk([], [node]);
    else {
      for (let i = 1; i <= node.resolvedKey.length; i++) remember(node.resolvedKey.slice(0, i), node.key);
      walk(node.resolvedKey, node.body);
    }
  }
  const value = getStaticTOMLValue(program) as Record<string, unknown>;
  return {
    value,
    spot(path) {
      for (let length = path.length; length > 0; length--) {
        const found = spots.get(path.slice(0, length).join("\u0000"));
        if (found) return found;
      }
      return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    },
  };
}

function spotOfNode(node: AST.TOMLKey): Spot {
  return {
    line: node.loc.start.line,
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column + 1,
  };
}
