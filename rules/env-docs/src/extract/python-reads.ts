// The variables a Python file reads: os.environ / os.getenv, and the fields of pydantic settings
// classes (`class Settings(BaseSettings)`), which pydantic fills from variables of the same name.
import { callReads, type TextRead } from "./text-reads.js";

export function pythonReads(text: string): TextRead[] {
  const calls = callReads(text, {
    via: "os.environ",
    comment: "#",
    // os.environ["X"], environ["X"], os.environ.get("X"), os.getenv("X"), getenv("X")
    pattern: /\b(?:(?:os\.)?environ\s*\[|(?:os\.)?environ\.get\s*\(|(?:os\.)?getenv\s*\()\s*/g,
  }).map((read) => (read.name === null ? read : { ...read, ...pythonFallback(text, read) }));
  return [...calls, ...settingsReads(text)].sort((a, b) => a.start - b.start);
}

/**
 * `get("X", default)` / `getenv("X", default)` have a fallback; `os.environ["X"]` raises KeyError
 * when X is unset, so it has none; `getenv("X")` alone is None, which the code may handle (not said).
 */
function pythonFallback(text: string, read: TextRead): { hasFallback?: boolean } {
  if (/^["']\s*,\s*[^\s)]/.test(text.slice(read.end, read.end + 20))) return { hasFallback: true };
  return /\[\s*["']$/.test(text.slice(Math.max(0, read.start - 4), read.start)) ? { hasFallback: false } : {};
}

/**
 * Fields of a class deriving from BaseSettings: `database_url: str` reads DATABASE_URL (pydantic
 * matches names case-insensitively; the upper-case form is the one an example holds), behind the
 * class's `env_prefix`. An explicit alias (`Field(alias="X")`, `validation_alias="X"`, v1's
 * `env="X"`) names the variable itself. A field with a value after `=` has a default.
 */
function settingsReads(text: string): TextRead[] {
  const reads: TextRead[] = [];
  const lines = text.split("\n");
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  for (let index = 0; index < lines.length; index++) {
    const header = /^(\s*)class\s+\w+\s*\(([^)]*)\)\s*:/.exec(lines[index] ?? "");
    if (!header || !/\bBaseSettings\b/.test(header[2] ?? "")) continue;
    const classIndent = (header[1] ?? "").length;
    const body = classBody(lines, index + 1, classIndent);
    const prefix = envPrefix(body.map((at) => lines[at] ?? ""));
    const fieldIndent = Math.min(...body.map((at) => indentOf(lines[at] ?? "")));
    for (const at of body) {
      const line = lines[at] ?? "";
      if (indentOf(line) !== fieldIndent) continue;
      const field = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([^=#]+?)\s*(=\s*(.*))?$/.exec(line);
      if (!field?.[2] || field[2] === "model_config" || /^ClassVar\b/.test(field[3] ?? "")) continue;
      const value = field[5] ?? "";
      const alias = /\b(?:validation_alias|alias|env)\s*=\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/.exec(value);
      const start =
        (offsets[at] ?? 0) +
        (alias ? line.indexOf(alias[0]) + alias[0].lastIndexOf(alias[1] ?? "") : (field[1] ?? "").length);
      const name = alias?.[1] ?? `${prefix}${field[2]}`.toUpperCase();
      reads.push({
        name,
        start,
        end: start + (alias?.[1] ?? field[2]).length,
        via: "pydantic BaseSettings",
        hasFallback: field[4] !== undefined && fieldHasDefault(value.trim()),
        spanIsName: alias !== null || name === field[2],
      });
    }
  }
  return reads;
}

/** What follows `=`: a plain value is a default; `Field(...)`, `Field()` and `Field(alias=…)` are not. */
function fieldHasDefault(value: string): boolean {
  if (!value.startsWith("Field(")) return true;
  const args = value.slice("Field(".length).trimStart();
  if (/\bdefault(?:_factory)?\s*=/.test(args)) return true;
  return !(args.startsWith("...") || args.startsWith(")") || /^[A-Za-z_]\w*\s*=/.test(args));
}

/** The line numbers of a class body: the lines after its header indented deeper than it (blank lines included). */
function classBody(lines: string[], from: number, classIndent: number): number[] {
  const body: number[] = [];
  for (let at = from; at < lines.length; at++) {
    const line = lines[at] ?? "";
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (indentOf(line) <= classIndent) break;
    body.push(at);
  }
  return body;
}

/** `model_config = SettingsConfigDict(env_prefix="APP_")` or v1's `class Config: env_prefix = "APP_"`. */
function envPrefix(body: string[]): string {
  for (const line of body) {
    const match = /\benv_prefix\s*=\s*["']([A-Za-z0-9_]*)["']/.exec(line);
    if (match) return match[1] ?? "";
  }
  return "";
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
