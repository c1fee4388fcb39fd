// meta.reportsOn "fact-files": a partial run (--staged, --changed-since) skips a project rule whose
// findings could only land outside the change, and every run holds the rule to its word.
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { RuleCrash } from "../../src/engine/lint-file.js";
import { runLint } from "../../src/engine/run.js";
import type { ChangeSet } from "../../src/rule-api/index.js";
import { defineExtractor, definePack, defineRule } from "../../src/rule-api/index.js";

const versions = defineExtractor({
  id: "version",
  kinds: ["sql"],
  create(ctx) {
    return { file: () => ctx.emit({ version: ctx.file.path.slice(0, 3) }) };
  },
});

/** Reports every second file with a version fact; `elsewhere` also reports on notes.txt, breaking its word. */
function versionRule(options: { reportsOn?: "fact-files"; elsewhere?: boolean; checks: string[] }) {
  return defineRule({
    id: "pairs",
    scope: "project",
    meta: {
      description: "Versions come in pairs.",
      kinds: ["sql"],
      facts: ["version"],
      ...(options.reportsOn ? { reportsOn: options.reportsOn } : {}),
      presets: { recommended: "error", strict: "error" },
      messages: { odd: "Version {{version}} has no pair." },
    },
    check(ctx) {
      options.checks.push("checked");
      for (const fact of ctx.facts<{ version: string }>("version"))
        ctx.report({ messageId: "odd", data: { version: fact.data.version }, file: fact.file, line: 1 });
      if (options.elsewhere) ctx.report({ messageId: "odd", data: { version: "?" }, file: "notes.txt", line: 1 });
    },
  });
}

function configFor(rule: ReturnType<typeof versionRule>): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack: definePack({ name: "t", rules: [rule], extractors: [versions] }), specifier: null }],
    rules: { "t/pairs": { severity: "error", options: undefined } },
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: 1 << 20,
  };
}

const FILES = { "001_a.sql": "CREATE TABLE a (id int);\n", "notes.txt": "hello\n" };

function lint(rule: ReturnType<typeof versionRule>, lintPaths: string[] | null, changes: ChangeSet | null = null) {
  return runLint({
    config: configFor(rule),
    files: Object.entries(FILES).map(([path, text]) => ({ path, absolutePath: `/v/${path}`, text })),
    only: null,
    workers: 0,
    lintPaths: lintPaths ? new Set(lintPaths) : null,
    changes,
    readText: async () => ({ ok: false, reason: "unused" }),
  });
}

const NO_CHANGE: ChangeSet = { base: "0".repeat(40), added: [], modified: ["notes.txt"], deleted: [] };

describe('meta.reportsOn: "fact-files"', () => {
  it("skips the rule when no file of the change emitted its facts", async () => {
    const checks: string[] = [];
    const result = await lint(versionRule({ reportsOn: "fact-files", checks }), ["notes.txt"], NO_CHANGE);
    expect(checks).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it("runs it when a file of the change emitted one, and keeps that file's findings", async () => {
    const checks: string[] = [];
    const change: ChangeSet = { ...NO_CHANGE, modified: ["001_a.sql"] };
    const result = await lint(versionRule({ reportsOn: "fact-files", checks }), ["001_a.sql"], change);
    expect(checks).toEqual(["checked"]);
    expect(result.findings.map((f) => [f.ruleId, f.file])).toEqual([["t/pairs", "001_a.sql"]]);
  });

  it("runs it when the change deletes a file, whose findings belong to the change", async () => {
    const checks: string[] = [];
    const change: ChangeSet = { ...NO_CHANGE, deleted: ["000_gone.sql"] };
    await lint(versionRule({ reportsOn: "fact-files", checks }), ["notes.txt"], change);
    expect(checks).toEqual(["checked"]);
  });

  it("runs a rule without the promise in every partial run", async () => {
    const checks: string[] = [];
    await lint(versionRule({ checks }), ["notes.txt"], NO_CHANGE);
    expect(checks).toEqual(["checked"]);
  });

  it("is an internal error when the rule reports on a file that emitted none of its facts", async () => {
    const rule = versionRule({ reportsOn: "fact-files", elsewhere: true, checks: [] });
    const error = await lint(rule, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleCrash);
    expect((error as Error).message).toMatch(/t\/pairs .*notes\.txt, which emitted none of its facts \(version\)/);
    // Without the promise the same report is an ordinary finding.
    const plain = await lint(versionRule({ elsewhere: true, checks: [] }), null);
    expect(plain.findings.map((f) => f.file)).toEqual(["001_a.sql", "notes.txt"]);
  });
});
