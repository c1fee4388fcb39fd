// Where the documents are: settings.strategyDocs (the deploylint config) first, then the manifest's
// `docs:` section (company.config.yaml), then the defaults the strategy prescribes.
import type { Settings } from "@deploylint/core/rule-api";
import type { PathsFact } from "./facts.js";

export const DEFAULT_STRATEGY = "standards/ops/deployment-strategy.md";
export const DEFAULT_RFCS = ["artifacts/rfcs/**/*.md"];

export interface DocumentPaths {
  strategy: string;
  rfcs: string[];
}

export function documentPaths(settings: Settings, manifest: PathsFact | null): DocumentPaths {
  const own = asRecord(settings.strategyDocs);
  const strategy = typeof own.strategy === "string" ? own.strategy : (manifest?.strategy ?? DEFAULT_STRATEGY);
  const rfcs = typeof own.rfcs === "string" ? [own.rfcs] : Array.isArray(own.rfcs) ? own.rfcs.filter(isString) : null;
  return { strategy: normalisePath(strategy), rfcs: (rfcs ?? manifest?.rfcs ?? DEFAULT_RFCS).map(normalisePath) };
}

/** The role a markdown file plays under these paths, or null for every other document. */
export function roleOf(path: string, paths: DocumentPaths): "strategy" | "rfc" | null {
  if (path === paths.strategy) return "strategy";
  return paths.rfcs.some((pattern) => matches(pattern, path)) ? "rfc" : null;
}

/** A glob (`**`, `*`, `?`) or a folder (every file under it), over `/`-separated relative paths. */
export function matches(pattern: string, path: string): boolean {
  if (!/[*?]/.test(pattern)) return path === pattern || path.startsWith(`${pattern.replace(/\/$/, "")}/`);
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "*" && pattern[i + 1] === "*") {
      // `**/` matches zero or more folders; a trailing `**` everything below.
      source += pattern[i + 2] === "/" ? "(?:[^/]+/)*" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(path);
}

export function normalisePath(path: string): string {
  return path
    .trim()
    .replaceAll("\\", "/")
    .replace(/^(\.\/)+/, "");
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
