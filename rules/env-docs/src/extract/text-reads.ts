// The variables other languages and config files read, found in the text: Python, Ruby, Go,
// Prisma schemas, shell scripts under scripts/ bin/ tools/, Dockerfiles, compose files and
// GitHub Actions workflows. Each scanner returns offsets of the name; the extractor turns them
// into positions.
import { dockerfileReads } from "./dockerfile-reads.js";
import { goReads } from "./go-reads.js";
import { pythonReads } from "./python-reads.js";
import { shellReads } from "./shell-reads.js";

export type TextLanguage = "python" | "ruby" | "go" | "prisma" | "shell" | "dockerfile" | "compose" | "actions";

export interface TextRead {
  /** null: a computed name (the variable cannot be known). */
  name: string | null;
  start: number;
  end: number;
  via: string;
  /** The read gives a value of its own when the variable is unset (see ReadFact.hasFallback). */
  hasFallback?: boolean;
  /**
   * false when the span points at what the name is derived from rather than the name itself
   * (a pydantic field `database_url` read as DATABASE_URL, a viper key behind its prefix).
   */
  spanIsName?: boolean;
}

/** The language a file is read as, from its path (and a shebang for extensionless scripts); null to skip it. */
export function textLanguage(path: string, text: string): TextLanguage | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const lower = base.toLowerCase();
  if (lower.endsWith(".py")) return "python";
  if (lower.endsWith(".rb") || lower.endsWith(".rake")) return "ruby";
  if (lower.endsWith(".go")) return "go";
  if (lower.endsWith(".prisma")) return "prisma";
  if (
    lower === "dockerfile" ||
    lower === "containerfile" ||
    lower.startsWith("dockerfile.") ||
    lower.endsWith(".dockerfile")
  ) {
    return "dockerfile";
  }
  if (/^(docker-|podman-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lower)) return "compose";
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return "actions";
  if (/(^|\/)(scripts|bin|tools)\//.test(path)) {
    if (/\.(sh|bash|zsh)$/.test(lower)) return "shell";
    if (!lower.includes(".") && /^#!.*\b(ba|z|da|k)?sh\b/.test(text)) return "shell";
  }
  return null;
}

export function textReads(language: TextLanguage, text: string): TextRead[] {
  switch (language) {
    case "python":
      return pythonReads(text);
    case "ruby":
      return callReads(text, { via: "ENV", comment: "#", pattern: /\bENV\s*(?:\[|\.fetch\s*\(?)\s*/g }).map((read) =>
        read.name === null ? read : { ...read, ...rubyFallback(text, read) },
      );
    case "go":
      return goReads(text);
    case "prisma":
      // Prisma refuses to start when a variable its schema reads with env() is unset.
      return callReads(text, { via: "prisma env()", comment: "//", pattern: /\benv\s*\(\s*/g }).map((read) =>
        read.name === null ? read : { ...read, hasFallback: false },
      );
    case "shell":
      return shellReads(text);
    case "dockerfile":
      return dockerfileReads(text);
    case "compose":
      return composeReads(text);
    case "actions":
      return actionsReads(text);
  }
}

/**
 * Reads of the form `<accessor>"NAME"`: the name is the string literal right after the accessor;
 * anything else there (a variable, a call) is a computed name. An assignment (`ENV["X"] = …`) is a
 * write, not a read; a line starting with the comment marker is skipped.
 */
export function callReads(text: string, options: { via: string; comment: string; pattern: RegExp }): TextRead[] {
  const reads: TextRead[] = [];
  let dynamicSeen = false;
  for (const match of text.matchAll(options.pattern)) {
    const at = (match.index ?? 0) + match[0].length;
    if (
      lineBefore(text, match.index ?? 0)
        .trimStart()
        .startsWith(options.comment)
    )
      continue;
    const literal = /^(["'`])([^"'`\\\r\n]*)\1/.exec(text.slice(at, at + 300));
    if (literal) {
      const end = at + literal[0].length;
      if (/^\s*\]?\s*\)?\s*=(?!=)/.test(text.slice(end, end + 10)) && match[0].includes("[")) continue;
      const name = literal[2] ?? "";
      reads.push({ name, start: at + 1, end: at + 1 + name.length, via: options.via });
    } else if (!dynamicSeen && /^[A-Za-z_]/.test(text.slice(at, at + 1))) {
      dynamicSeen = true;
      const word = /^[\w.]+/.exec(text.slice(at))?.[0] ?? "";
      reads.push({ name: null, start: at, end: at + word.length, via: options.via });
    }
  }
  return reads;
}

/**
 * ENV.fetch("X", default), ENV.fetch("X") { … } and ENV["X"] || default handle an unset variable;
 * a bare ENV.fetch("X") raises KeyError, so it has none; ENV["X"] alone is nil, which the code
 * may or may not handle (not said).
 */
function rubyFallback(text: string, read: TextRead): { hasFallback?: boolean } {
  const after = text.slice(read.end, read.end + 20);
  if (/^["'](?:\s*,|\s*\)\s*(?:\{|do\b)|\s*\]\s*\|\|)/.test(after)) return { hasFallback: true };
  return text.slice(Math.max(0, read.start - 12), read.start).includes("fetch") ? { hasFallback: false } : {};
}

/** Compose interpolation: `${X}`, `${X:-default}`, `${X?error}`, `$X`; `$$` is a literal dollar. */
function composeReads(text: string): TextRead[] {
  const reads: TextRead[] = [];
  for (const match of text.matchAll(/\$+(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const dollars = /^\$+/.exec(match[0])?.[0].length ?? 1;
    if (dollars % 2 === 0) continue;
    if (
      lineBefore(text, match.index ?? 0)
        .trimStart()
        .startsWith("#")
    )
      continue;
    const name = match[1] ?? match[2] ?? "";
    const start = (match.index ?? 0) + match[0].length - name.length;
    reads.push({
      name,
      start,
      end: start + name.length,
      via: "compose",
      ...composeFallback(match[1] !== undefined, text.slice(start + name.length)),
    });
  }
  return reads;
}

/**
 * `${X:-d}` and `${X-d}` interpolate a default; `${X?err}` and `${X:?err}` stop compose when X is
 * unset; a plain `${X}` or `$X` becomes an empty string with a warning (not said either way).
 */
function composeFallback(braced: boolean, after: string): { hasFallback?: boolean } {
  if (!braced) return {};
  if (/^:?-/.test(after)) return { hasFallback: true };
  if (/^:?\?/.test(after)) return { hasFallback: false };
  return {};
}

/**
 * `${{ env.X }}` in a workflow. The env context only holds what the workflow sets (`env:` maps,
 * `>> $GITHUB_ENV`), so a name the file sets itself is not an outside read.
 */
function actionsReads(text: string): TextRead[] {
  const reads: TextRead[] = [];
  for (const expression of text.matchAll(/\$\{\{([^}]*)\}\}/g)) {
    const base = (expression.index ?? 0) + 3;
    for (const match of (expression[1] ?? "").matchAll(/\benv\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = match[1] ?? "";
      if (setInWorkflow(text, name)) continue;
      const start = base + (match.index ?? 0) + 4;
      reads.push({ name, start, end: start + name.length, via: "GitHub Actions env" });
    }
  }
  return reads;
}

function setInWorkflow(text: string, name: string): boolean {
  const escaped = name.replace(/[$]/g, "\\$&");
  return (
    new RegExp(`^\\s*(-\\s*)?${escaped}\\s*:`, "m").test(text) ||
    new RegExp(`\\b${escaped}=.*GITHUB_ENV`, "m").test(text)
  );
}

export function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
}
