// Manifest values as table cells: plain text, one line, no `|`, and nothing that could be a
// credential (a manifest can hold a pasted connection string or token; the document is committed).
import type { LadderRow } from "./inputs.js";

const SECRET_KEY = /pass(word)?|passwd|secret|token|api[_-]?key|private[_-]?key|credential|dsn|url/i;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/gi;

/** A scalar as one line of text with any URL's credentials removed; null for no value. */
export function safeText(value: unknown): string | null {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string" || value.trim() === "") return null;
  return value.replace(URL_CREDENTIALS, "$1").replace(/\s+/g, " ").trim();
}

/** A manifest value as a cell: lists joined, maps as `key: value` pairs (secret-named keys left out). */
export function cellText(value: unknown): string | null {
  // `monitoring: false` declares none; "false" in a table would read as a value.
  if (value === false) return "none";
  if (Array.isArray(value)) {
    const items = value.map(safeText).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(", ") : null;
  }
  if (typeof value === "object" && value !== null) {
    const pairs = Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      if (SECRET_KEY.test(key)) return [];
      const text = Array.isArray(item) ? cellText(item) : safeText(item);
      return text === null ? [] : [`${key}: ${text}`];
    });
    return pairs.length > 0 ? pairs.join(", ") : null;
  }
  return safeText(value);
}

/** The database cell: the engine and version of `database: { engine, version }`, or the string given. */
export function databaseText(value: unknown): string | null {
  if (value === false) return "none";
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { engine, version } = value as { engine?: unknown; version?: unknown };
    const name = safeText(engine);
    if (name === null) return null;
    const release = safeText(version);
    return release === null ? name : `${name} ${release}`;
  }
  // A bare string may be a connection URL: only its scheme names the engine.
  const text = safeText(value);
  const scheme = text === null ? null : /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  return scheme ?? text;
}

export function ladderRow(name: string, body: Record<string, unknown>): LadderRow {
  return {
    name,
    database: databaseText(body.database),
    data: cellText(body.data),
    monitoring: cellText(body.monitoring),
    access: cellText(body.access),
  };
}

/** A cell's text with the characters a GFM table cell cannot hold escaped. */
export function escapeCell(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("|", "\\|");
}
