// The docs generator's pure functions on a fake pack: presets, doc headers, the README table,
// and the doc/test cross-checks (a missing page is reported, never written).
import { describe, expect, it } from "vitest";
import {
  collectRules,
  findMissing,
  firstDifferentLine,
  HEADER_BEGIN,
  HEADER_END,
  plan,
  renderHeader,
  renderPreset,
  renderRulesTable,
  replaceBetween,
} from "../../tools/docs/lib.mjs";

const noDrop = {
  id: "no-drop",
  meta: {
    description: "Disallow dropping things.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
  },
};
const lockTimeout = {
  id: "lock-timeout",
  meta: {
    description: "Require a lock | timeout.",
    kinds: ["sql", "script"],
    presets: { recommended: "off", strict: "warn" },
  },
};
const ordered = {
  id: "ordered",
  scope: "project",
  meta: {
    description: "Require ordered versions.",
    kinds: [],
    presets: { recommended: "info", strict: "error" },
    options: { type: "object", properties: { strict: { type: "boolean" } }, additionalProperties: false },
  },
};
const fake = { name: "fake", rules: [noDrop, lockTimeout, ordered] };
const entries = collectRules([fake]).entries;
const entry = (key: string) => {
  const found = entries.find((e: { key: string }) => e.key === key);
  if (!found) throw new Error(`no entry ${key}`);
  return found;
};

describe("collectRules", () => {
  it("sorts rules by full id and reports none for a sound pack", () => {
    const { entries: sorted, problems } = collectRules([fake]);
    expect(sorted.map((e: { key: string }) => e.key)).toEqual(["fake/lock-timeout", "fake/no-drop", "fake/ordered"]);
    expect(problems).toEqual([]);
  });

  it("reports duplicate ids, prefixed ids and bad preset severities", () => {
    const bad = {
      name: "bad",
      rules: [
        noDrop,
        noDrop,
        { ...noDrop, id: "bad/x" },
        { ...noDrop, id: "y", meta: { ...noDrop.meta, presets: { recommended: "warning", strict: "error" } } },
      ],
    };
    const { entries: kept, problems } = collectRules([bad]);
    expect(kept.map((e: { key: string }) => e.key)).toEqual(["bad/no-drop"]);
    expect(problems).toEqual([
      "bad/no-drop is defined twice.",
      'bad/bad/x: the rule id must not contain "/" (the pack prefix is added).',
      "bad/y: meta.presets.recommended must be one of error, warn, info, off.",
    ]);
  });
});

describe("renderPreset", () => {
  it("lists every rule at its preset severity, sorted, leaving out off", () => {
    expect(renderPreset(entries, "recommended")).toBe(
      '{\n  "rules": {\n    "fake/no-drop": "error",\n    "fake/ordered": "info"\n  }\n}\n',
    );
    expect(JSON.parse(renderPreset(entries, "strict"))).toEqual({
      rules: { "fake/lock-timeout": "warn", "fake/no-drop": "error", "fake/ordered": "error" },
    });
  });

  it("writes the options a preset sets beside its severity, and only in that preset", () => {
    const styled = {
      id: "styled",
      meta: {
        description: "Style.",
        kinds: ["dotenv"],
        presets: { recommended: "warn", strict: "error" },
        presetOptions: { strict: { style: true } },
        options: { type: "object" },
      },
    };
    const { entries: withOptions } = collectRules([{ name: "fake", rules: [styled] }]);
    expect(JSON.parse(renderPreset(withOptions, "strict"))).toEqual({
      rules: { "fake/styled": ["error", { style: true }] },
    });
    expect(JSON.parse(renderPreset(withOptions, "recommended"))).toEqual({ rules: { "fake/styled": "warn" } });
    expect(renderHeader(withOptions[0])).toContain('| warn | error with `{"style":true}` | dotenv | yes |');
  });

  it("puts into the opt-in strategy preset only the rules that set a severity for it", () => {
    const pipeline = {
      id: "require-checks",
      meta: {
        description: "Checks.",
        kinds: ["yaml"],
        presets: { recommended: "off", strict: "error", strategy: "warn" },
      },
    };
    const { entries: mixed } = collectRules([{ name: "fake", rules: [pipeline, ...entries.map((e) => e.rule)] }]);
    expect(JSON.parse(renderPreset(mixed, "strategy"))).toEqual({ rules: { "fake/require-checks": "warn" } });
    expect(JSON.parse(renderPreset(mixed, "recommended")).rules).not.toHaveProperty("fake/require-checks");
  });

  it("rejects a strategy severity that is not one", () => {
    const bad = {
      id: "b",
      meta: { description: "B.", kinds: [], presets: { recommended: "off", strict: "off", strategy: "on" } },
    };
    expect(collectRules([{ name: "fake", rules: [bad] }]).problems).toEqual([
      "fake/b: meta.presets.strategy, when set, must be one of error, warn, info, off.",
    ]);
  });

  it("renders an empty preset when no rule exists yet", () => {
    expect(renderPreset([], "strict")).toBe('{\n  "rules": {}\n}\n');
  });
});

describe("renderHeader", () => {
  it("renders the title, description and metadata table of a file rule", () => {
    expect(renderHeader(entry("fake/lock-timeout"))).toBe(
      [
        "",
        "# fake/lock-timeout",
        "",
        "Require a lock | timeout.",
        "",
        "| Recommended | Strict | Applies to | Has options |",
        "| --- | --- | --- | --- |",
        "| off | warn | sql, script | no |",
        "",
        "",
      ].join("\n"),
    );
  });

  it("shows project scope and the options schema of a project rule", () => {
    const header = renderHeader(entry("fake/ordered"));
    expect(header).toContain("| info | error | project | yes |");
    expect(header).toContain(
      `Options schema:\n\n\`\`\`json\n${JSON.stringify(ordered.meta.options, null, 2)}\n\`\`\`\n`,
    );
  });
});

