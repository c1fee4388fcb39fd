// dotenv-linter's UnorderedKey: keys sorted within groups that blank lines separate; a key whose
// value substitutes a key of the current group starts a new group (it must come after it).
import type { DotenvEntry } from "@deploylint/core/rule-api";
import type { DotenvCheck } from "./types.js";

export const unorderedKey: DotenvCheck = {
  id: "unorderedKey",
  run({ source }, report) {
    const entryOfLine = new Map<number, DotenvEntry>(source.entries.map((entry) => [entry.line, entry]));
    let group: string[] = [];
    for (const line of source.lines) {
      if (line.kind === "blank") group = [];
      const entry = line.kind === "entry" ? entryOfLine.get(line.line) : undefined;
      if (!entry) continue;
      if (substitutedNames(entry).some((name) => group.includes(name))) {
        group = [];
        continue;
      }
      group.push(entry.key);
      const sorted = [...group].sort();
      if (sorted.every((key, index) => key === group[index])) continue;
      const other = sorted[sorted.indexOf(entry.key) + 1];
      if (other === undefined) continue;
      report({ messageId: "unorderedKey", data: { key: entry.key, other }, range: entry.keyRange });
    }
  },
};

function substitutedNames(entry: DotenvEntry): string[] {
  if (entry.quote === "'") return [];
  return Array.from(entry.rawValue.matchAll(/\$\{?([A-Za-z0-9_]+)/g), (match) => match[1] ?? "");
}
