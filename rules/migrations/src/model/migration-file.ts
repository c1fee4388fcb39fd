// Recognises a SQL migration's framework, version, name and up/down sections from its path and
// text, with each framework's transaction behaviour (who wraps a file in a transaction, and how a
// file opts out).
import type { OffsetRange } from "@deploylint/core/rule-api";
import {
  type Companion,
  dieselRunsInTransaction,
  flywayExecutesInTransaction,
  isAtlasDirectory,
  isDrizzleDirectory,
} from "./framework-files.js";
import { changesetRollback } from "./liquibase-rollback.js";
import type { Direction, Framework, MigrationFile, Section } from "./types.js";

interface Marker {
  direction: Direction;
  /** Where the marker line starts (the section it opens starts here). */
  start: number;
  transactional: boolean;
}

const DBMATE_MARKER = /^--[ \t]*migrate:(up|down)\b([^\n]*)$/gim;
const GOOSE_MARKER = /^--[ \t]*\+goose[ \t]+(up|down)\b[^\n]*$/gim;
const GOOSE_NO_TRANSACTION = /^--[ \t]*\+goose[ \t]+NO[ \t]+TRANSACTION\b/im;
const LIQUIBASE_HEADER = /^\s*--[ \t]*liquibase[ \t]+formatted[ \t]+sql\b/i;
const LIQUIBASE_CHANGESET = /^--[ \t]*changeset[ \t]+([^\n]*)$/gim;
const ATLAS_TXMODE = /^--[ \t]*atlas:txmode[ \t]+(\w+)/im;
const SQITCH_HEADER = /^--[ \t]*(Deploy|Revert|Verify)[ \t]+\S+[ \t]+(?:to|from|on)[ \t]+\w+/im;
const DRIZZLE_BREAKPOINT = /^--> statement-breakpoint/m;

const GOLANG_MIGRATE = /^(\d+)_(.+)\.(up|down)\.sql$/i;
const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/i;
const FLYWAY_REPEATABLE = /^R__(.+)\.sql$/i;
const VERSIONED_FOLDER = /^([\d-]+)_(.+)$/;
const PLAIN_VERSION = /^(\d+)[_-](.+)\.sql$/i;
const SQITCH_FOLDERS: Record<string, Direction | "verify"> = { deploy: "up", revert: "down", verify: "verify" };

export const FRAMEWORKS: readonly Framework[] = [
  "golang-migrate",
  "dbmate",
  "goose",
  "diesel",
  "prisma",
  "flyway",
  "liquibase",
  "sqitch",
  "drizzle",
  "atlas",
  "knex",
  "typeorm",
  "node-pg-migrate",
  "sequelize",
  "tagged-sql",
  "plain",
];

function markers(text: string, pattern: RegExp, transactional: (line: string) => boolean): Marker[] {
  return [...text.matchAll(pattern)].map((match) => ({
    direction: (match[1] ?? "").toLowerCase() === "down" ? "down" : "up",
    start: match.index,
    transactional: transactional(match[0]),
  }));
}

/** Sections between consecutive markers (text before the first marker belongs to none). */
function sectionsFrom(found: Marker[], length: number): Section[] {
  return found.map((marker, i) => ({
    direction: marker.direction,
    range: { start: marker.start, end: found[i + 1]?.start ?? length },
    transactional: marker.transactional,
  }));
}

function whole(direction: Direction, length: number, transactional: boolean | null): Section[] {
  const range: OffsetRange = { start: 0, end: length };
  return [{ direction, range, transactional }];
}

function directionOf(sections: Section[]): Direction | "both" {
  const directions = new Set(sections.map((section) => section.direction));
  if (directions.size === 1) return [...directions][0] ?? "up";
  return "both";
}

function basenameVersion(basename: string): { version: string | null; name: string } {
  const version = PLAIN_VERSION.exec(basename);
  return { version: version?.[1] ?? null, name: version?.[2] ?? basename.replace(/\.sql$/i, "") };
}

/** `author:id` at the start of a `--changeset` line's text (an author may be quoted: `"Ann Lee":1`). */
function changesetId(rest: string): string {
  return /^(?:"[^"]*"|'[^']*'|[^\s:]+):\S+|^\S+/.exec(rest.trim())?.[0] ?? "";
}

/**
 * Liquibase formatted SQL: each changeset is an up section, applied in its own transaction (unless
 * runInTransaction:false) and rolled back by its own `--rollback` lines.
 */
