import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { companionPath, companionsUnchanged, createCompanionReader, keyOf } from "../../src/engine/companions.js";
import { runLint } from "../../src/engine/run.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

describe("companionPath", () => {
  it("resolves beside the file, above it, and from the working directory", () => {
    expect(companionPath("db/m/001/up.sql", "metadata.toml")).toBe("db/m/001/metadata.toml");
    expect(companionPath("db/m/001/up.sql", "../lock.toml")).toBe("db/m/lock.toml");
    expect(companionPath("db/m/001/up.sql", "/drizzle.config.ts")).toBe("drizzle.config.ts");
    expect(companionPath("up.sql", "sub\\\\x.toml")).toBe("sub/x.toml");
  });

  it("refuses paths that leave the working directory", () => {
    expect(companionPath("m/up.sql", "../../etc/passwd")).toBeNull();
    expect(companionPath("up.sql", "../x")).toBeNull();
    expect(companionPath("up.sql", "/../x")).toBeNull();
    expect(companionPath("m/up.sql", "..")).toBeNull();
  });
});

describe("createCompanionReader", () => {
  it("prefers preloaded text, then reads the working tree; absent files are null", () => {
    const root = mkdtempSync(join(tmpdir(), "deploylint-companions-"));
    mkdirSync(join(root, "m"));
    writeFileSync(join(root, "m/a.toml"), "disk\n");
    writeFileSync(join(root, "m/b.toml"), "disk b\n");
    const read = createCompanionReader({ root, preloaded: new Map([["m/a.toml", "staged\n"]]) });
    expect(read("m/a.toml")).toBe("staged\n");
    expect(read("m/b.toml")).toBe("disk b\n");
    expect(read("m/missing.toml")).toBeNull();
    expect(read("m")).toBeNull();
    expect(createCompanionReader({ root: null })("m/b.toml")).toBeNull();
  });

  it("says whether recorded companions are unchanged", () => {
    const read = createCompanionReader({ root: null, preloaded: new Map([["a", "1"]]) });
    expect(companionsUnchanged(undefined, read)).toBe(true);
    expect(companionsUnchanged({ a: keyOf("1"), b: null }, read)).toBe(true);
    expect(companionsUnchanged({ a: keyOf("2") }, read)).toBe(false);
    expect(companionsUnchanged({ b: keyOf("") }, read)).toBe(false);
  });
});

// A rule whose verdict depends on a companion: "allow.txt" beside the file lists allowed words.
const allowList = defineRule({
  id: "allow-list",
  meta: {
    description: "Words must be listed in allow.txt beside the file.",
    kinds: ["text"],
    presets: { recommended: "error", strict: "error" },
    messages: { unlisted: "{{word}} is not in allow.txt." },
  },
  create(ctx) {
    return {
      text(text) {
        const allowed = new Set((ctx.companion("allow.txt") ?? "").split(/\s+/));
        for (const word of text.match(/[a-z]+/g) ?? []) {
          if (!allowed.has(word)) ctx.report({ messageId: "unlisted", data: { word } });
        }
      },
    };
  },
});

const dialectSeen = defineRule({
  id: "dialect-seen",
  meta: {
    description: "Reports the dialect a SQL file was parsed as.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: { seen: "{{dialect}}" },
  },
  create(ctx) {
    return { sql: (source) => ctx.report({ messageId: "seen", data: { dialect: source.dialect } }) };
  },
});

const pack = definePack({
  name: "t",
  rules: [allowList, dialectSeen],
  sqlDialect: (file) => (file.companion("dialect.txt") ?? "").trim() || null,
});

function config(settings: Record<string, unknown> = {}): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: {
      "t/allow-list": { severity: "error", options: undefined },
      "t/dialect-seen": { severity: "error", options: undefined },
    },
    overrides: [],
    settings,
    ignores: [],
    maxFileSize: 1 << 20,
  };
}

/** Lints the given files (all preloaded); findings on `of` only. */
async function findingsOf(of: string, files: Record<string, string>, settings: Record<string, unknown> = {}) {
  const result = await runLint({
    config: config(settings),
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/v/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "unused" }),
  });
  return result.findings.filter((f) => f.file === of).map((f) => f.message);
}

describe("ctx.companion", () => {
  it("gives a rule the text of a file beside its own, from the run's files", async () => {
    expect(await findingsOf("a/notes.md", { "a/notes.md": "alpha beta\n", "a/allow.txt": "alpha" })).toEqual([
      "beta is not in allow.txt.",
    ]);
  });

  it("is null when the companion is absent", async () => {
    expect(await findingsOf("a/notes.md", { "a/notes.md": "alpha\n" })).toEqual(["alpha is not in allow.txt."]);
  });
});

describe("Pack.sqlDialect", () => {
  const sql = "SELECT 1;\n";
  it("names the dialect when the config does not", async () => {
    expect(await findingsOf("m/x.sql", { "m/x.sql": sql, "m/dialect.txt": "mysql" })).toEqual(["mysql"]);
    expect(await findingsOf("m/x.sql", { "m/x.sql": sql, "m/dialect.txt": "sqlite3" })).toEqual(["sqlite"]);
  });

  it("comes after the configured dialect and before folder names", async () => {
    const files = { "m/x.sql": sql, "m/dialect.txt": "mysql" };
    expect(await findingsOf("m/x.sql", files, { migrations: { dialect: "sqlite" } })).toEqual(["sqlite"]);
    const inFolder = { "sqlite/x.sql": sql, "sqlite/dialect.txt": "mysql" };
    expect(await findingsOf("sqlite/x.sql", inFolder)).toEqual(["mysql"]);
  });

  it("is ignored when it names no dialect we parse", async () => {
    expect(await findingsOf("m/x.sql", { "m/x.sql": sql, "m/dialect.txt": "oracle" })).toEqual(["postgresql"]);
    expect(await findingsOf("mysql/x.sql", { "mysql/x.sql": sql })).toEqual(["mysql"]);
  });
});
