// no-generic-secret reads a JSON file's `"key": "string"` pairs from the text in one pass, not from a
// YAML document of it: the pairs and offsets must be the ones the document gives, and the rule must
// never ask for the document (building it was most of the rule's time on big data files).

import type { JsonSource, SourceFileInfo } from "@deploylint/core/rule-api";
import { parseJson } from "@deploylint/core/sources";
import { describe, expect, it, vi } from "vitest";
import noGenericSecret from "../src/rules/no-generic-secret.js";
import { yamlAssignments } from "../src/shared/assignments.js";
import { jsonAssignments } from "../src/shared/json-entries.js";
import { fakeToken, prng } from "./helpers/sample.js";

const secret = fakeToken("", 48, 11, "0123456789abcdef");

const samples: Record<string, { text: string; jsonc?: boolean }> = {
  nested: {
    text: `{\n  "name": "app",\n  "auth": { "client_secret": "${secret}", "port": 8080, "on": true },\n  "list": ["a", "b", {"token": "x"}],\n  "empty": "",\n  "n": null\n}\n`,
  },
  escapes: { text: String.raw`{"pa\u0073sword": "a\"b\\c\/d\u00e9\n", "k\"ey": "v"}` },
  duplicates: { text: `{"secret": "one", "secret": "two", "x": {"secret": "three"}}` },
  "byte order mark": { text: `\uFEFF{"api_key": "${secret}"}` },
  "no pairs": { text: `["a", "b", 1, {"k": [ "v" ]}]` },
  "string root": { text: `"just a string"` },
  "blank before colon and value": { text: `{"token"\n :\n\t"${secret}" , "b" : [ ] }` },
  "slashes in strings and comments after numbers": {
    jsonc: true,
    text: `{"url": "https://x.dev/a//b", "n": [1, 2.5, -3] // "hidden": "no"\n, "m": 4 /* "c": "3" */, "s": "/*x*/", "k": "//"}\n`,
  },
  "numbers between pairs": {
    text: `{"geometry": [[1.5, 2], [3, -4e2]], "id": "x", "arcs": [[0, 1]], "secret": "${secret}"}`,
  },
  jsonc: {
    jsonc: true,
    text: `{\n  // "commented": "out",\n  "a" /* between */ : /* here */ "1",\n  "b": "2", /* "c": "3" */\n}\n`,
  },
};

