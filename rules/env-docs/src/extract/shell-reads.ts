// Shell scripts: `${X}`, `${X:-d}`, `$X` for UPPER_CASE names the script does not set itself.
// Lower-case names are the script's own locals by convention; single-quoted text is not expanded.
// After the script sources a file that is not a dotenv file (`source "$DIR/results.txt"`, a
// library), any name may have been set there: later expansions are not counted as reads.
import type { TextRead } from "./text-reads.js";

export function shellReads(text: string): TextRead[] {
  const assigned = assignedNames(text);
  const reads: TextRead[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (!line.trimStart().startsWith("#")) {
      const expandable = blankSingleQuoted(line);
      for (const match of expandable.matchAll(/\$(?:\{#?([A-Z_][A-Z0-9_]*)(?=[}:\-=?+#%/[])|([A-Z_][A-Z0-9_]*)\b)/g)) {
        const name = match[1] ?? match[2] ?? "";
        if (assigned.has(name)) continue;
        const start = offset + (match.index ?? 0) + match[0].length - name.length;
        reads.push({
          name,
          start,
          end: start + name.length,
          via: "shell",
          ...shellFallback(match[1] !== undefined, expandable.slice(start - offset + name.length)),
        });
      }
    }
    offset += line.length + 1;
    if (sourcesOtherFile(line)) break;
  }
  return reads;
}

/**
 * `${X:-d}` and `${X-d}` expand to a default when X is unset and `${X:=d}` assigns one;
 * `${X:?msg}` stops the script; a plain `$X` expands to nothing (not said either way).
 */
function shellFallback(braced: boolean, after: string): { hasFallback?: boolean } {
  if (!braced) return {};
  if (/^:?[-=]/.test(after)) return { hasFallback: true };
  if (/^:?\?/.test(after)) return { hasFallback: false };
  return {};
}

/** `source FILE` or `. FILE` as a command, FILE not a dotenv file (`.env`, `.env.local`, `prod.env`). */
function sourcesOtherFile(line: string): boolean {
  const match = /(?:^|[;&|(]|\bthen|\bdo)\s*(?:source|\.)\s+(\S+)/.exec(line.replace(/^\s*#.*$/, ""));
  if (!match?.[1]) return false;
  const path = match[1].replace(/^["']|["']$/g, "");
  return !/(^|\/)\.env(\.[\w.-]+)?$|\.env$/.test(path);
}

/** Names the script sets: `X=…`, `export X=…`, `local X`, `read X`, `for X in`. */
function assignedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(
    /(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Z_][A-Z0-9_]*)\+?=/gm,
  )) {
    if (match[1]) names.add(match[1]);
  }
  for (const match of text.matchAll(/\b(?:read(?:\s+-\w+)*|for|local|export)\s+((?:[A-Z_][A-Z0-9_]*\s*)+)/g)) {
    for (const name of (match[1] ?? "").split(/\s+/)) if (name) names.add(name);
  }
  return names;
}

/** The line with single-quoted spans (outside double quotes) blanked, keeping offsets. */
function blankSingleQuoted(line: string): string {
  let out = "";
  let inDouble = false;
  let inSingle = false;
  for (const char of line) {
    if (inSingle) {
      if (char === "'") inSingle = false;
      out += char === "'" ? char : " ".repeat(char.length);
      continue;
    }
    if (char === '"') inDouble = !inDouble;
    else if (char === "'" && !inDouble) inSingle = true;
    out += char;
  }
  return out;
}
