// --fix is idempotent: whatever the input, a second run changes no byte and reports no fix.
// Each case is one repository; the first run may fix, the second must find nothing to do.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const READS = "export const a = [process.env.FOO, process.env.NEW_VAR];\n";
const BOM = "\uFEFF";

// A second fixable rule on the same file: a header inserted by a range edit at offset 0 (after the
// BOM, where the engine's offsets start), next to env-docs' append at the end.
const HEADER_PACK = `export default {
  name: "house",
  rules: [{
    id: "example-header",
    meta: {
      description: "Example files start with the ownership header.",
      kinds: ["dotenv"],
      presets: { recommended: "error", strict: "error" },
      messages: { header: "Start the example with the ownership header." },
      fixable: true,
    },
    create(ctx) {
      return {
        file(file) {
          if (!file.path.endsWith(".env.example") || file.text.startsWith("# Owned by platform.")) return;
          ctx.report({ messageId: "header", line: 1, fix: { range: { start: 0, end: 0 }, text: "# Owned by platform.\\n" } });
        },
      };
    },
  }],
};
`;
const HEADER_CONFIG = "plugins: [./house-pack.mjs]\nrules:\n  house/example-header: error\n";

const cases: [string, Record<string, string | Buffer>, string[]][] = [
  ["a CRLF example", { ".env.example": "# Foo.\r\nFOO=1\r\n", "src/a.ts": READS }, ["NEW_VAR"]],
  ["an example with a BOM", { ".env.example": `${BOM}FOO=1\n`, "src/a.ts": READS }, ["NEW_VAR"]],
  ["an example without a final newline", { ".env.example": "FOO=1", "src/a.ts": READS }, ["NEW_VAR"]],
  [
    "the variable already present, commented out",
    { ".env.example": "FOO=1\n# NEW_VAR=https://example.test\n", "src/a.ts": READS },
    [],
  ],
  [
    "two rules fixing the same BOM, CRLF file",
    {
      ".env.example": `${BOM}FOO=1\r\n`,
      "src/a.ts": READS,
      "deploylint.config.yaml": HEADER_CONFIG,
      "house-pack.mjs": HEADER_PACK,
    },
    ["NEW_VAR"],
  ],
  [
    "two undocumented variables in one run",
    { ".env.example": "FOO=1\n", "src/a.ts": `${READS}export const b = process.env.SECOND_VAR;\n` },
    ["NEW_VAR", "SECOND_VAR"],
  ],
  ["the example file missing entirely", { "src/a.ts": READS }, ["FOO", "NEW_VAR"]],
  [
    "a configured example path that does not exist yet",
    { "src/a.ts": READS, "deploylint.config.yaml": "settings:\n  envDocs: { example: config/.env.defaults }\n" },
    ["FOO", "NEW_VAR"],
  ],
  [
    "an example the config ignores",
    { ".env.example": "FOO=1\n", "src/a.ts": READS, "deploylint.config.yaml": "ignores: [.env.example]\n" },
    ["NEW_VAR"],
  ],
  [
    "an invalid name next to a valid one",
    { ".env.example": "FOO=1\n", "src/a.ts": `${READS}export const b = process.env["A\\nB=evil"];\n` },
    ["NEW_VAR"],
  ],
];

/** Every file of the repository, path -> bytes (hex, so a changed byte shows in the diff). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = readFileSync(path).toString("hex");
  }
  return files;
}

/** The example the run wrote to: the configured one, else .env.example. */
function exampleText(dir: string): string {
  const files = snapshot(dir);
  const name = files["config/.env.defaults"] ? "config/.env.defaults" : ".env.example";
  return Buffer.from(files[name] ?? "", "hex").toString("utf8");
}

describe("--fix is idempotent", () => {
  it.each(cases)("with %s", (_name, files, added) => {
    const dir = tempRepo(files);
    runCli(["--fix"], { cwd: dir });
    const fixed = snapshot(dir);
    // The first run documented each valid variable exactly once.
    const text = exampleText(dir);
    for (const name of added) expect(text.split(/\r?\n/).filter((line) => line === `${name}=`)).toHaveLength(1);
    expect(text).not.toContain("evil");
    if (files["house-pack.mjs"]) expect(text.startsWith(`${BOM}# Owned by platform.\r\nFOO=1\r\n`)).toBe(true);

    const second = runCli(["--fix"], { cwd: dir });
    expect(second.stderr).not.toContain("deploylint: fixed");
    expect(snapshot(dir)).toEqual(fixed);
  });
});
