// A real run reads its files synchronously, the files no rule reads (skims) and the others alike:
// the callback reads cost twice the CPU, and on a busy machine waited for the thread pool.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { lintProject } from "../../src/lint.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

// Which files each fs read API was asked for.
const reads = { callback: [] as string[], sync: [] as string[] };
vi.mock("node:fs", async (original) => {
  const actual = await original<typeof import("node:fs")>();
  const name = (file: unknown) => String(file).split("/").slice(-2).join("/");
  return {
    ...actual,
    readFile: (...args: Parameters<typeof actual.readFile>) => {
      reads.callback.push(name(args[0]));
      return (actual.readFile as (...a: unknown[]) => unknown)(...args);
    },
    readFileSync: (...args: Parameters<typeof actual.readFileSync>) => {
      if (typeof args[0] !== "number") reads.sync.push(name(args[0]));
      return actual.readFileSync(...args);
    },
    // A source file is opened once and read through its descriptor (discovery/read.ts).
    openSync: (...args: Parameters<typeof actual.openSync>) => {
      reads.sync.push(name(args[0]));
      return actual.openSync(...args);
    },
  };
});

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

const config = {
  configFile: null,
  packs: [{ pack: definePack({ name: "t", rules: [sqlSeen] }), specifier: null }],
  rules: { "t/sql-seen": { severity: "error" } },
  overrides: [],
  settings: {},
  ignores: [],
  maxFileSize: 1 << 20,
} as unknown as ResolvedConfig;

describe("a real run's reads", () => {
  it("reads every file synchronously, skims and the files rules read alike", async () => {
    const root = mkdtempSync(join(tmpdir(), "deploylint-skim-read-"));
    const files = { "db/1.sql": "SELECT 1;\n", "docs/a.md": "# A\n", "docs/b.txt": "b\n" };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const result = await lintProject({ config, cwd: root, version: "test", workers: 0 });
    expect(result.findings.map((f) => f.file)).toEqual(["db/1.sql"]);
    expect(result.summary.files).toBe(3);
    expect(reads.callback).toEqual([]);
    const linted = new Set(Object.keys(files));
    expect(reads.sync.filter((file) => linted.has(file)).sort()).toEqual(["db/1.sql", "docs/a.md", "docs/b.txt"]);
  });
});
