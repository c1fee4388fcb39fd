// Compares two schema snapshots and names each difference: what is missing, what is left over,
// what changed (a column's default, an index's definition).
import type { Schema } from "./types.js";

export interface Difference {
  key: string;
  before: string | null;
  after: string | null;
}

export function diffSchemas(before: Schema, after: Schema): Difference[] {
  const differences: Difference[] = [];
  for (const [key, value] of before) {
    const now = after.get(key);
    if (now === undefined) differences.push({ key, before: value, after: null });
    else if (now !== value) differences.push({ key, before: value, after: now });
  }
  for (const [key, value] of after) {
    if (!before.has(key)) differences.push({ key, before: null, after: value });
  }
  return withoutParts(differences).sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

// Bigger objects first: a table left behind matters more than one of its columns.
const RANKS = [
  "schema",
  "extension",
  "table",
  "view",
  "materialized",
  "type",
  "function",
  "sequence",
  "index",
  "constraint",
  "column",
  "trigger",
];

function rank(key: string): number {
  const at = RANKS.indexOf(key.split(" ", 1)[0] ?? "");
  return at === -1 ? RANKS.length : at;
}

/** Drops the columns, constraints and triggers of a table that is itself missing or left over. */
function withoutParts(differences: Difference[]): Difference[] {
  const tables = new Map<string, "missing" | "left">();
  for (const d of differences) {
    const table = /^(?:table|view|materialized view) (.+)$/.exec(d.key)?.[1];
    if (table !== undefined && (d.before === null || d.after === null))
      tables.set(table, d.after === null ? "missing" : "left");
  }
  return differences.filter((d) => {
    const owner = /^(?:column|constraint|trigger) (.+)\.[^.]+$/.exec(d.key)?.[1];
    const state = owner === undefined ? undefined : tables.get(owner);
    return state === undefined || state !== (d.after === null ? "missing" : d.before === null ? "left" : "changed");
  });
}

/** One difference in words, as seen after a step ("down", "up again"). */
export function describeDifference(difference: Difference, step: string): string {
  if (difference.after === null) return `${difference.key} is missing after ${step}`;
  if (difference.before === null) return `${difference.key} is left after ${step}`;
  return `${difference.key} is "${difference.after}" after ${step}, was "${difference.before}"`;
}

/** The first few differences, joined, with how many more there are. */
export function summarise(differences: Difference[], step: string, limit = 4): string {
  const shown = differences.slice(0, limit).map((d) => describeDifference(d, step));
  const more = differences.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}
