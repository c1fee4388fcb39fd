// How a message names a constraint: its name, or for an unnamed one the column list or CHECK
// expression it was written with, e.g. `PRIMARY KEY (uuid, user_uuid)` reads "(uuid, user_uuid)".

/** The first balanced parenthesised group of `text`, with its whitespace collapsed, or null. */
function firstGroup(text: string): string | null {
  const start = text.indexOf("(");
  if (start === -1) return null;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(start, i + 1).replace(/\s+/g, " ");
  }
  return null;
}

export function constraintLabel(constraint: { name: string | null; body: string; keyColumns?: string[] }): string {
  if (constraint.name !== null) return constraint.name;
  // A constraint written inline in a column definition (`user_id bigint REFERENCES users (id)`) is
  // on its own column: its body's first group is the referenced column list, not its own.
  if (/^REFERENCES\b/i.test(constraint.body.trim()) && constraint.keyColumns?.length)
    return `(${constraint.keyColumns.join(", ")})`;
  const columns = constraint.keyColumns?.length ? `(${constraint.keyColumns.join(", ")})` : null;
  return firstGroup(constraint.body) ?? columns ?? "(unnamed)";
}
