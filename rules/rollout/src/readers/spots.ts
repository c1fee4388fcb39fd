// Positions of keys in YAML/JSON documents, as the Spot a finding points at.
import { type LineIndex, nodeRangeAt } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { Spot } from "../facts.js";

export type KeyPath = readonly (string | number)[];

/** A function giving the spot of a key path in one document (the nearest existing ancestor when absent). */
export function spotter(document: Document, lines: LineIndex, base: KeyPath = []): (path: KeyPath) => Spot {
  return (path) => {
    const full = [...base, ...path];
    for (let length = full.length; length >= 0; length--) {
      const range = nodeRangeAt(document, full.slice(0, length));
      if (range) {
        const start = lines.positionAt(range.start);
        // A key's span, not the block under it: a finding covers one line.
        const end = lines.positionAt(range.end);
        return end.line === start.line
          ? { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
          : { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
      }
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return null;
}

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
