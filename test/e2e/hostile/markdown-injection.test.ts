// Issue 13: the markdown report (a PR comment, the GitHub job summary) neutralises what comes from
// the repository: a file name or a name quoted in a message must not ping anyone, render a link or
// an image, inject HTML, or break the table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";
// A file name cannot hold "/", so the team mention and the link live in table names instead.
const HOSTILE_FILE = "db/migrations/000001_@octo-org|x <img src=x onerror=alert(1)> [l](www.evil.example) `c`.up.sql";
const HOSTILE_SQL = [
  'DROP TABLE "@octo-org/security-team";',
  'DROP TABLE "[click](http://evil.example/a)";',
  'DROP TABLE "see https://evil.example/b or www.evil.example";',
  'DROP TABLE "![pixel](https://evil.example/t.png)";',
  'DROP TABLE "<img src=x onerror=alert(1)>";',
  'DROP TABLE "a|b\rc fixes #123";',
  "",
].join("\n");

const DOCS_LINK = /\]\(https:\/\/github\.com\/deploylint\/deploylint\/blob\/main\/docs\/rules\/[\w/-]+\.md\)/g;

function expectInert(markdown: string) {
  // The rule table's docs links are the report's own; nothing else may link.
  const content = markdown.replace(DOCS_LINK, "]");
  expect(content).not.toMatch(/(?<!\\)\]\(/); // [text](url) or ![alt](url)
  expect(content).not.toMatch(/https?:\/\/|www\./i); // bare URLs autolink
  expect(markdown).not.toMatch(/@[\w-]/); // @user and @org/team mentions
  expect(markdown).not.toMatch(/(?<!&)#\d/); // #123 cross-references
  expect(markdown).not.toMatch(/<img/i);
  expect(markdown).not.toMatch(/\r/);
  // Every row of a findings table has its 4 cells: 5 unescaped pipes.
  const rows = markdown.split("\n").filter((line) => /^\| \d+:\d+ \|/.test(line));
  expect(rows).toHaveLength(7);
  for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
  // The file name heads its own section, not a broken one.
  expect(markdown).toMatch(/<details><summary><code>db\/migrations\/000001[^\n]*<\/code> \(7\)<\/summary>/);
}

describe("markdown report of hostile repository content", () => {
  it("--format markdown: no mention, link, image, HTML or broken row", () => {
    const dir = tempRepo({ "deploylint.config.yaml": CONFIG, [HOSTILE_FILE]: HOSTILE_SQL });
    const run = runCli(["--format", "markdown"], { cwd: dir });
    expect(run.status).toBe(1);
    expectInert(run.stdout);
  });

  it("--format github writes the same inert markdown to the job summary", () => {
    const dir = tempRepo({ "deploylint.config.yaml": CONFIG, [HOSTILE_FILE]: HOSTILE_SQL });
    const summary = join(dir, "step-summary.md");
    const run = runCli(["--format", "github"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.status).toBe(1);
    expectInert(readFileSync(summary, "utf8"));
  });
});
