// Tests for the JSON source: JSON.parse semantics, error offsets, JSONC, and node ranges.
import { describe, expect, it } from "vitest";
import type { JsonSource } from "../../src/rule-api/types.js";
import { findJsonError, isJsoncPath, type ParseJsonOptions, parseJson } from "../../src/sources/json.js";
import { nodeRangeAt } from "../../src/sources/yaml.js";

function parsed(text: string, options?: ParseJsonOptions): JsonSource {
  const result = parseJson(text, options);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message} at ${result.error.offset}`);
  return result.source;
}

function errorOf(text: string, options?: ParseJsonOptions) {
  const result = parseJson(text, options);
  if (result.ok) throw new Error("expected an error result");
  return result.error;
}

describe("parseJson", () => {
  it("returns the JSON.parse value and a document with ranges", () => {
    const text = '{\n  "name": "api",\n  "scripts": { "deploy": "fly deploy" }\n}\n';
    const source = parsed(text);
    expect(source.value).toEqual({ name: "api", scripts: { deploy: "fly deploy" } });
    const range = nodeRangeAt(source.document, ["scripts", "deploy"]);
    expect(range && text.slice(range.start, range.end)).toBe('"deploy"');
  });

  it("parses tab-indented JSON and keeps ranges", () => {
    const text = '{\n\t"a": {\n\t\t"b": [1, 2]\n\t}\n}\n';
    const source = parsed(text);
    expect(source.value).toEqual({ a: { b: [1, 2] } });
    const range = nodeRangeAt(source.document, ["a", "b", 1]);
    expect(range && text.slice(range.start, range.end)).toBe("2");
  });

  it("accepts duplicate keys like JSON.parse (the last wins) and ranges point at the last one", () => {
    const text = '{"env": "staging", "env": "production"}';
    const source = parsed(text);
    expect(source.value).toEqual({ env: "production" });
    expect(nodeRangeAt(source.document, ["env"])?.start).toBe(text.lastIndexOf('"env"'));
  });

  it("skips a leading byte order mark", () => {
    expect(parsed('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
  });

  it.each([
    ['{"a": 1,}', 7, /trailing comma/i],
    ["[1, 2,]", 5, /trailing comma/i],
    ['{"a": 1 "b": 2}', 8, /expected ',' or '}'/i],
    ["[1 2]", 3, /expected ',' or '\]'/i],
    ['{"a":', 5, /end of input/i],
    ["", 0, /end of input/i],
    ["{a: 1}", 1, /double-quoted property name/i],
    ["{'a': 1}", 1, /double-quoted property name/i],
    ['{"a" 1}', 5, /expected ':'/i],
    ['{"a": 1}x', 8, /after the JSON value/i],
    ['{"a": 01}', 6, /leading zeros/i],
    ['{"a": 1.}', 7, /digit/i],
    ['{"a": "x\ty"}', 8, /control character/i],
    ['{"a": "\\q"}', 7, /escape/i],
    ['{"a": "\\u12"}', 7, /\\u escape/i],
    ['{"a": "open}', 6, /unterminated string/i],
    ['{"a": nul}', 6, /expected a json value/i],
    ["// comment\n{}", 0, /expected a json value/i],
  ])("rejects %j at offset %i", (text, offset, message) => {
    const error = errorOf(text);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });

  it("does not quote the text in error messages", () => {
    expect(errorOf('{"key": "sk_live_abcdefghij",}').message).not.toContain("sk_live");
  });

  it("gives the offset in the original text when a byte order mark precedes an error", () => {
    expect(errorOf('\uFEFF{"a": 1,}').offset).toBe(8);
  });

  it("handles deeply nested input without overflowing the stack", () => {
    const text = `${"[".repeat(100_000)}1${"]".repeat(99_999)}`;
    expect(errorOf(text).message).toMatch(/end of input/i);
  });
});

describe("findJsonError", () => {
  it("finds nothing in valid JSON", () => {
    expect(findJsonError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeNull();
  });
});

describe("parseJson with jsonc", () => {
  it("accepts comments and trailing commas and keeps offsets", () => {
    const text =
      '{\n  // the compiler\n  "compilerOptions": { "strict": true, /* yes */ },\n  "include": ["src",],\n}\n';
    const source = parsed(text, { jsonc: true });
    expect(source.value).toEqual({ compilerOptions: { strict: true }, include: ["src"] });
    const range = nodeRangeAt(source.document, ["compilerOptions", "strict"]);
    expect(range?.start).toBe(text.indexOf('"strict"'));
  });

  it("leaves comment markers inside strings alone", () => {
    expect(parsed('{"url": "https://example.com/*x*/", "b": "a,]"}', { jsonc: true }).value).toEqual({
      url: "https://example.com/*x*/",
      b: "a,]",
    });
  });

  it("reports an unterminated block comment and still reports real syntax errors", () => {
    expect(errorOf('{"a": 1 /* open', { jsonc: true }).offset).toBe(8);
    expect(errorOf('{"a": 1 "b": 2}', { jsonc: true }).offset).toBe(8);
  });
});

describe("isJsoncPath", () => {
  it.each([
    ["tsconfig.json", true],
    ["packages/core/tsconfig.build.json", true],
    [".vscode/settings.json", true],
    ["app/.devcontainer/devcontainer.json", true],
    ["settings.jsonc", true],
    ["site/sftp-config.json", true],
    ["package.json", false],
    ["vercel.json", false],
    ["config/tsconfig.json.bak", false],
  ])("%s -> %s", (path, expected) => {
    expect(isJsoncPath(path)).toBe(expected);
  });
});
