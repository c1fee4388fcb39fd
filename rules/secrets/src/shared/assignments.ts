// Name = literal pairs in every file kind: script AST nodes, YAML/JSON keys, dotenv entries, and
// assignment lines in other text (ini, properties, TOML, Python, Ruby, Go, PHP, shell).
import type { DotenvSource, TSESTree } from "@deploylint/core/rule-api";
import { roots, stringEntries } from "./yaml-walk.js";

export interface Assignment {
  name: string;
  value: string;
  /** Offsets of the value (quotes included where the syntax has them). */
  start: number;
  end: number;
  /** False for a bare word in a text file: in a programming language that is an expression, not a literal. */
  quoted?: boolean;
}

type Node = TSESTree.Node;

/** The string of a string literal or a template literal without substitutions, else null. */
export function literalString(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The plain name of an identifier, a string-literal key, or a member expression's property. */
export function nameOf(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === "Identifier" || node.type === "PrivateIdentifier") return node.name;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "MemberExpression") return nameOf(node.property);
  return null;
}

/** An assignment from a script node, when the node pairs a name with a string literal. */
export function scriptAssignment(node: Node): Assignment | null {
  let name: string | null = null;
  let value: Node | null | undefined = null;
  switch (node.type) {
    case "VariableDeclarator":
      name = nameOf(node.id);
      value = node.init;
      break;
    case "Property":
      name = node.computed && node.key.type !== "Literal" ? null : nameOf(node.key);
      value = node.value;
      break;
    case "PropertyDefinition":
      name = node.computed ? null : nameOf(node.key);
      value = node.value;
      break;
    case "AssignmentExpression":
      name = node.operator === "=" ? nameOf(node.left) : null;
      value = node.right;
      break;
    case "AssignmentPattern":
      name = nameOf(node.left);
      value = node.right;
      break;
    default:
      return null;
  }
  const literal = literalString(value);
  if (name === null || literal === null || !value) return null;
  return { name, value: literal, start: value.range[0], end: value.range[1] };
}

/** `key: "string"` pairs of YAML or JSON documents. */
export function yamlAssignments(documents: Parameters<typeof roots>[0]): Assignment[] {
  return roots(documents).flatMap((root) =>
    stringEntries(root).map((entry) => ({ name: entry.key, value: entry.value, start: entry.start, end: entry.end })),
  );
}

export function dotenvAssignments(source: DotenvSource): Assignment[] {
  return source.entries.map((entry) => ({
    name: entry.key,
    value: entry.value,
    start: entry.valueRange.start,
    end: entry.valueRange.end,
  }));
}

// `NAME = value`, `name: "value"`, `export NAME='value'`, `name := "value"`, `:name => "value"`.
export const ASSIGNMENT =
  /^[ \t]{0,40}(?:export[ \t]{1,8}|set[ \t]{1,8}|ENV[ \t]{1,8}|ARG[ \t]{1,8}|\$|:)?["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]{0,8}(?::=|=>|=|:)[ \t]{0,8}(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s#;,'"]{1,500}))/dgm;
// PHP `define('DB_PASSWORD', 'value');` (wp-config.php).
export const PHP_DEFINE =
  /define\([ \t]{0,8}['"]([A-Za-z_]\w{0,80})['"][ \t]{0,8},[ \t]{0,40}['"]([^'"\n]{1,500})['"]/dg;

/** Assignment lines of a text file in a language deploylint does not parse. */
export function textAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const pattern of [ASSIGNMENT, PHP_DEFINE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const name = m[1];
      const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
      const value = m[group];
      const span = m.indices?.[group];
      if (name === undefined || value === undefined || !span) continue;
      found.push({ name, value, start: span[0], end: span[1], quoted: group !== 4 });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
