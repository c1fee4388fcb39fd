// One finding per statement: `DROP TABLE a, b, c` or an ALTER TABLE with several DROP COLUMN
// actions is one decision by its author, so it is reported once, naming every object it touches.

/** Items grouped by the statement they come from, in the order the statements appear. */
export function byStatement<T extends { statementIndex: number }>(items: Iterable<T>): T[][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.statementIndex);
    if (group) group.push(item);
    else groups.set(item.statementIndex, [item]);
  }
  return [...groups.values()];
}

/** Names joined as a reader says them: "a", "a and b", "a, b and c"; repeated names once. */
export function nameList(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} and ${unique[unique.length - 1]}`;
}
