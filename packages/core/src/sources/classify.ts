// Which source kind a file is, from its path alone (content is never needed to route a file).
import { isExampleFileName } from "../rule-api/example-files.js";
import type { SourceFileInfo } from "../rule-api/types.js";

type FileKind = SourceFileInfo["kind"];

const BY_EXTENSION: Record<string, FileKind> = {
  ".sql": "sql",
  ".ts": "script",
  ".tsx": "script",
  ".mts": "script",
  ".cts": "script",
  ".js": "script",
  ".jsx": "script",
  ".mjs": "script",
  ".cjs": "script",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".md": "markdown",
  ".markdown": "markdown",
  ".env": "dotenv",
};

export function classifyPath(path: string): FileKind {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  // .env, .env.local, .env.production.local, .env.example: the dotenv family is named by prefix.
  if (base === ".env" || base.startsWith(".env.")) return "dotenv";
  // `env.example`, `env.sample`: example files named without the leading dot are dotenv too.
  if (base.startsWith("env.") && isExampleFileName(base)) return "dotenv";
  if (base.endsWith(".d.ts")) return "script";
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return "text";
  return BY_EXTENSION[base.slice(dot)] ?? "text";
}
