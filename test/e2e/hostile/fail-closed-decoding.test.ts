// Decoding does not give up easily: stray Latin-1 bytes, UTF-16/32 with a byte-order mark and a
// NUL in a comment still get a migration checked; text that is not decodable is reported.
import { describe, expect, it } from "vitest";
import { runJson, tempRepo } from "../../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";
const DROP = "-- Remove the legacy column.\nALTER TABLE users DROP COLUMN legacy;\n";
const DOWN = "ALTER TABLE users ADD COLUMN legacy text;\n";

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0) as number);
  const out = Buffer.alloc(points.length * 4);
  for (const [i, p] of points.entries()) {
    if (littleEndian) out.writeUInt32LE(p, i * 4);
    else out.writeUInt32BE(p, i * 4);
  }
  return out;
}

/** Lints one up migration (with a plain down) and returns its findings as "rule line:column". */
function findingsOf(up: Buffer) {
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "db/migrations/000001_drop.up.sql": up,
    "db/migrations/000001_drop.down.sql": DOWN,
  });
  const { report, status } = runJson([], { cwd: dir });
  return {
    status,
    found: report.findings
      .filter((f) => f.file === "db/migrations/000001_drop.up.sql")
      .map((f) => `${f.ruleId} ${f.line}:${f.column}`),
    messages: report.findings.map((f) => f.message),
  };
}

describe("decoding a migration", () => {
  it("reads UTF-8 with a stray Latin-1 byte, keeping lines and columns", () => {
    // "café" in Latin-1 on line 1; the finding on line 2 must still point at column 1.
    const up = Buffer.concat([Buffer.from([0x2d, 0x2d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from(DROP)]);
    expect(findingsOf(up).found).toEqual(["migrations/no-drop-column 3:1"]);
    // The same byte inside the statement: columns after it count it as one character.
    const inline = Buffer.concat([
      Buffer.from("ALTER TABLE users DROP COLUMN legacy; -- caf"),
      Buffer.from([0xe9, 0x0a]),
    ]);
    expect(findingsOf(inline).found).toEqual(["migrations/no-drop-column 1:1"]);
  });

  it("decodes UTF-16 LE/BE and UTF-32 LE/BE with a byte-order mark", () => {
    const encodings: [string, Buffer][] = [
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DROP, "utf16le")])],
      ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(DROP, "utf16le").swap16()])],
      ["utf-32le", Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(DROP, true)])],
      ["utf-32be", Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(DROP, false)])],
    ];
    for (const [name, up] of encodings) {
      expect({ name, found: findingsOf(up).found }).toEqual({ name, found: ["migrations/no-drop-column 2:1"] });
    }
  });

  it("does not call a .sql file binary for a NUL byte in a comment", () => {
    const up = Buffer.from(`-- pasted from a terminal: \0\n${DROP}`);
    expect(findingsOf(up).found).toEqual(["migrations/no-drop-column 3:1"]);
  });

  it("reports UTF-16 without a byte-order mark as not decodable", () => {
    const result = findingsOf(Buffer.from(DROP, "utf16le"));
    expect(result.status).toBe(1);
    expect(result.found).toEqual(["core/file-not-checked 1:1"]);
    expect(result.messages).toContain(
      "The migrations pack checks this file, but it could not be read: it is not decodable as text (UTF-16 without a byte-order mark).",
    );
  });

  it("reports a .sql file that really is binary as binary where text was expected", () => {
    const blob = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const result = findingsOf(blob);
    expect(result.status).toBe(1);
    expect(result.found).toEqual(["core/file-not-checked 1:1"]);
  });
});
