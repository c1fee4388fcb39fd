import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  decodeSource,
  type ReadOptions,
  type ReadResult,
  readSource,
  readSourceSync,
} from "../../src/discovery/index.js";
import { cleanup, tempDir } from "./helpers.js";

afterEach(cleanup);

type Reader = (file: { absolutePath: string }, options?: ReadOptions) => Promise<ReadResult>;

const readers: [string, Reader][] = [
  ["readSource", readSource],
  ["readSourceSync", async (file, options) => readSourceSync(file, options)],
];

function fileWith(content: string | Buffer, name = "file.txt"): { absolutePath: string } {
  const absolutePath = path.join(tempDir(), name);
  writeFileSync(absolutePath, content);
  return { absolutePath };
}

// Root reads through chmod 000, so the permission case is only meaningful for other users.
function permissionsBlockReads(): boolean {
  const probe = fileWith("probe");
  chmodSync(probe.absolutePath, 0o000);
  try {
    readFileSync(probe.absolutePath);
    return false;
  } catch {
    return true;
  }
}

describe.each(readers)("%s", (_name, read) => {
  it("returns UTF-8 text without a byte order mark", async () => {
    expect(await read(fileWith("SELECT 1;\n"))).toEqual({ ok: true, text: "SELECT 1;\n" });
    expect(await read(fileWith(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])))).toEqual({ ok: true, text: "hé" });
  });

  it("skips a 50 MB file as too large (sparse, so the test stays fast)", async () => {
    const file = fileWith("");
    truncateSync(file.absolutePath, 50 * 1024 * 1024);
    expect(await read(file)).toEqual({ ok: false, reason: "too-large", detail: "50 MiB, over the limit of 2 MiB" });
  });

  it("honours maxBytes exactly", async () => {
    const file = fileWith("12345");
    expect(await read(file, { maxBytes: 5 })).toEqual({ ok: true, text: "12345" });
    expect(await read(file, { maxBytes: 4 })).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("skips binary content (a NUL byte in the first 8 KiB) but not a NUL after it", async () => {
    expect(await read(fileWith(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])))).toMatchObject({
      ok: false,
      reason: "binary",
    });
    const late = Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0])]);
    expect(await read(fileWith(late))).toEqual({ ok: true, text: late.toString("utf8") });
  });

  it("reads invalid UTF-8 lossily, one U+FFFD per invalid byte", async () => {
    expect(await read(fileWith(Buffer.from([0x61, 0xff, 0xfe, 0x62])))).toEqual({ ok: true, text: "a\uFFFD\uFFFDb" });
    // Latin-1 "é" alone is not valid UTF-8.
    expect(await read(fileWith(Buffer.from([0x63, 0x61, 0x66, 0xe9])))).toEqual({ ok: true, text: "caf\uFFFD" });
  });

  it("decodes a file the caller expects to be text with the text heuristics", async () => {
    const withNul = Buffer.from("-- a NUL \0 in a comment\nSELECT 1;\n");
    expect(await read(fileWith(withNul), { textExpected: true })).toEqual({ ok: true, text: withNul.toString() });
    expect(await read(fileWith(withNul))).toMatchObject({ ok: false, reason: "binary" });
  });

  it("reports a missing file, a folder, a dangling link and a FIFO as unreadable", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "folder"));
    symlinkSync("nowhere", path.join(dir, "dangling"));
    execFileSync("mkfifo", [path.join(dir, "pipe")]);
    for (const name of ["missing", "folder", "dangling", "pipe"]) {
      expect(await read({ absolutePath: path.join(dir, name) })).toMatchObject({ ok: false, reason: "unreadable" });
    }
  });

  it("reports a file without read permission as unreadable (a link loop when running as root)", async () => {
    if (permissionsBlockReads()) {
      const file = fileWith("secret");
      chmodSync(file.absolutePath, 0o000);
      expect(await read(file)).toMatchObject({ ok: false, reason: "unreadable" });
    } else {
      const dir = tempDir();
      symlinkSync("b", path.join(dir, "a"));
      symlinkSync("a", path.join(dir, "b"));
      expect(await read({ absolutePath: path.join(dir, "a") })).toMatchObject({ ok: false, reason: "unreadable" });
    }
  });
});

describe("readSource", () => {
  it("reads with blocking calls: readSource's promise is settled when it returns (no thread-pool round trips)", async () => {
    const file = fileWith("SELECT 1;\n");
    const settled = await Promise.race([readSource(file), Promise.resolve("pending")]);
    expect(settled).toEqual({ ok: true, text: "SELECT 1;\n" });
  });
});

describe("decodeSource", () => {
  it("applies the same checks to bytes already in memory", () => {
    expect(decodeSource(Buffer.from("ok"))).toEqual({ ok: true, text: "ok" });
    expect(decodeSource(Buffer.from([0]))).toMatchObject({ ok: false, reason: "binary" });
    expect(decodeSource(Buffer.from([0xc3]))).toEqual({ ok: true, text: "\uFFFD" });
    expect(decodeSource(Buffer.from("abc"), { maxBytes: 2 })).toEqual({
      ok: false,
      reason: "too-large",
      detail: "3 bytes, over the limit of 2 bytes",
    });
  });
});