describe("jsonAssignments", () => {
  for (const [name, { text, jsonc }] of Object.entries(samples)) {
    it(`gives the pairs a YAML document of the text gives: ${name}`, () => {
      const parsed = parseJson(text, { jsonc: jsonc === true });
      if (!parsed.ok) throw new Error(`sample ${name} is not valid: ${parsed.error.message}`);
      expect(jsonAssignments(text)).toEqual(yamlAssignments([parsed.source.document]));
    });
  }

  it("gives the pairs a YAML document gives, on generated JSONC with comments, numbers and slashes", () => {
    const random = prng(31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const strings = ['"a"', '"pass/word"', '"https://h//p"', '"/*no*/"', '"q\\"x"', '""', '"//"'];
    const blanks = ["", " ", "\n", ' // note "x": "y"\n', ' /* "z": "w" */ '];
    const value = (depth: number): string => {
      const kind = Math.floor(random() * (depth > 2 ? 3 : 5));
      if (kind === 0) return pick(strings);
      if (kind === 1) return pick(["1", "-2.5e3", "true", "null"]);
      if (kind === 2) return pick(strings);
      if (kind === 3)
        return `[${Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1)).join(`,${pick(blanks)}`)}]`;
      const members = Array.from(
        { length: Math.floor(random() * 4) },
        () => `${pick(strings)}${pick(blanks)}:${pick(blanks)}${value(depth + 1)}`,
      );
      return `{${pick(blanks)}${members.join(`,${pick(blanks)}`)}${pick(blanks)}}`;
    };
    let pairs = 0;
    for (let round = 0; round < 1500; round++) {
      const text = value(0);
      const parsed = parseJson(text, { jsonc: true });
      if (!parsed.ok) throw new Error(`generated text is not valid: ${text}`);
      const expected = yamlAssignments([parsed.source.document]);
      pairs += expected.length;
      expect(jsonAssignments(text), text).toEqual(expected);
    }
    expect(pairs).toBeGreaterThan(200);
  });

  // A data file is mostly numbers and brackets: between a value and the next string nothing can
  // change the pairs, so the reader jumps there rather than stepping through every character.
  it("does not step through the numbers of a data file", () => {
    const text = `{"type": "Topology", "arcs": [${Array.from({ length: 2000 }, (_, i) => `[${i}, ${-i}]`).join(", ")}]}`;
    const reads = vi.spyOn(String.prototype, "charCodeAt");
    try {
      expect(jsonAssignments(text).map((a) => a.name)).toEqual(["type"]);
      expect(reads.mock.calls.length).toBeLessThan(text.length / 10);
    } finally {
      reads.mockRestore();
    }
  });

  // The end of a string is found quote to quote by native search: a run of backslashes just
  // before a quote decides whether it closes the string (an odd run escapes it).
  it("does not step through the characters of a long string", () => {
    const long = "x".repeat(20_000);
    const text = `{"description": "${long}", "b\\\\": "a\\\\\\"b\\\\", "t": "${long}\\"${long}"}`;
    const reads = vi.spyOn(String.prototype, "charCodeAt");
    try {
      expect(jsonAssignments(text).map((a) => [a.name, a.value.length])).toEqual([
        ["description", 20_000],
        ["b\\", 5],
        ["t", 40_001],
      ]);
      expect(reads.mock.calls.length).toBeLessThan(200);
    } finally {
      reads.mockRestore();
    }
  });

  it("gives the pairs a YAML document gives, for strings ending in runs of backslashes before quotes", () => {
    const random = prng(47);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const piece = () => pick(["a", "\\\\", '\\"', '\\\\\\"', "\\\\\\\\", "\\n", " ", "\\u0022", "é"]);
    const string = () => `"${Array.from({ length: Math.floor(random() * 6) }, piece).join("")}"`;
    for (let round = 0; round < 500; round++) {
      const members = Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => `${string()}: ${pick([string(), "1"])}`,
      );
      const text = `{${members.join(", ")}}`;
      const parsed = parseJson(text);
      if (!parsed.ok) throw new Error(`generated text is not valid: ${text}`);
      expect(jsonAssignments(text), text).toEqual(yamlAssignments([parsed.source.document]));
    }
  });

  it("gives each pair's decoded key and value, with the value's offsets quotes included", () => {
    const text = `{"a": {"pass\\u0077ord": "x\\ty"}}`;
    expect(jsonAssignments(text)).toEqual([
      { name: "password", value: "x\ty", start: text.indexOf('"x'), end: text.lastIndexOf('"') + 1 },
    ]);
  });
});

describe("no-generic-secret on JSON", () => {
  it("reports from the text and never builds the file's YAML document", () => {
    const text = `{\n  "client_secret": "${secret}"\n}\n`;
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error("invalid sample");
    const source: JsonSource = {
      value: parsed.source.value,
      get document(): JsonSource["document"] {
        throw new Error("the YAML document of a JSON file was built");
      },
    };
    const file = { path: "config/oauth.json", kind: "json", text } as SourceFileInfo;
    const reports: { range?: unknown }[] = [];
    const visitors = noGenericSecret.create({
      id: "secrets/no-generic-secret",
      file,
      options: {},
      settings: {},
      source: (() => source) as never,
      memo: (_key: string, compute: () => unknown) => compute(),
      parseEmbedded: () => null,
      companion: () => null,
      report: (descriptor: { range?: unknown }) => reports.push(descriptor),
    } as never);
    visitors?.json?.(source);
    const start = text.indexOf(`"${secret}`);
    expect(reports.map((r) => r.range)).toEqual([{ start, end: start + secret.length + 2 }]);
  });
});
