import { definePack, defineRule } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import { RuleTester } from "../src/index.js";

const noFoo = defineRule({
  id: "no-foo",
  meta: {
    description: "Disallow foo.",
    kinds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: { foo: "Found {{word}} in a statement." },
    options: { type: "object", properties: { word: { type: "string" } }, additionalProperties: false },
    defaultOptions: { word: "foo" },
  },
  create(ctx) {
    return {
      statement(statement) {
        const at = statement.text.indexOf(ctx.options.word);
        if (at >= 0) {
          const start = statement.range.start + at;
          ctx.report({
            messageId: "foo",
            data: { word: ctx.options.word },
            range: { start, end: start + ctx.options.word.length },
          });
        }
      },
    };
  },
});

const pack = definePack({ name: "demo", rules: [noFoo] });
const tester = new RuleTester({ pack });

// The tester's own cases, run like any pack's.
tester.run("no-foo", {
  valid: [{ filename: "a.sql", code: "SELECT 1;" }],
  invalid: [
    {
      filename: "a.sql",
      code: "SELECT 1;\nSELECT foo;",
      errors: [{ messageId: "foo", line: 2, column: 8, endColumn: 11 }],
    },
    {
      filename: "a.sql",
      code: "SELECT bar;",
      options: { word: "bar" },
      errors: [{ messageId: "foo", data: { word: "bar" }, line: 1, column: 8 }],
    },
  ],
});

describe("RuleTester.findingsFor", () => {
  it("returns the rule's findings through the real engine, with options merged over defaults", async () => {
    const findings = await tester.findingsFor("no-foo", {
      filename: "x.sql",
      code: "SELECT foo; SELECT bar;",
      options: { word: "bar" },
    });
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ["demo/no-foo", 1, 20, "Found bar in a statement."],
    ]);
  });

  it("rejects options the rule's schema does not allow", async () => {
    await expect(
      tester.findingsFor("no-foo", { filename: "x.sql", code: "SELECT 1;", options: { word: 3 } }),
    ).rejects.toThrow(/must be string/);
  });

  it("reports an unknown rule", async () => {
    await expect(tester.findingsFor("no-such", { filename: "x.sql", code: "" })).rejects.toThrow(
      /demo has no rule demo\/no-such/,
    );
  });
});

const noDeletedFiles = defineRule({
  id: "no-deleted",
  scope: "project",
  meta: {
    description: "Disallow deleting a migration.",
    kinds: ["sql"],
    facts: [],
    presets: { recommended: "error", strict: "error" },
    messages: { deleted: "The change deletes {{file}}." },
  },
  check(ctx) {
    for (const file of ctx.changes?.deleted ?? []) ctx.report({ messageId: "deleted", data: { file }, file, line: 1 });
  },
});

new RuleTester({ pack: definePack({ name: "changes", rules: [noDeletedFiles] }) }).run("no-deleted", {
  valid: [{ files: { "a.sql": "SELECT 1;" } }, { files: { "a.sql": "SELECT 1;" }, changes: { added: ["a.sql"] } }],
  invalid: [
    {
      files: { "a.sql": "SELECT 1;" },
      changes: { deleted: ["old.sql"] },
      errors: [{ file: "old.sql", messageId: "deleted", data: { file: "old.sql" }, line: 1, column: 1 }],
    },
  ],
});
