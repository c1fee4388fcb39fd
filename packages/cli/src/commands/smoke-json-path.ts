// The JSON paths smoke expectations and captures use: `data.user.id`, `items[0].name`, optionally
// written with a leading `$.` as in JSONPath. Only member and index access: a smoke check names one
// value, it does not query.

export type Lookup = { found: true; value: unknown } | { found: false };

/** The segments of a path, or null when it is not of the supported form. */
export function pathSegments(path: string): (string | number)[] | null {
  const body = path.replace(/^\$\.?/, "");
  const segments: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/gy;
  let position = 0;
  while (position < body.length) {
    // A dot separates members: one must follow it (`a.[0]`, `a.` and JSONPath's `..` are refused).
    const afterDot = body[position] === "." && position > 0;
    if (afterDot) position++;
    pattern.lastIndex = position;
    const match = pattern.exec(body);
    if (!match || (afterDot && match[1] === undefined)) return null;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3] ?? "");
    position = pattern.lastIndex;
  }
  return segments;
}

export function readJsonPath(data: unknown, path: string): Lookup {
  const segments = pathSegments(path);
  if (!segments) return { found: false };
  let current: unknown = data;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current) || !Object.hasOwn(current, segment))
        return { found: false };
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return { found: true, value: current };
}

/** Deep equality of JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}
