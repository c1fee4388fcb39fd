// --debug's per-file timings: each rule, extractor and parser is charged its own time only, so a
// parse a rule asks for counts as the parser's, and a run without --debug reads no clock.
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { type RunFile, runLint } from "../../src/engine/run.js";
import { createStopwatch } from "../../src/engine/stopwatch.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

describe("createStopwatch", () => {
  it("charges nested work to the nested id, not to the one around it", () => {
    let clock = 0;
    const stopwatch = createStopwatch(() => clock);
    stopwatch.time("rule", () => {
      clock += 2;
      stopwatch.time("parse:sql", () => {
        clock += 10;
      });
      clock += 3;
    });
    stopwatch.time("other", () => {
      clock += 1;
    });
    stopwatch.time("rule", () => {
      clock += 4;
    });
    expect(stopwatch.slowest(5)).toEqual([
      { id: "parse:sql", ms: 10 },
      { id: "rule", ms: 9 },
      { id: "other", ms: 1 },
    ]);
    expect(stopwatch.slowest(1)).toEqual([{ id: "parse:sql", ms: 10 }]);
  });

  it("still charges work that throws", () => {
    let clock = 0;
    const stopwatch = createStopwatch(() => clock);
    expect(() =>
      stopwatch.time("rule", () => {
        clock += 5;
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(stopwatch.slowest(1)).toEqual([{ id: "rule", ms: 5 }]);
  });
});

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

const FILES: Record<string, string> = { "db/migrations/1.sql": "CREATE TABLE t (id uuid);" };

async function run(debug?: (message: string) => void) {
  return runLint({
    config,
    files: Object.keys(FILES).map((path): RunFile => ({ path, absolutePath: `/v/${path}` })),
    workers: 0,
    readText: async (file) => ({ ok: true, text: FILES[file.path] ?? "" }),
    ...(debug ? { debug } : {}),
  });
}

describe("--debug per-file timings", () => {
  it("names the parsers and rules that ran, with their own times", async () => {
    const debug: string[] = [];
    await run((message) => debug.push(message));
    const line = debug.find((message) => message.startsWith("per-file phase, slowest:"));
    expect(line).toBeDefined();
    const named = [...(line ?? "").matchAll(/([\w:/-]+) \d+ ms/g)].map((match) => match[1]).sort();
    expect(named).toEqual(["db/statements", "parse:sql"]);
  });

  it("charges a memo's work to the memo, not to the first rule that asks for it", async () => {
    const asks = (id: string) =>
      defineRule({
        id,
        meta: {
          description: "Asks for the shared model.",
          kinds: ["sql"],
          presets: { recommended: "error", strict: "error" },
          messages: { seen: "Seen." },
        },
        create: (ctx) => ({
          statement: () => {
            ctx.memo("db:model", () => {
              clock += 1000;
              return 1;
            });
          },
        }),
      });
    // A clock that moves only inside the memo, so the charge does not depend on the machine's load.
    let clock = 0;
    const original = performance.now;
    performance.now = () => clock;
    const debug: string[] = [];
    await runLint({
      config: {
        ...config,
        packs: [{ pack: definePack({ name: "db", rules: [asks("first"), asks("second")] }), specifier: null }],
        rules: {
          "db/first": { severity: "error", options: undefined },
          "db/second": { severity: "error", options: undefined },
        },
      },
      files: Object.keys(FILES).map((path): RunFile => ({ path, absolutePath: `/v/${path}` })),
      workers: 0,
      readText: async (file) => ({ ok: true, text: FILES[file.path] ?? "" }),
      debug: (message) => debug.push(message),
    }).finally(() => {
      performance.now = original;
    });
    const line = debug.find((message) => message.startsWith("per-file phase, slowest:")) ?? "";
    const times = new Map([...line.matchAll(/([\w:/-]+) (\d+) ms/g)].map((match) => [match[1], Number(match[2])]));
    expect(times.get("memo:db:model")).toBe(1000);
    expect(times.get("db/first") ?? 0).toBe(0);
  });

  it("reads no clock around visitors without --debug", async () => {
    const original = performance.now;
    let reads = 0;
    performance.now = () => {
      reads++;
      return original.call(performance);
    };
    try {
      const result = await run();
      expect(result.findings).toHaveLength(1);
    } finally {
      performance.now = original;
    }
    const withoutDebug = reads;
    reads = 0;
    performance.now = () => {
      reads++;
      return original.call(performance);
    };
    try {
      await run(() => {});
    } finally {
      performance.now = original;
    }
    // The run's own phase clocks read it a few times either way; the stopwatch adds two per visit.
    expect(reads).toBeGreaterThanOrEqual(withoutDebug + 6);
  });
});
