// Every shipped reporter over one shared result, compared byte for byte with a committed expected
// file. A missing expected file fails (readFileSync throws): expected output is never written here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reporters } from "../src/index.js";
import { dropColumn, emptyResult, RAW_FAKE_SECRET, sharedContext, sharedResult } from "./fixtures.js";

const expected = (name: string) => readFileSync(new URL(`./expected/${name}.txt`, import.meta.url), "utf8");

describe("every reporter's output over the shared result", () => {
  for (const name of Object.keys(reporters)) {
    it(`${name} matches expected/${name}.txt`, () => {
      const reporter = reporters[name];
      if (!reporter) throw new Error(`no reporter ${name}`);
      expect(reporter(sharedResult, sharedContext)).toBe(expected(name));
    });

    it(`${name} matches expected/${name}-empty.txt for a clean run`, () => {
      const reporter = reporters[name];
      if (!reporter) throw new Error(`no reporter ${name}`);
      expect(reporter(emptyResult, sharedContext)).toBe(expected(`${name}-empty`));
    });
  }

  it("stylish wrapped to a 72-column terminal matches expected/stylish-width-72.txt", () => {
    expect(reporters.stylish?.(sharedResult, { ...sharedContext, width: 72 })).toBe(expected("stylish-width-72"));
  });

  it("ships the seven documented formats", () => {
    expect(Object.keys(reporters).sort()).toEqual([
      "github",
      "gitlab",
      "json",
      "junit",
      "markdown",
      "sarif",
      "stylish",
    ]);
  });
});

describe("secrets in reports", () => {
  for (const name of Object.keys(reporters)) {
    it(`${name} never prints the raw fake secret, only its masked form`, () => {
      const output = reporters[name]?.(sharedResult, { ...sharedContext, color: true }) ?? "";
      expect(output).not.toContain(RAW_FAKE_SECRET);
      expect(output).not.toContain(RAW_FAKE_SECRET.slice(0, 12));
    });
  }

  for (const name of Object.keys(reporters)) {
    it(`${name} writes no control character from a message (no terminal escapes, no broken formats)`, () => {
      const output = reporters[name]?.(sharedResult, sharedContext) ?? "";
      expect(output).not.toMatch(/(?![\t\n\r])\p{Cc}/u);
    });
  }

  it("masks in the fixture itself, so the check above can fail", () => {
    expect(JSON.stringify(sharedResult)).toContain("sk_l****…");
    const leaky = { ...sharedResult, findings: [{ ...dropColumn, message: RAW_FAKE_SECRET }] };
    expect(reporters.json?.(leaky, sharedContext)).toContain(RAW_FAKE_SECRET);
  });
});
