// settings.migrations.startAfter, after strong_migrations' start_after: migrations at or before
// that version shipped long ago. Per-file rules and the per-migration project rules leave them
// alone (a finding there is history, not news), while the change-set rules (an edited applied
// migration, a new one numbered before it) still see every migration.
import type { Settings } from "@deploylint/core/rule-api";
import { compareVersions } from "./version-order.js";

/** settings.migrations.startAfter as text (YAML reads `startAfter: 20240101120000` as a number). */
export function startAfterOf(settings: Settings): string | null {
  const block = settings.migrations;
  if (typeof block !== "object" || block === null) return null;
  const value = (block as Record<string, unknown>).startAfter;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Whether a migration of this version is history under startAfter. A migration without a version
 * cannot be placed, so it is never history: silence has to be earned.
 */
export function isHistory(version: string | null, startAfter: string | null): boolean {
  if (startAfter === null || version === null || version === "") return false;
  // The order byVersion applies migrations in: 20240101 < 20240102, 9 < 10.
  return compareVersions(version, startAfter) <= 0;
}
