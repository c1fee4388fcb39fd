// Tests for strategy-docs/migration-rules-stated. The rule reads which migrations rules the
// resolved config enables, so most cases run with the migrations pack loaded and some of its rules
// on (runRules); the RuleTester cases run without it.

import { RuleTester } from "@deploylint/rule-tester";
import migrations from "@deploylint/rules-migrations";
import { describe, expect, it } from "vitest";
import { regexpsBuiltByAsync } from "../../../test/support/regexp-work.js";
import { fixture, runRules, STRATEGY, testPack, variant } from "./helpers/fixtures.js";

const ID = "strategy-docs/migration-rules-stated";
const RULES = "- `migrations/no-drop-column`\n- `migrations/require-concurrent-index`";

const tester = new RuleTester({ pack: testPack });

tester.run("migration-rules-stated", {
  valid: [
    {
      name: "no migration rule enabled and none promised",
      files: variant(
        STRATEGY,
        `Migrations follow expand and contract. The config enforces:\n\n${RULES}`,
        "Migrations are reviewed by hand.",
      ),
    },
  ],
  invalid: [
    {
      name: "a rule id deploylint does not have (the migrations pack is not loaded here): at the item",
      files: fixture("good"),
      errors: [
        { file: STRATEGY, messageId: "unknown", data: { rule: "migrations/no-drop-column" }, line: 37, column: 1 },
        {
          file: STRATEGY,
          messageId: "unknown",
          data: { rule: "migrations/require-concurrent-index" },
          line: 38,
          column: 1,
        },
      ],
    },
  ],
});

const on = {
  "migrations/no-drop-column": "error",
  "migrations/require-concurrent-index": "error",
  [ID]: "error",
} as const;

async function findings(files: Record<string, string>, rules: Record<string, "error" | "off"> = on) {
  const all = await runRules({ files, rules, packs: [migrations] });
  return all.filter((finding) => finding.ruleId === ID).map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe(`${ID} against the resolved config`, () => {
  it("passes when the promised rules are the enabled ones", async () => {
    expect(await findings(fixture("good"))).toEqual([]);
  });

  it("passes on bare ids of known rules", async () => {
    const files = variant(
      STRATEGY,
      RULES,
      "We never merge a migration that fails no-drop-column or require-concurrent-index.",
    );
    expect(await findings(files)).toEqual([]);
  });

  it("reports a promised rule the config switches off, at its item", async () => {
    expect(await findings(fixture("good"), { ...on, "migrations/require-concurrent-index": "off" })).toEqual([
      "38:1 The migration safety section promises migrations/require-concurrent-index, which the config switches off: reviewers rely on a check that does not run.",
    ]);
  });

  it("reports a section that names none of the enforced rules, at its heading", async () => {
    const files = variant(STRATEGY, RULES, "Be careful with migrations.");
    expect(await findings(files)).toEqual([
      "33:1 The migration safety section names none of the 2 migration rules the config enforces (such as migrations/no-drop-column): the rules a migration must follow are not stated.",
    ]);
  });

  it("takes a rule the document lists as off for no promise, in the form `deploylint strategy` writes", async () => {
    const written = `- \`migrations/no-drop-column\` (error): a column is dropped only after the code stops reading it\n\nSwitched off (not enforced):\n\n- \`migrations/require-concurrent-index\` (off)\n- \`migrations/no-rename-column\` (off)`;
    const files = variant(STRATEGY, RULES, written);
    const rules = {
      ...on,
      "migrations/require-concurrent-index": "off",
      "migrations/no-rename-column": "off",
    } as const;
    expect(await findings(files, rules)).toEqual([]);
  });

  it("takes a clause saying a rule is off, disabled or not enforced for no promise, and still judges the others", async () => {
    const text = [
      "We enforce `migrations/no-drop-column`; `migrations/require-concurrent-index` is not enforced.",
      "",
      "- `migrations/no-rename-column` is switched off for now",
      "- `migrations/require-lock-timeout`: disabled",
    ].join("\n");
    const files = variant(STRATEGY, RULES, text);
    const rules = {
      ...on,
      "migrations/require-concurrent-index": "off",
      "migrations/no-rename-column": "off",
      "migrations/require-lock-timeout": "off",
    } as const;
    expect(await findings(files, rules)).toEqual([]);
    // The same text with the promised rule switched off: that one is still a broken promise.
    expect(await findings(files, { ...rules, "migrations/no-drop-column": "off" })).toEqual([
      "37:1 The migration safety section promises migrations/no-drop-column, which the config switches off: reviewers rely on a check that does not run.",
    ]);
  });

  it("takes a feature flag switched off for no word on the rule named beside it", async () => {
    const files = variant(
      STRATEGY,
      RULES,
      "- `migrations/no-drop-column` keeps the old column, so the feature flag can be switched off without a schema change",
    );
    expect(await findings(files, { ...on, "migrations/no-drop-column": "off" })).toEqual([
      "37:1 The migration safety section promises migrations/no-drop-column, which the config switches off: reviewers rely on a check that does not run.",
    ]);
  });

  it("counts rules listed as off as no statement of the enforced ones", async () => {
    const files = variant(STRATEGY, RULES, "Switched off (not enforced):\n\n- `migrations/no-rename-column` (off)");
    expect(await findings(files, { ...on, "migrations/no-rename-column": "off" })).toEqual([
      "33:1 The migration safety section names none of the 2 migration rules the config enforces (such as migrations/no-drop-column): the rules a migration must follow are not stated.",
    ]);
  });

  it("says nothing of a section still marked for filling in", async () => {
    const files = variant(STRATEGY, RULES, "<!-- deploylint: fill in -->");
    expect(await findings(files)).toEqual([]);
  });
});

describe(`${ID}: cost`, () => {
  /** RegExp objects constructed (not literals) while the packs lint the good fixture with `clauses` more clauses. */
  async function regexpsBuilt(clauses: number): Promise<number> {
    const filler = Array.from({ length: clauses }, (_, i) => `Step ${i} keeps the old column readable`).join("; ");
    const files = variant(
      STRATEGY,
      "Migrations follow expand and contract.",
      `Migrations follow expand and contract. ${filler}.`,
    );
    return regexpsBuiltByAsync(() => findings(files));
  }

  it("builds the bare-id patterns once per run, not once per clause", async () => {
    expect(await regexpsBuilt(200)).toBe(await regexpsBuilt(2));
  });
});
