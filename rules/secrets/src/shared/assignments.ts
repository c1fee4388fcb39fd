// Name = literal pairs in every file kind: script AST nodes, YAML/JSON keys, dotenv entries, and
// assignment lines in other text (ini, properties, TOML, Python, Ruby, Go, PHP, shell).
import type { DotenvSource, TSESTree } from "@deploylint/core/rule-api";
import { nameWordLines } from "./word-hits.js";
import { roots, stringEntries } from "./yaml-walk.js";

export interface Assignment {
  name: string;
  value: string;
  /** Offsets of the value (quotes included where the syntax has them). */
  start: number;
  end: number;
  /** False for a bare word in a text file: in a programming language that is an expression, not a literal. */
  quoted?: boolean;
  /** The value is the password argument of a login or connect call: `name` is the call, not a secret name. */
  passwordArgument?: boolean;
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

// npm's per-registry credentials: `//registry.npmjs.org/:_auth=…`, `…:_password=…`.
export const NPMRC_SCOPED =
  /^[ \t]{0,40}\/\/[^\s=]{1,300}:(_auth|_authToken|_password)[ \t]{0,8}=[ \t]{0,8}(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s#;'"]{1,500}))/dgm;
// A keyword argument or named parameter inside a call: `connect(host="db", password="…")`.
export const KEYWORD_ARGUMENT =
  /[(,][ \t]{0,8}([A-Za-z_]\w{0,80})[ \t]{0,4}=(?!=)[ \t]{0,4}(?:"([^"\n]{1,500})"|'([^'\n]{1,500})')/dg;
// XML attributes (`<Server password="…"/>`) and elements (`<Pass>…</Pass>`, `<password>…</password>`).
export const XML_ATTRIBUTE =
  /[ \t]([A-Za-z_][\w.:-]{0,80})[ \t]{0,4}=[ \t]{0,4}(?:"([^"\n]{1,500})"|'([^'\n]{1,500})')/dg;
export const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,80})(?:[ \t][^>\n]{0,200})?>([^<\n]{1,500})<\/\1>/dg;
// .NET appSettings and Java-style properties: `<add key="DbPassword" value="…"/>`, `<property name="password" value="…"/>`.
export const XML_KEY_VALUE = /\b(?:key|name)="([A-Za-z_][\w.:-]{0,80})"[ \t]{1,8}value="([^"\n]{1,500})"/dg;

const CALL_LIKE = /^[A-Za-z_$][\w.$]{0,200}\(/;

export interface TextReading {
  /** The file holds XML: read attributes and elements too. */
  xml?: boolean;
}

/**
 * Assignment lines of a text file in a language deploylint does not parse, read only on lines
 * holding a secret-like word (secret-words.ts' NAME_WORDS: every name isSecretName accepts holds
 * one). Every pattern matches within one line and names what it assigns on that line, so a line
 * without such a word yields only pairs no-generic-secret never judges (and a pair the word-less
 * line holds could not take the span of a judged one, which would be on it too). The lines come
 * from the catalogue scanner's pass over the file, which no-hardcoded-secret reads too.
 */
export function textAssignments(text: string, reading: TextReading = {}): Assignment[] {
  const found: Assignment[] = [];
  const seen = new Set<number>();
  const lines = nameWordLines(text);
  for (let i = 0; i < lines.length; i += 2) {
    const start = lines[i] ?? 0;
    lineAssignments({ line: text.slice(start, lines[i + 1]), offset: start, reading, found, seen });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The assignments of one line (`offset` is where it starts in the file), each span read once. */
function lineAssignments(options: {
  line: string;
  offset: number;
  reading: TextReading;
  found: Assignment[];
  seen: Set<number>;
}): void {
  const { line, offset, found, seen } = options;
  const patterns = [ASSIGNMENT, PHP_DEFINE, KEYWORD_ARGUMENT];
  // npm's scoped credentials are the only pairs named after a colon.
  if (line.includes(":_auth") || line.includes(":_password")) patterns.splice(2, 0, NPMRC_SCOPED);
  // Key/value pairs first: their `value="…"` is also an attribute, and the first reading of a span wins.
  if (options.reading.xml) patterns.push(XML_KEY_VALUE, XML_ATTRIBUTE, XML_ELEMENT);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
      const name = m[1];
      const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
      const value = m[group];
      const span = m.indices?.[group];
      if (name === undefined || value === undefined || !span || seen.has(offset + span[0])) continue;
      // A bare `name = get_token()` is a call whatever the language: an expression, not a value.
      if (group === 4 && CALL_LIKE.test(value)) continue;
      seen.add(offset + span[0]);
      // An XML element's text is the value as written, like a bare config value.
      const quoted = group !== 4 || pattern === XML_ELEMENT;
      found.push({ name, value, start: offset + span[0], end: offset + span[1], quoted });
    }
  }
}