describe("renderRulesTable", () => {
  it("links each rule to its page and escapes pipes in descriptions", () => {
    expect(renderRulesTable(entries)).toBe(
      [
        "",
        "| Rule | Recommended | Strict | Description |",
        "| --- | --- | --- | --- |",
        "| [fake/lock-timeout](docs/rules/fake/lock-timeout.md) | off | warn | Require a lock \\| timeout. |",
        "| [fake/no-drop](docs/rules/fake/no-drop.md) | error | error | Disallow dropping things. |",
        "| [fake/ordered](docs/rules/fake/ordered.md) | info | error | Require ordered versions. |",
        "",
      ].join("\n"),
    );
  });
});

describe("replaceBetween", () => {
  const page = `${HEADER_BEGIN}\n${HEADER_END}\n\n## Why\n\nBecause.\n`;

  it("fills the region and keeps the hand-written body as is", () => {
    const filled = replaceBetween(page, { begin: HEADER_BEGIN, end: HEADER_END, content: "\n# t\n" });
    expect(filled).toBe(`${HEADER_BEGIN}\n# t\n${HEADER_END}\n\n## Why\n\nBecause.\n`);
    expect(replaceBetween(filled ?? "", { begin: HEADER_BEGIN, end: HEADER_END, content: "\n# t\n" })).toBe(filled);
  });

  it("returns null when a marker is missing or the markers are swapped", () => {
    expect(replaceBetween("## Why\n", { begin: HEADER_BEGIN, end: HEADER_END, content: "x" })).toBeNull();
    expect(
      replaceBetween(`${HEADER_END}\n${HEADER_BEGIN}\n`, { begin: HEADER_BEGIN, end: HEADER_END, content: "x" }),
    ).toBeNull();
  });
});

describe("findMissing", () => {
  it("reports a rule without a doc page or test and a page for an unknown rule", () => {
    const problems = findMissing({
      entries,
      docPages: ["docs/rules/fake/no-drop.md", "docs/rules/fake/ordered.md", "docs/rules/fake/gone.md"],
      testFiles: ["rules/fake/test/no-drop.test.ts", "rules/fake/test/lock-timeout.test.ts"],
    });
    expect(problems).toEqual([
      "fake/lock-timeout has no doc page: write docs/rules/fake/lock-timeout.md.",
      "fake/ordered has no test: write rules/fake/test/ordered.test.ts.",
      "docs/rules/fake/gone.md documents no known rule: remove it or fix its name.",
    ]);
  });

  it("reports nothing when every rule has both and every page has a rule", () => {
    const keys = ["lock-timeout", "no-drop", "ordered"];
    expect(
      findMissing({
        entries,
        docPages: keys.map((id) => `docs/rules/fake/${id}.md`),
        testFiles: new Set(keys.map((id) => `rules/fake/test/${id}.test.ts`)),
      }),
    ).toEqual([]);
  });
});

describe("plan", () => {
  const body = "\n## Why\n\nHand-written.\n";
  const files: Record<string, string> = {
    "docs/rules/fake/no-drop.md": `${HEADER_BEGIN}\n${HEADER_END}\n${body}`,
    "docs/rules/fake/ordered.md": `# Ordered\n${body}`,
    "presets/recommended.json": renderPreset(entries, "recommended"),
    "README.md": "# Project\n",
  };
  const result = plan({
    packs: [fake],
    docPages: ["docs/rules/fake/no-drop.md", "docs/rules/fake/ordered.md"],
    testFiles: [
      "rules/fake/test/no-drop.test.ts",
      "rules/fake/test/lock-timeout.test.ts",
      "rules/fake/test/ordered.test.ts",
    ],
    readText: (path: string) => files[path] ?? null,
  });
  const byPath = new Map(result.outputs.map((o: { path: string }) => [o.path, o]));

  it("never plans to write a missing doc page, and reports it with the page lacking markers", () => {
    expect(byPath.has("docs/rules/fake/lock-timeout.md")).toBe(false);
    expect(byPath.has("docs/rules/fake/ordered.md")).toBe(false);
    expect(result.problems).toEqual([
      `docs/rules/fake/ordered.md lacks the lines ${HEADER_BEGIN} and ${HEADER_END} (in that order).`,
      "fake/lock-timeout has no doc page: write docs/rules/fake/lock-timeout.md.",
    ]);
  });

  it("fills the header of an existing page and keeps its body", () => {
    const page = byPath.get("docs/rules/fake/no-drop.md");
    expect(page?.before).toBe(files["docs/rules/fake/no-drop.md"]);
    expect(page?.after).toBe(`${HEADER_BEGIN}${renderHeader(entry("fake/no-drop"))}${HEADER_END}\n${body}`);
  });

  it("sees an up-to-date preset as unchanged and a missing one as new", () => {
    const recommended = byPath.get("presets/recommended.json");
    expect(recommended?.before).toBe(recommended?.after);
    expect(byPath.get("presets/strict.json")?.before).toBeNull();
  });

  it("leaves a README without table markers alone", () => {
    expect(byPath.has("README.md")).toBe(false);
  });
});

describe("firstDifferentLine", () => {
  it("names the first line that differs, or null for equal texts", () => {
    expect(firstDifferentLine("a\nb\nc\n", "a\nb\nc\n")).toBeNull();
    expect(firstDifferentLine("a\nb\nc\n", "a\nB\nc\n")).toBe(2);
    expect(firstDifferentLine("a\n", "a\nb\n")).toBe(2);
  });
});
