// Files no rule or extractor reads (the app around the migrations in `--only 'migrations/*' <folder>`)
// are read for their directives only: left undecoded and unlinted when they hold none, with the
// result, the refusals and the directives' effects of a full read.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { decodeText, skimText } from "../../src/discovery/decode.js";
import { readSource } from "../../src/discovery/read.js";
import { type RunOptions, runLint } from "../../src/engine/run.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

const sqlSeen = defineRule({
  id: "sql-seen",
  meta: {
    description: "Reports every SQL file.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: { seen: "Seen." },
  },
  create: (ctx) => ({ file: () => ctx.report({ messageId: "seen", line: 1 }) }),
});

const aboutDocs = {
  id: "about-docs",
  scope: "project" as const,
  meta: {
    description: "Reports line 2 of docs/keep.txt.",
    kinds: [],
    facts: [],
    presets: { recommended: "error" as const, strict: "error" as const },
    messages: { docs: "Docs." },
  },
  check(ctx: { report(d: { messageId: string; file: string; line: number }): void }) {
    ctx.report({ messageId: "docs", file: "docs/keep.txt", line: 2 });
  },
};

const pack = definePack({ name: "t", rules: [sqlSeen, aboutDocs] as never });

const config = {
  configFile: null,
  packs: [{ pack, specifier: null }],
  rules: {
    "t/sql-seen": { severity: "error" },
    "t/about-docs": { severity: "error" },
  },
  overrides: [],
  settings: {},
  ignores: [],
  maxFileSize: 1 << 20,
} as unknown as ResolvedConfig;

const FILES: Record<string, string | Buffer> = {
  "migrations/1.sql": "CREATE TABLE a (id int);\n",
  "docs/plain.md": "# Notes\n\nNothing to see.\n",
  "docs/keep.txt": "# deploylint-disable-next-line t/about-docs\nline two\n",
  "docs/data.txt": Buffer.from([0x61, 0x00, 0x62]),
};

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), "deploylint-skim-"));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function lint(root: string, readText: RunOptions["readText"]) {
  return runLint({
    config,
    files: Object.keys(FILES).map((path) => ({ path, absolutePath: join(root, path) })),
    workers: 0,
    readText,
    root,
  });
}

describe("files no rule reads", () => {
  it("are skimmed for directives, and lint as a full read would", async () => {
    const root = repo();
    const asked = new Map<string, (string | undefined)[]>();
    const skimmed: string[] = [];
    const result = await lint(root, async (file, options) => {
      asked.set(file.path, [...(asked.get(file.path) ?? []), options.skimFor]);
      const read = await readSource(file, options);
      if (read.ok && read.skimmed) skimmed.push(file.path);
      return read;
    });
    expect(asked.get("migrations/1.sql")).toEqual([undefined]);
    expect(asked.get("docs/plain.md")).toEqual(["deploylint-"]);
    expect(skimmed).toEqual(["docs/plain.md"]);
    // Those with a directive are decoded and linted: keep.txt's suppresses the project rule's finding.
    expect(asked.get("docs/keep.txt")).toEqual(["deploylint-", undefined]);

    // A full read of every file (skimFor ignored) gives the same result.
    const full = await lint(root, (file, { skimFor: _ignored, ...limits }) => readSource(file, limits));
    expect(result).toEqual(full);
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([["t/sql-seen", "migrations/1.sql", 1]]);
    expect(result.suppressed.map((f) => [f.ruleId, f.file])).toEqual([["t/about-docs", "docs/keep.txt"]]);
    expect(result.skipped).toEqual([{ file: "docs/data.txt", reason: "binary" }]);
    expect(result.summary.files).toBe(3);
  });
});

describe("skimText", () => {
  const encode = (text: string) => Buffer.from(text, "utf8");

  it("leaves text without the needle undecoded, and decodes text with it", () => {
    expect(skimText(encode("plain é text\n"), "deploylint-")).toEqual({ ok: true, text: "", skimmed: true });
    const marked = encode("é # deploylint-disable x\n");
    expect(skimText(marked, "deploylint-")).toEqual(decodeText(marked));
  });

  it("refuses what decodeText refuses", () => {
    const cases: [Buffer, boolean][] = [
      [Buffer.from([0x61, 0x00, 0x62]), false],
      [Buffer.from("plain text", "utf16le"), true],
      [Buffer.from([0x01, 0x02, 0x03, 0x04, 0x61]), true],
      [Buffer.concat([Buffer.from("\0GITCRYPT\0"), Buffer.from("rest")]), false],
    ];
    for (const [bytes, textExpected] of cases) {
      const decoded = decodeText(bytes, { textExpected });
      expect(decoded.ok).toBe(false);
      expect(skimText(bytes, "deploylint-", { textExpected })).toEqual(decoded);
    }
  });

  it("decodes a file with a byte-order mark, whose bytes a needle search cannot read", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("# deploylint-disable\n", "utf16le")]);
    expect(skimText(utf16, "deploylint-")).toEqual({ ok: true, text: "# deploylint-disable\n" });
  });
});
