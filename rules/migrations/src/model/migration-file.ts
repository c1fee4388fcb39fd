// Recognises a SQL migration's framework, version, name and up/down sections from its path and text.
import type { OffsetRange } from "@deploylint/core/rule-api";
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

const GOLANG_MIGRATE = /^(\d+)_(.+)\.(up|down)\.sql$/i;
const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/i;
const FLYWAY_REPEATABLE = /^R__(.+)\.sql$/i;
const VERSIONED_FOLDER = /^([\d-]+)_(.+)$/;
const PLAIN_VERSION = /^(\d+)[_-](.+)\.sql$/i;

const FRAMEWORKS = new Set<Framework>(["golang-migrate", "dbmate", "goose", "diesel", "prisma", "flyway", "plain"]);

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

/** Frameworks recognised from markers in the text (one file holds up and down). */
function fromText(text: string, basename: string): MigrationFile | null {
  const version = PLAIN_VERSION.exec(basename);
  const name = version?.[2] ?? basename.replace(/\.sql$/i, "");
  const dbmate = markers(text, DBMATE_MARKER, (line) => !/\btransaction:false\b/i.test(line));
  if (dbmate.length > 0) {
    const sections = sectionsFrom(dbmate, text.length);
    return { framework: "dbmate", version: version?.[1] ?? null, name, direction: directionOf(sections), sections };
  }
  const noTransaction = GOOSE_NO_TRANSACTION.test(text);
  const goose = markers(text, GOOSE_MARKER, () => !noTransaction);
  if (goose.length > 0) {
    const sections = sectionsFrom(goose, text.length);
    return { framework: "goose", version: version?.[1] ?? null, name, direction: directionOf(sections), sections };
  }
  return null;
}

/** Frameworks recognised from the file and folder names (one file per direction). */
function fromPath(segments: string[], length: number): MigrationFile {
  const basename = segments[segments.length - 1] ?? "";
  const folder = segments[segments.length - 2] ?? "";
  const golang = GOLANG_MIGRATE.exec(basename);
  if (golang !== null) {
    const direction: Direction = (golang[3] ?? "").toLowerCase() === "down" ? "down" : "up";
    // golang-migrate runs the file as is: no transaction unless the file opens one.
    const sections = whole(direction, length, false);
    return { framework: "golang-migrate", version: golang[1] ?? null, name: golang[2] ?? "", direction, sections };
  }
  const lower = basename.toLowerCase();
  const versioned = VERSIONED_FOLDER.exec(folder);
  if ((lower === "up.sql" || lower === "down.sql") && versioned !== null) {
    const direction: Direction = lower === "down.sql" ? "down" : "up";
    // diesel wraps each migration in a transaction unless metadata.toml opts out (not visible here).
    const sections = whole(direction, length, true);
    return { framework: "diesel", version: versioned[1] ?? null, name: versioned[2] ?? "", direction, sections };
  }
  if (lower === "migration.sql" && versioned !== null) {
    const sections = whole("up", length, null);
    return { framework: "prisma", version: versioned[1] ?? null, name: versioned[2] ?? "", direction: "up", sections };
  }
  const flyway = FLYWAY.exec(basename);
  if (flyway !== null) {
    const direction: Direction = (flyway[1] ?? "").toUpperCase() === "U" ? "down" : "up";
    const sections = whole(direction, length, true);
    return { framework: "flyway", version: flyway[2] ?? null, name: flyway[3] ?? "", direction, sections };
  }
  const repeatable = FLYWAY_REPEATABLE.exec(basename);
  if (repeatable !== null) {
    return {
      framework: "flyway",
      version: null,
      name: repeatable[1] ?? "",
      direction: "up",
      sections: whole("up", length, true),
    };
  }
  const plain = PLAIN_VERSION.exec(basename);
  const name = plain?.[2] ?? basename.replace(/\.sql$/i, "");
  return {
    framework: "plain",
    version: plain?.[1] ?? null,
    name,
    direction: "up",
    sections: whole("up", length, false),
  };
}

/** The framework named in settings, when it is one we know. */
export function configuredFramework(value: unknown): Framework | null {
  return typeof value === "string" && FRAMEWORKS.has(value as Framework) ? (value as Framework) : null;
}

export function detectMigrationFile(options: { path: string; text: string }): MigrationFile {
  const segments = options.path.replace(/\\/g, "/").split("/");
  return fromText(options.text, segments[segments.length - 1] ?? "") ?? fromPath(segments, options.text.length);
}
