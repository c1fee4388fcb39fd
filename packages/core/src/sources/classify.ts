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

// Binary formats rules judge by what they are (key and password stores), routed as "binary": never
// read, given to rules by path and size. Other binary files stay text files that fail to decode.
const BINARY_EXTENSIONS = new Set([".p12", ".pfx", ".jks", ".jceks", ".keystore", ".bks", ".kdbx", ".kdb"]);
// Chromium's saved-password database has no extension.
const BINARY_NAMES = new Set(["login data", "login data for account"]);

export function classifyPath(path: string): FileKind {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (BINARY_NAMES.has(base)) return "binary";
  // .env, .env.local, .env.production.local, .env.example: the dotenv family is named by prefix.
  if (base === ".env" || base.startsWith(".env.")) return "dotenv";
  // `env.example`, `env.sample`: example files named without the leading dot are dotenv too.
  if (base.startsWith("env.") && isExampleFileName(base)) return "dotenv";
  if (base.endsWith(".d.ts")) return "script";
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return "text";
  if (BINARY_EXTENSIONS.has(base.slice(dot))) return "binary";
  return BY_EXTENSION[base.slice(dot)] ?? "text";
}
