// Table and column names as the database sees them: unquoted names fold to lower case, quoted ones
// keep theirs, and a schema prefix is dropped so `public.users` and `users` compare equal.

type CstNode = { type?: unknown; [key: string]: unknown };

export function isNode(value: unknown): value is CstNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const QUOTES = new Set(['"', "`", "["]);

/** A name from raw SQL text: `"Users"` -> Users, `public.users` -> users, `` `a` `` -> a. */
export function nameFromText(raw: string): string {
  const parts = raw.trim().match(/"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[^.\s]+/g) ?? [raw];
  const last = (parts[parts.length - 1] ?? raw).trim();
  if (QUOTES.has(last[0] ?? "")) return last.slice(1, -1).replace(/""/g, '"');
  return last.toLowerCase();
}

/** The name of an identifier, member_expr (schema.table) or table_without_inheritance (ONLY t) node. */
export function nameOf(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.type === "identifier" && typeof node.text === "string") return nameFromText(node.text);
  if (node.type === "member_expr") return nameOf(node.property);
  if (node.type === "table_without_inheritance") return nameOf(node.table);
  if (node.type === "alias") return nameOf(node.expr);
  return null;
}

/** Items of a list_expr node (or the node itself when it is not a list). */
export function listItems(node: unknown): unknown[] {
  if (isNode(node) && node.type === "list_expr" && Array.isArray(node.items)) return node.items;
  return node === undefined || node === null ? [] : [node];
}
