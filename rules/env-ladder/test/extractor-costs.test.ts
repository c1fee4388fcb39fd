// What the ladder's extractors cost on files that give them nothing: every text file of a
// repository reaches the values extractor, and every script the flag-read one. These tests hold
// the cheap paths (no line index, one text scan) and the shared CI reading.
import type { ExtractorContext, Fact } from "@deploylint/core/rule-api";
import { parseYaml } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { callsFlagFunction, DEFAULT_FLAG_FUNCTIONS, flagFunctions } from "../src/extract/flag-reads.js";
import { ciJobExtractor, flagReadExtractor, valuesExtractor } from "../src/extractors.js";

const kindOf = (path: string) =>
  path.endsWith(".yml") || path.endsWith(".yaml")
    ? "yaml"
    : path.endsWith(".ts")
      ? "script"
      : path.endsWith(".json")
        ? "json"
        : "text";

/** An extractor context over one file that counts line-index reads and memo computations. */
function contextFor(path: string, text: string, shared = new Map<string, unknown>()) {
  const counts = { lines: 0, computed: new Map<string, number>() };
  const emitted: Fact[] = [];
  const context = {
    file: {
      path,
      kind: kindOf(path),
      text,
      get lines() {
        counts.lines++;
        return { positionAt: () => ({ line: 1, column: 1 }), offsetAt: () => 0, lineCount: 1 };
      },
    },
    settings: {},
    source: () => {
      throw new Error("not used");
    },
    memo<T>(key: string, compute: () => T): T {
      if (!shared.has(key)) {
        counts.computed.set(key, (counts.computed.get(key) ?? 0) + 1);
        shared.set(key, compute());
      }
      return shared.get(key) as T;
    },
    companion: () => null,
    hashSecret: () => "hash",
    emit: (fact: Fact) => emitted.push(fact),
  } as unknown as ExtractorContext;
  return { context, counts, emitted };
}

describe("env-ladder values extractor on files it does not read", () => {
  it("builds no line index for a text file it returns null for", () => {
    for (const path of ["README.md", "src/app.ts", "docs/notes.txt", "config/app.yml", "package.json"]) {
      const { context, counts } = contextFor(path, "PORT=3000\n");
      expect(valuesExtractor.create(context as never), path).toBeNull();
      expect(counts.lines, path).toBe(0);
    }
  });
});

describe("env-ladder CI reading is shared by the values and ci-job extractors", () => {
  it("reads a workflow's jobs once for both", () => {
    const path = ".github/workflows/deploy.yml";
    const text = [
      "on: push",
      "jobs:",
      "  deploy:",
      "    runs-on: ubuntu-latest",
      "    environment: production",
      "    env:",
      "      LOG_LEVEL: warn",
      "    steps:",
      "      - run: npm run deploy",
      "",
    ].join("\n");
    const parsed = parseYaml(text);
    if (!parsed.ok) throw new Error("fixture does not parse");
    const shared = new Map<string, unknown>();
    const values = contextFor(path, text, shared);
    const jobs = contextFor(path, text, shared);
    valuesExtractor.create(values.context as never)?.yaml?.(parsed.source);
    ciJobExtractor.create(jobs.context as never)?.yaml?.(parsed.source);
    expect([...values.counts.computed.values(), ...jobs.counts.computed.values()]).toEqual([1]);
    expect(values.emitted.length).toBeGreaterThan(0);
    expect(jobs.emitted).toEqual([expect.objectContaining({ id: "deploy" })]);
  });
});

describe("flag function prefilter", () => {
  it("passes a script that calls a flag function by name and nothing else", () => {
    expect(callsFlagFunction("if (client.isOn('beta')) run();", DEFAULT_FLAG_FUNCTIONS)).toBe(true);
    expect(callsFlagFunction("const v = ld.boolVariation('x', false);", DEFAULT_FLAG_FUNCTIONS)).toBe(true);
    expect(callsFlagFunction("const isOn = true; // isOn flag", DEFAULT_FLAG_FUNCTIONS)).toBe(false);
    expect(callsFlagFunction("const a = 1;", DEFAULT_FLAG_FUNCTIONS)).toBe(false);
  });

  it("takes configured names literally, metacharacters included, and none when the list is empty", () => {
    const settings = { ladder: { flagFunctions: ["$flag", "flags.on", 42] } };
    const names = flagFunctions(settings);
    expect(names).toEqual(["$flag", "flags.on"]);
    expect(flagFunctions(settings)).toBe(names);
    expect(callsFlagFunction("$flag('x')", names)).toBe(true);
    expect(callsFlagFunction("flags.on('x')", names)).toBe(true);
    expect(callsFlagFunction("flagsXon('x') flag('x')", names)).toBe(false);
    expect(callsFlagFunction("isOn('x')", flagFunctions({ ladder: { flagFunctions: [] } }))).toBe(false);
  });

  it("keeps a script without a flag call from being parsed", () => {
    const { context } = contextFor("src/app.ts", "export const enabled = isEnabled;\n");
    expect(flagReadExtractor.create(context as never)).toBeNull();
    const calling = contextFor("src/app.ts", "export const on = isEnabled('beta');\n");
    expect(flagReadExtractor.create(calling.context as never)).not.toBeNull();
  });
});
