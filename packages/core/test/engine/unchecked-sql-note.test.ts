// A SQL file of a dialect no parser reads (ClickHouse, …) is left alone quietly: no statement reaches
// the rules, and --debug says which file and why.
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { type RunFile, runLint } from "../../src/engine/run.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

const statements = defineRule({
  id: "statements",
  meta: {
    description: "Reports every statement it is given.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: { seen: "Seen." },
  },
  create: (ctx) => ({ statement: (statement) => ctx.report({ messageId: "seen", range: statement.range }) }),
});

const config: ResolvedConfig = {
  configFile: null,
  packs: [{ pack: definePack({ name: "db", rules: [statements] }), specifier: null }],
  rules: { "db/statements": { severity: "error", options: undefined } },
  overrides: [],
  settings: {},
  ignores: [],
  maxFileSize: 100000,
};

const FILES: Record<string, string> = {
  "db/clickhouse/migrations/1.sql": "ALTER TABLE t ADD COLUMN x String AFTER id;",
  "db/migrations/2.sql": "CREATE TABLE t (id UUID) ENGINE = MergeTree ORDER BY id;",
  "db/migrations/3.sql": "CREATE TABLE t (id uuid);",
};

describe("SQL of an unchecked dialect", () => {
  it("reaches no rule, and --debug names each file left alone with the reason", async () => {
    const debug: string[] = [];
    const result = await runLint({
      config,
      files: Object.keys(FILES).map((path): RunFile => ({ path, absolutePath: `/v/${path}` })),
      workers: 0,
      readText: async (file) => ({ ok: true, text: FILES[file.path] ?? "" }),
      debug: (message) => debug.push(message),
    });
    expect(result.findings.map((finding) => finding.file)).toEqual(["db/migrations/3.sql"]);
    expect(debug.filter((line) => line.includes("left alone"))).toEqual([
      'db/clickhouse/migrations/1.sql: SQL left alone: written for ClickHouse (it is under the folder "db/clickhouse")',
      "db/migrations/2.sql: SQL left alone: written for ClickHouse (it has a MergeTree table engine)",
    ]);
  });
});
