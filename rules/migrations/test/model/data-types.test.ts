import { describe, expect, it } from "vitest";
import { compareTypes, parseDataType } from "../../src/model/data-types.js";

describe("parseDataType", () => {
  it("folds aliases and reads modifiers", () => {
    expect(parseDataType("character varying(255)")).toEqual({ base: "varchar", args: [255] });
    expect(parseDataType("INT4")).toEqual({ base: "integer", args: [] });
    expect(parseDataType("timestamp(3) without time zone")).toEqual({ base: "timestamp", args: [3] });
    expect(parseDataType("timestamp with time zone")).toEqual({ base: "timestamptz", args: [] });
    expect(parseDataType("NUMERIC(10, 2)")).toEqual({ base: "numeric", args: [10, 2] });
    expect(parseDataType("text[]")).toEqual({ base: "text[]", args: [] });
  });
});

describe("compareTypes", () => {
  it("allows binary-compatible widenings", () => {
    expect(compareTypes("varchar(50)", "text")).toBe("widening");
    expect(compareTypes("varchar(50)", "varchar(100)")).toBe("widening");
    expect(compareTypes("numeric(10,2)", "numeric(12,2)")).toBe("widening");
    expect(compareTypes("INTEGER", "int")).toBe("same");
  });

  it("reports real changes", () => {
    expect(compareTypes("varchar(100)", "varchar(50)")).toBe("change");
    expect(compareTypes("integer", "bigint")).toBe("change");
    expect(compareTypes("numeric(10,2)", "numeric(12,3)")).toBe("change");
    expect(compareTypes("text", "integer")).toBe("change");
  });
});
