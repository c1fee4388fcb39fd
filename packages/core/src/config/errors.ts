// A configuration problem: the CLI prints its one-line message and exits 2.
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Edit distance, for "did you mean" suggestions on unknown ids. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known id closest to `wanted`, if it is close enough to be a likely typo. */
export function suggest(wanted: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const wantedTail = wanted.slice(wanted.indexOf("/") + 1);
  for (const candidate of known) {
    const tail = candidate.slice(candidate.indexOf("/") + 1);
    // Compare whole ids and bare rule names: "no-drop-colum" should find "migrations/no-drop-column".
    const distance = Math.min(editDistance(wanted, candidate), editDistance(wantedTail, tail) + 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(3, Math.floor(wanted.length / 3)) ? best : null;
}
