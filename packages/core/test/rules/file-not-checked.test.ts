// core/file-not-checked through the real engine: which failed reads become findings (a file a pack
// with an enabled rule owns) and which stay quiet skips, and the limits each file is read with.
import { describe, expect, it } from "vitest";
import type { ResolvedConfig, RuleConfigEntry } from "../../src/config/types.js";
import { HARD_MAX_BYTES, type ReadOptions, type SkimOption } from "../../src/discovery/read.js";
import { type RunFile, type RunOptions, runLint } from "../../src/engine/run.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

const seen = defineRule({
  id: "seen",
  meta: {
    description: "Reports every SQL file it sees.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: { seen: "Seen." },
  },
  create: (ctx) => ({ file: () => ctx.report({ messageId: "seen" }) }),
});

const pack = definePack({
  name: "db",
  rules: [seen],
  owns: (path, settings) => path.startsWith(`${(settings.db as { dir?: string } | undefined)?.dir ?? "migrations"}/`),
});

function config(
  rules: Record<string, RuleConfigEntry["severity"]>,
  extra: Partial<ResolvedConfig> = {},
): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, { severity, options: undefined }])),
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: 1000,
    ...extra,
  };
}

/** Runs the engine over files whose reads all fail with `reason`, recording the limits asked for. */
async function lintUnreadable(
  paths: string[],
  cfg: ResolvedConfig,
  extra: Partial<RunOptions> & { reason?: string } = {},
) {
  const asked = new Map<string, Required<ReadOptions> & SkimOption>();
  const result = await runLint({
    config: cfg,
    files: paths.map((path): RunFile => ({ path, absolutePath: `/v/${path}` })),
    workers: 0,
    readText: async (file, options) => {
      asked.set(file.path, options);
      return { ok: false, reason: extra.reason ?? "binary", detail: "test" };
    },
    ...extra,
  });
  return { result, asked };
}

describe("core/file-not-checked", () => {
  it("reports a file the pack owns at error, with the pack and the reason, and skips a file no pack owns", async () => {
    const { result } = await lintUnreadable(["migrations/1.sql", "logo.png"], config({ "db/seen": "error" }));
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity, f.message])).toEqual([
      [
        "core/file-not-checked",
        "migrations/1.sql",
        1,
        1,
        "error",
        "The db pack checks this file, but it could not be read: it is binary where text was expected (test).",
      ],
    ]);
    expect(result.skipped).toEqual([{ file: "logo.png", reason: "binary" }]);
  });

  it("names each reason", async () => {
    for (const [reason, text] of [
      ["unreadable", "it cannot be read"],
      ["too-large", "it is too large"],
      ["not-decodable", "it is not decodable as text"],
    ]) {
      const { result } = await lintUnreadable(["migrations/1.sql"], config({ "db/seen": "error" }), { reason });
      expect(result.findings[0]?.message).toContain(`could not be read: ${text} (test).`);
    }
  });

  it("reads an owned file up to the hard ceiling as text, and another file up to maxFileSize", async () => {
    const { asked } = await lintUnreadable(
      ["migrations/1.sql", "notes.txt", "src/a.ts"],
      config({ "db/seen": "error" }),
    );
    expect(asked.get("migrations/1.sql")).toEqual({ maxBytes: HARD_MAX_BYTES, textExpected: true, binary: false });
    // No rule reads them: they are skimmed for directives, with the same limits.
    const skimmed = { skimFor: "deploylint-" };
    expect(asked.get("notes.txt")).toEqual({ maxBytes: 1000, textExpected: false, binary: false, ...skimmed });
    expect(asked.get("src/a.ts")).toEqual({ maxBytes: 1000, textExpected: true, binary: false, ...skimmed });
  });

  it("asks Pack.owns with the file's settings, overrides included", async () => {
    const cfg = config(
      { "db/seen": "error" },
      {
        settings: { db: { dir: "db" } },
        overrides: [{ files: ["sql/**"], rules: {}, settings: { db: { dir: "sql" } } }],
      },
    );
    const { result } = await lintUnreadable(["sql/1.sql", "migrations/1.sql"], cfg);
    expect(result.findings.map((f) => f.file)).toEqual(["sql/1.sql"]);
  });

  it("counts a pack only while one of its rules is enabled for the file", async () => {
    const off = await lintUnreadable(["migrations/1.sql"], config({ "db/seen": "off" }));
    expect(off.result.findings).toEqual([]);
    expect(off.asked.get("migrations/1.sql")?.maxBytes).toBe(1000);
    const overridden = await lintUnreadable(
      ["migrations/1.sql"],
      config(
        { "db/seen": "error" },
        { overrides: [{ files: ["migrations/**"], rules: { "db/seen": { severity: "off", options: undefined } } }] },
      ),
    );
    expect(overridden.result.findings).toEqual([]);
  });

  it("follows its own severity, and shows under --only like a parse error", async () => {
    const warn = await lintUnreadable(
      ["migrations/1.sql"],
      config({ "db/seen": "error", "core/file-not-checked": "warn" }),
    );
    expect(warn.result.findings.map((f) => f.severity)).toEqual(["warn"]);
    const off = await lintUnreadable(
      ["migrations/1.sql"],
      config({ "db/seen": "error", "core/file-not-checked": "off" }),
    );
    expect(off.result.findings).toEqual([]);
    expect(off.result.skipped).toEqual([{ file: "migrations/1.sql", reason: "binary" }]);
    const only = await lintUnreadable(["migrations/1.sql"], config({ "db/seen": "error" }), { only: ["db/seen"] });
    expect(only.result.findings.map((f) => f.ruleId)).toEqual(["core/file-not-checked"]);
  });

  it("skips an owned file outside --changed-since / --staged, and an encrypted one", async () => {
    const outside = await lintUnreadable(["migrations/1.sql"], config({ "db/seen": "error" }), {
      lintPaths: new Set(["other.sql"]),
    });
    expect(outside.result.findings).toEqual([]);
    const encrypted = await lintUnreadable(["migrations/1.sql"], config({ "db/seen": "error" }), {
      reason: "encrypted",
    });
    expect(encrypted.result.findings).toEqual([]);
    expect(encrypted.result.skipped).toEqual([{ file: "migrations/1.sql", reason: "encrypted" }]);
  });

  it("owns deploylint's own config files in any folder", async () => {
    const { result } = await lintUnreadable(
      ["deploylint.config.yaml", "pkg/deploylint.config.json", "other.yaml"],
      config({}),
    );
    expect(result.findings.map((f) => f.file)).toEqual(["deploylint.config.yaml", "pkg/deploylint.config.json"]);
  });

  it("decodes preloaded bytes with the same limits: an undecodable staged file in scope is a finding", async () => {
    const result = await runLint({
      config: config({ "db/seen": "error" }),
      files: [
        { path: "migrations/1.sql", absolutePath: "/v/migrations/1.sql", bytes: new Uint8Array(2000).fill(1) },
        { path: "migrations/2.sql", absolutePath: "/v/migrations/2.sql", bytes: new Uint8Array(2000).fill(0x41) },
      ],
      workers: 0,
      readText: async () => ({ ok: false, reason: "unused" }),
    });
    expect(result.findings.map((f) => [f.ruleId, f.file])).toEqual([
      ["core/file-not-checked", "migrations/1.sql"],
      ["db/seen", "migrations/2.sql"],
    ]);
  });
});
