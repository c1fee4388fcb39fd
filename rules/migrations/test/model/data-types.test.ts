import { describe, expect, it } from "vitest";
import { compareTypes, parseDataType, typeName } from "../../src/model/data-types.js";

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

describe("compareTypes: PostgreSQL's no-rewrite cases", () => {
  it("treats more (or no) timestamp, time and interval precision as a widening", () => {
    expect(compareTypes("TIMESTAMP(3)", "timestamp")).toBe("widening");
    expect(compareTypes("timestamptz(3)", "timestamp(6) with time zone")).toBe("widening");
    expect(compareTypes("time(0)", "time(3)")).toBe("widening");
    expect(compareTypes("timestamp(6)", "timestamp(3)")).toBe("change");
  });

  it("compares a serial column as the integer type it is stored as", () => {
    expect(compareTypes("SERIAL", "integer")).toBe("same");
    expect(compareTypes("smallserial", "bigint")).toBe("change");
  });

  it("tells timestamp to timestamptz apart from other changes", () => {
    expect(compareTypes("timestamp", "timestamptz")).toBe("timezone");
    expect(compareTypes("timestamp(3) without time zone", "timestamp(3) with time zone")).toBe("timezone");
    expect(compareTypes("timestamp(6)", "timestamptz(3)")).toBe("change");
  });
});

describe("typeName", () => {
  it("names built-in types one way and user types as written without quotes", () => {
    expect(typeName("CHARACTER VARYING(40)")).toBe("varchar(40)");
    expect(typeName("DECIMAL(65, 30)")).toBe("numeric(65,30)");
    expect(typeName("SMALLSERIAL")).toBe("smallserial");
    expect(typeName("SMALLSERIAL", { stored: true })).toBe("smallint");
    expect(typeName("timestamp(3) with time zone")).toBe("timestamptz(3)");
    expect(typeName("INT4[]")).toBe("integer[]");
    expect(typeName('"LinksRouteTo_new"')).toBe("LinksRouteTo_new");
  });
});