function liquibase(text: string, basename: string): MigrationFile {
  const found = [...text.matchAll(LIQUIBASE_CHANGESET)];
  const sections = found.map((match, i): Section => {
    const range: OffsetRange = { start: match.index, end: found[i + 1]?.index ?? text.length };
    const rollback = changesetRollback(text, range);
    return {
      direction: "up",
      range,
      transactional: !/\brunInTransaction:false\b/i.test(match[0]),
      changeset: { id: changesetId(match[1] ?? ""), rollback: rollback.kind, rollbackStart: rollback.start },
    };
  });
  const kinds = sections.map((section) => section.changeset?.rollback);
  // The file as a whole (for readers that do not look at changesets): it has a down when any
  // changeset has one, and needs none when every changeset says so.
  const notRequired = kinds.length > 0 && kinds.every((kind) => kind === "notRequired");
  return {
    framework: "liquibase",
    ...basenameVersion(basename),
    direction: kinds.includes("written") ? "both" : "up",
    sections,
    ...(notRequired ? { downNotRequired: true } : {}),
  };
}

/** Frameworks recognised from markers in the text. */
function fromText(text: string, basename: string): MigrationFile | null {
  const named = basenameVersion(basename);
  const dbmate = markers(text, DBMATE_MARKER, (line) => !/\btransaction:false\b/i.test(line));
  if (dbmate.length > 0) {
    const sections = sectionsFrom(dbmate, text.length);
    return { framework: "dbmate", ...named, direction: directionOf(sections), sections };
  }
  const noTransaction = GOOSE_NO_TRANSACTION.test(text);
  const goose = markers(text, GOOSE_MARKER, () => !noTransaction);
  if (goose.length > 0) {
    const sections = sectionsFrom(goose, text.length);
    return { framework: "goose", ...named, direction: directionOf(sections), sections };
  }
  if (LIQUIBASE_HEADER.test(text)) return liquibase(text, basename);
  const atlas = ATLAS_TXMODE.exec(text);
  if (atlas !== null) {
    const transactional = (atlas[1] ?? "").toLowerCase() !== "none";
    return { framework: "atlas", ...named, direction: "up", sections: whole("up", text.length, transactional) };
  }
  return null;
}

/** sqitch: deploy/, revert/ and verify/ scripts of one change share a name; sqitch never wraps them. */
function sqitch(segments: string[], text: string): MigrationFile | null {
  const at = segments.findLastIndex((segment) => SQITCH_FOLDERS[segment.toLowerCase()] !== undefined);
  if (at === -1) return null;
  const role = SQITCH_FOLDERS[(segments[at] ?? "").toLowerCase()];
  const name = segments
    .slice(at + 1)
    .join("/")
    .replace(/\.sql$/i, "");
  if (role === "verify" || role === undefined) {
    return { framework: "sqitch", version: null, name, direction: "up", sections: [], downNotRequired: true };
  }
  return { framework: "sqitch", version: null, name, direction: role, sections: whole(role, text.length, false) };
}

/** Prisma: `<dir>/<version>_<name>/migration.sql`. */
export function isPrismaMigration(segments: string[]): boolean {
  const basename = (segments[segments.length - 1] ?? "").toLowerCase();
  return basename === "migration.sql" && VERSIONED_FOLDER.test(segments[segments.length - 2] ?? "");
}

/** Drizzle by its path or text: a `drizzle/` folder, or drizzle-kit's statement breakpoints. */
export function looksLikeDrizzle(segments: string[], text: string): boolean {
  return segments.some((s) => s.toLowerCase() === "drizzle") || DRIZZLE_BREAKPOINT.test(text);
}

