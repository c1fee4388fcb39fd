// Helpers for the pack's project rules: migration facts grouped into migrations (an up and its
// down, wherever they live), ordered by version within their folder.
import type { FactRecord } from "@deploylint/core/rule-api";
import type { ChangesetFact, MigrationFact, OperationFact, SectionFact } from "./facts.js";
import { compareVersions } from "./version-order.js";

export interface MigrationGroup {
  key: string;
  root: string;
  framework: MigrationFact["framework"];
  version: string | null;
  /** The fact holding the up section (null when only a down file exists). */
  up: MigrationFact | null;
  /** The fact holding the down section, which is the same as `up` for dbmate/goose/Liquibase files. */
  down: MigrationFact | null;
}

/** Groups migration facts by migration (golang-migrate's pair, a diesel folder, a sqitch change). */
export function groupMigrations(records: FactRecord<MigrationFact>[]): MigrationGroup[] {
  const groups = new Map<string, MigrationGroup>();
  for (const { data } of records) {
    const group = groups.get(data.key) ?? {
      key: data.key,
      root: data.root,
      framework: data.framework,
      version: data.version,
      up: null,
      down: null,
    };
    if (data.up !== null && group.up === null) group.up = data;
    if (data.down !== null && group.down === null) group.down = data;
    groups.set(data.key, group);
  }
  return [...groups.values()];
}

/** A Liquibase changeset with its own operations: the unit Liquibase applies and rolls back. */
export interface ChangesetOperations extends Omit<ChangesetFact, "up" | "down"> {
  up: OperationFact[];
  down: OperationFact[];
}

/** The changesets of a Liquibase formatted-SQL file, or null for a file without changesets. */
export function changesetsOf(fact: MigrationFact): ChangesetOperations[] | null {
  if (fact.changesets === undefined) return null;
  const pick = (section: SectionFact | null, indexes: number[]) =>
    indexes.flatMap((index) => section?.operations[index] ?? []);
  return fact.changesets.map((changeset) => ({
    ...changeset,
    up: pick(fact.up, changeset.up),
    down: pick(fact.down, changeset.down),
  }));
}

/** Orders migrations as their tools apply them: by version, then by key. */
export function byVersion(
  a: { version: string | null; key: string },
  b: { version: string | null; key: string },
): number {
  const versions = compareVersions(a.version ?? "", b.version ?? "");
  return versions !== 0 ? versions : a.key.localeCompare(b.key);
}

// Operations that change nothing a down would have to restore.
const NOTHING_TO_UNDO = new Set<OperationFact["type"]>([
  "validate_constraint",
  "set",
  "transaction",
  "maintenance",
  "dml",
  "table_options",
  "truncate",
]);

/** Does the operation change a schema object that a down can restore? */
export function isUndoable(operation: OperationFact): boolean {
  if (NOTHING_TO_UNDO.has(operation.type)) return false;
  // An enum value cannot be removed (PostgreSQL has no ALTER TYPE … DROP VALUE): no down can undo it.
  if (operation.verb === "alter_type_add_value") return false;
  if (operation.type === "other") return /^(create|alter|drop)_/.test(operation.verb ?? "");
  return true;
}

/**
 * Does the section change only what no down could undo (data, settings, an added enum value)? Unlike
 * `!some(isUndoable)`, an operation the pack cannot read (a DO block, an ORM helper) counts as a change.
 */
export function onlyIrreversibleChanges(section: Pick<SectionFact, "operations">): boolean {
  return section.operations.every((op) => NOTHING_TO_UNDO.has(op.type) || op.verb === "alter_type_add_value");
}

/** A section with no statements, or only ones that do nothing (SELECT 1, SET, BEGIN/COMMIT). */
export function doesNothing(section: Pick<SectionFact, "operations">): boolean {
  return section.operations.every(
    (op) =>
      op.type === "transaction" ||
      op.type === "set" ||
      (op.type === "other" && /^(select|analyze|comment|show)$/.test(op.verb ?? "")),
  );
}

/**
 * Why the author made this migration's down refuse on purpose, or null: a `deploylint: irreversible`
 * marker, a down that throws or raises, or a comment of a down left empty on purpose.
 */
export function irreversibleReason(group: Pick<MigrationGroup, "up" | "down">): string | null {
  for (const fact of [group.down, group.up]) {
    const found = fact?.irreversible;
    if (found === undefined) continue;
    const down = group.down?.down;
    if (!found.onlyIfEmpty || down === null || down === undefined || doesNothing(down)) return found.reason;
  }
  return null;
}
