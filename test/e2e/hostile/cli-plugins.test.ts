// A plugin cannot make the gate crash without a cause, or pass after a crash: a malformed rule is a
// one-line config error naming the plugin and the rule, and an asynchronous throw exits 2.
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const META = `{ description: "d", kinds: ["sql"], presets: { recommended: "error", strict: "error" }, messages: { m: "M." } }`;

/** A repository loading ./pack.mjs (whose default export is `pack`) with a SQL file to lint. */
function withPack(pack: string, extraConfig = ""): string {
  return tempRepo({
    "deploylint.config.yaml": `plugins: [./pack.mjs]\n${extraConfig}`,
    "pack.mjs": `export default ${pack};\n`,
    "db/migrations/000001_a.up.sql": "SELECT 1;\n",
    "db/migrations/000001_a.down.sql": "SELECT 1;\n",
  });
}

function expectOneLine(run: { status: number | null; stderr: string; stdout: string }): string {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("malformed plugin rules", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a rule without an id",
      `{ name: "team", rules: [{ meta: ${META}, create() { return {}; } }] }`,
      /plugins\[0\]: the pack "\.\/pack\.mjs" has a malformed rule at rules\[0\]: id must be/,
    ],
    [
      "a rule without meta",
      `{ name: "team", rules: [{ id: "no-meta", create() { return {}; } }] }`,
      /the pack "\.\/pack\.mjs" has a malformed rule "no-meta" \(rules\[0\]\): meta must be an object/,
    ],
    [
      "meta.messages that is not an object",
      `{ name: "team", rules: [{ id: "bad-messages", meta: { ...${META}, messages: "oops" }, create() { return {}; } }] }`,
      /malformed rule "bad-messages" \(rules\[0\]\): meta\.messages must be an object/,
    ],
    [
      "create that is not a function",
      `{ name: "team", rules: [{ id: "no-create", meta: ${META}, create: 42 }] }`,
      /malformed rule "no-create" \(rules\[0\]\): create must be a function/,
    ],
  ];
  for (const [title, pack, message] of cases) {
    it(`${title} exits 2 with one line naming the plugin and the rule`, () => {
      const line = expectOneLine(runCli([], { cwd: withPack(pack) }));
      expect(line).toMatch(/^deploylint: .*deploylint\.config\.yaml:1: /);
      expect(line).toMatch(message);
    });
  }
});

describe("asynchronous throws in a plugin", () => {
  const rule = (body: string) =>
    `{ name: "team", rules: [{ id: "late", meta: ${META}, create() { ${body}; return { statement() {} }; } }] }`;

  it("a throw in a setTimeout callback exits 2 with its message and no stack trace", () => {
    const dir = withPack(
      rule(`setTimeout(() => { throw new Error("late failure in a timer"); }, 1)`),
      "rules: { team/late: error }\n",
    );
    const run = runCli(["--format", "json"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("late failure in a timer");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain("Node.js v");
  });

  it("a rejected promise exits 2 with its message; --debug adds the stack", () => {
    const dir = withPack(rule(`Promise.reject(new Error("rejected in a rule"))`), "rules: { team/late: error }\n");
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("rejected in a rule");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const debug = runCli(["--debug"], { cwd: dir });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
