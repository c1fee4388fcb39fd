// Shared by the TOML platform readers: turns TOML entries under a table into value entries.
import { describeValue } from "../extract/classify-value.js";
import type { ValueEntry } from "../facts.js";
import type { TomlEntry } from "./toml.js";

/** Entries whose path is `prefix` plus one key (variables of one table). */
export function tableEntries(entries: readonly TomlEntry[], prefix: readonly string[]): ValueEntry[] {
  return entries
    .filter((entry) => entry.path.length === prefix.length + 1 && prefix.every((part, i) => entry.path[i] === part))
    .map((entry) =>
      describeValue({
        key: entry.path.at(-1) ?? "",
        value: entry.value === null ? null : String(entry.value),
        line: entry.line,
        column: entry.column,
        endColumn: entry.endColumn,
      }),
    );
}

/** The distinct values of path segment `index` among entries that start with `prefix`. */
export function namesAt(entries: readonly TomlEntry[], prefix: readonly string[]): string[] {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.path.length > prefix.length && prefix.every((part, i) => entry.path[i] === part)) {
      const name = entry.path[prefix.length];
      if (name !== undefined) names.add(name);
    }
  }
  return [...names];
}
