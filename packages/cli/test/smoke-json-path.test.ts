// The JSON paths of smoke expectations and captures: member and index access, JSONPath's `$.`
// prefix, quoted keys, and paths that name nothing (never a crash, never a false match).
import { describe, expect, it } from "vitest";
import { pathSegments, readJsonPath, sameJson } from "../src/commands/smoke-json-path.js";

const DATA = { status: "ok", data: { user: { id: 7 } }, items: [{ name: "a" }, { name: "b" }], "key.dot": 1, zero: 0 };

describe("smoke JSON paths", () => {
  it.each([
    ["status", ["status"]],
    ["$.status", ["status"]],
    ["data.user.id", ["data", "user", "id"]],
    ["items[1].name", ["items", 1, "name"]],
    ['["key.dot"]', ["key.dot"]],
    ["$", []],
  ])("reads %s as %j", (path, segments) => {
    expect(pathSegments(path)).toEqual(segments);
  });

  it.each(["a..b", "items[x]", "items[1", "a.[0]", "a.", "$..a"])("refuses the malformed path %s", (path) => {
    expect(pathSegments(path)).toBeNull();
    expect(readJsonPath(DATA, path)).toEqual({ found: false });
  });

  it("finds values, falsy ones included, and reports what is missing as missing", () => {
    expect(readJsonPath(DATA, "items[1].name")).toEqual({ found: true, value: "b" });
    expect(readJsonPath(DATA, "zero")).toEqual({ found: true, value: 0 });
    expect(readJsonPath(DATA, '["key.dot"]')).toEqual({ found: true, value: 1 });
    for (const path of ["items[2]", "data.user.name", "status.length", "items.length", "toString"]) {
      expect(readJsonPath(DATA, path)).toEqual({ found: false });
    }
  });

  it("compares as JSON: types matter, key order does not", () => {
    expect(sameJson(3, "3")).toBe(false);
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