/** Frameworks recognised from the file and folder names (one file per direction). */
function fromPath(segments: string[], text: string, companion: Companion): MigrationFile {
  const length = text.length;
  const basename = segments[segments.length - 1] ?? "";
  const folder = segments[segments.length - 2] ?? "";
  const golang = GOLANG_MIGRATE.exec(basename);
  if (golang !== null) {
    const direction: Direction = (golang[3] ?? "").toLowerCase() === "down" ? "down" : "up";
    // golang-migrate runs the file as is: no transaction unless the file opens one (but see
    // implicitTransaction: PostgreSQL runs a multi-statement query as one).
    const sections = whole(direction, length, false);
    return { framework: "golang-migrate", version: golang[1] ?? null, name: golang[2] ?? "", direction, sections };
  }
  const lower = basename.toLowerCase();
  const versioned = VERSIONED_FOLDER.exec(folder);
  if ((lower === "up.sql" || lower === "down.sql") && versioned !== null) {
    const direction: Direction = lower === "down.sql" ? "down" : "up";
    // diesel wraps each migration in a transaction unless metadata.toml says run_in_transaction = false.
    const sections = whole(direction, length, dieselRunsInTransaction(companion));
    return { framework: "diesel", version: versioned[1] ?? null, name: versioned[2] ?? "", direction, sections };
  }
  if (isPrismaMigration(segments)) {
    // Prisma sends the script as one multi-statement query (see implicitTransaction).
    const sections = whole("up", length, false);
    const [, version = null, name = ""] = versioned ?? [];
    return { framework: "prisma", version, name, direction: "up", sections };
  }
  const flyway = FLYWAY.exec(basename);
  if (flyway !== null) {
    const direction: Direction = (flyway[1] ?? "").toUpperCase() === "U" ? "down" : "up";
    const sections = whole(direction, length, flywayExecutesInTransaction(companion, basename));
    return { framework: "flyway", version: flyway[2] ?? null, name: flyway[3] ?? "", direction, sections };
  }
  const repeatable = FLYWAY_REPEATABLE.exec(basename);
  if (repeatable !== null) {
    const sections = whole("up", length, flywayExecutesInTransaction(companion, basename));
    return { framework: "flyway", version: null, name: repeatable[1] ?? "", direction: "up", sections };
  }
  const named = basenameVersion(basename);
  // Atlas runs each file in its own transaction by default (an `atlas:txmode` directive was read above).
  if (isAtlasDirectory(companion)) {
    return { framework: "atlas", ...named, direction: "up", sections: whole("up", length, true) };
  }
  if (looksLikeDrizzle(segments, text) || isDrizzleDirectory(companion)) {
    // drizzle-kit's migrator applies the pending migrations in one transaction, with no opt-out.
    return { framework: "drizzle", ...named, direction: "up", sections: whole("up", length, true) };
  }
  if (SQITCH_HEADER.test(text) || segments.some((s) => s.toLowerCase() === "sqitch")) {
    const found = sqitch(segments, text);
    if (found !== null) return found;
  }
  return { framework: "plain", ...named, direction: "up", sections: whole("up", length, null) };
}

/** The framework named in settings, when it is one we know. */
export function configuredFramework(value: unknown): Framework | null {
  return typeof value === "string" && FRAMEWORKS.includes(value as Framework) ? (value as Framework) : null;
}

// How a configured framework treats a file whose name and text did not say (a plain file).
const CONFIGURED_TRANSACTIONAL: Partial<Record<Framework, boolean | null>> = {
  dbmate: true,
  goose: true,
  flyway: true,
  diesel: true,
  drizzle: true,
  atlas: true,
  liquibase: true,
  "golang-migrate": false,
  prisma: false,
  sqitch: false,
};

/** A plain file under a configured framework: the framework's name and transaction behaviour. */
export function asConfigured(
  file: MigrationFile,
  framework: Framework,
  segments: string[],
  text: string,
): MigrationFile {
  if (file.framework !== "plain" || framework === "plain") return file;
  if (framework === "sqitch") return sqitch(segments, text) ?? { ...file, framework };
  const transactional = CONFIGURED_TRANSACTIONAL[framework] ?? null;
  return { ...file, framework, sections: file.sections.map((section) => ({ ...section, transactional })) };
}

export function detectMigrationFile(options: {
  path: string;
  text: string;
  framework?: Framework | null;
  /** Reads the framework files beside the migration; without it, none is found. */
  companion?: Companion;
}): MigrationFile {
  const segments = options.path.replace(/\\/g, "/").split("/");
  const companion = options.companion ?? (() => null);
  const detected =
    fromText(options.text, segments[segments.length - 1] ?? "") ?? fromPath(segments, options.text, companion);
  return options.framework ? asConfigured(detected, options.framework, segments, options.text) : detected;
}

/**
 * Whether the framework sends a whole section as one multi-statement query, which PostgreSQL runs
 * as one implicit transaction when it holds more than one statement (golang-migrate, Prisma).
 */
export function sendsAsOneQuery(framework: Framework): boolean {
  return framework === "golang-migrate" || framework === "prisma";
}
