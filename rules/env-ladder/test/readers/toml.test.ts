// Tests for the TOML reader (toml-eslint-parser underneath): entries with their key positions.
import { describe, expect, it } from "vitest";
import { readToml, TomlError } from "../../src/readers/toml.js";

describe("readToml", () => {
  it("reads tables, dotted keys, inline tables and scalars with their key positions", () => {
    const text = `# comment
app = "shop" # trailing
count = 3
on = true

[env]
  LOG_LEVEL = 'debug'
  "QUOTED.KEY" = "a\\tb"

[context.production.environment]
API = """
https://x"""
site.name = "s"
inline = { a = 1, b = "two" }
list = [
  "x", # inside
  [1, 2],
]
[[vm]]
memory = "1gb"
`;
    expect(readToml(text)).toEqual([
      { path: ["app"], value: "shop", line: 2, column: 1, endColumn: 4 },
      { path: ["count"], value: 3, line: 3, column: 1, endColumn: 6 },
      { path: ["on"], value: true, line: 4, column: 1, endColumn: 3 },
      { path: ["env", "LOG_LEVEL"], value: "debug", line: 7, column: 3, endColumn: 12 },
      { path: ["env", "QUOTED.KEY"], value: "a\tb", line: 8, column: 3, endColumn: 15 },
      { path: ["context", "production", "environment", "API"], value: "https://x", line: 11, column: 1, endColumn: 4 },
      {
        path: ["context", "production", "environment", "site", "name"],
        value: "s",
        line: 13,
        column: 1,
        endColumn: 10,
      },
      { path: ["context", "production", "environment", "inline", "a"], value: 1, line: 14, column: 12, endColumn: 13 },
      {
        path: ["context", "production", "environment", "inline", "b"],
        value: "two",
        line: 14,
        column: 19,
        endColumn: 20,
      },
      { path: ["context", "production", "environment", "list"], value: null, line: 15, column: 1, endColumn: 5 },
      { path: ["vm", "0", "memory"], value: "1gb", line: 20, column: 1, endColumn: 7 },
    ]);
  });

  it("names each element of an array of tables by its index, nested arrays included", () => {
    const text = `[[services]]
internal_port = 8080
  [[services.http_checks]]
  path = "/healthz"
[[services]]
internal_port = 9090
[[http_service.checks]]
grace_period = "10s"
`;
    expect(readToml(text).map((entry) => [entry.path.join("."), entry.value, entry.line])).toEqual([
      ["services.0.internal_port", 8080, 2],
      ["services.0.http_checks.0.path", "/healthz", 4],
      ["services.1.internal_port", 9090, 6],
      ["http_service.checks.0.grace_period", "10s", 8],
    ]);
  });

  it("keeps dates as text", () => {
    expect(readToml("compatibility_date = 2025-01-15\n")[0]?.value).toBe("2025-01-15");
  });

  it("throws a TomlError with the line on text it cannot read", () => {
    expect(() => readToml('a = "open\n')).toThrow(TomlError);
    expect(() => readToml("ok = 1\nnot toml at all\n")).toThrow(/line 2/);
  });
});
