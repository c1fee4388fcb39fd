// Every JavaScript/TypeScript read form, one fixture folder each (a small package), through the
// real engine: the reads env-docs resolves for the package must be exactly those in expected.txt
// (`file:line:column NAME`, or `<computed>` for a read whose name stays unknown; `NAME alias of
// FIRST` for a read that stands in for another variable).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type ResolvedConfig, runLint } from "@deploylint/core";
import { definePack, defineRule } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import readExtractor, { scriptLinksExtractor } from "../src/extract/read.js";
import { READ_FACT, SCRIPT_LINKS_FACT } from "../src/facts.js";
import { projectReads } from "../src/project/reads.js";

/** hasFallback as expected.txt writes it: whether env check may require the variable. */
const FALLBACK: Record<string, string> = { true: " (fallback)", false: " (no fallback)", undefined: "" };
const FIXTURES = join(import.meta.dirname, "fixtures/reads-js");
const EXPECTED = "expected.txt";

// A rule that reports every resolved read, so the test sees what env-docs' rules see.
const dumpReads = defineRule<{ read: "{{name}}{{alias}}" }, undefined>({
  id: "dump",
  scope: "project",
  meta: {
    description: "Report every read.",
    kinds: ["script"],
    facts: [READ_FACT, SCRIPT_LINKS_FACT],
    presets: {},
    messages: { read: "{{name}}{{alias}}" },
    docs: { url: "https://example.invalid" },
  },
  check(ctx) {
    for (const { file, data } of projectReads(ctx)) {
      ctx.report({
        file,
        messageId: "read",
        data: {
          name: data.name ?? "<computed>",
          alias: `${data.aliasOf === undefined ? "" : ` alias of ${data.aliasOf}`}${FALLBACK[String(data.hasFallback)]}`,
        },
        line: data.line,
        column: data.column,
      });
    }
  },
});
const pack = definePack({ name: "reads", rules: [dumpReads], extractors: [readExtractor, scriptLinksExtractor] });

async function readsOf(dir: string): Promise<string[]> {
  const files = listFiles(dir).filter((path) => path !== EXPECTED);
  const config: ResolvedConfig = {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: {
      "reads/dump": { severity: "error", options: undefined },
      "deploylint/parse-error": { severity: "error", options: undefined },
    },
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: Number.MAX_SAFE_INTEGER,
  };
  const result = await runLint({
    config,
    files: files.map((path) => ({
      path,
      absolutePath: `/virtual/${path}`,
      text: readFileSync(join(dir, path), "utf8"),
    })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings
    .map((finding) =>
      finding.ruleId === "reads/dump"
        ? `${finding.file}:${finding.line}:${finding.column} ${finding.message}`
        : `${finding.ruleId} ${finding.file}: ${finding.message}`,
    )
    .sort();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((inner) => relative(dir, join(path, inner))) : [name];
  });
}

describe("reads in JavaScript and TypeScript, followed through the package", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      // A missing expected file fails: it is written by hand, never from the output.
      const expected = readFileSync(join(dir, EXPECTED), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("#"));
      expect(await readsOf(dir)).toEqual(expected.sort());
    });
  }
});
