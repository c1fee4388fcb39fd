// readDocumentation, readExample and checkType: the example file's model, shared with env check.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell, compose and dotenv `${X}` syntax under test.
import { createLineIndex, parseDotenv } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { readDocumentation } from "../../src/example/decorators.js";
import { readExample } from "../../src/example/read-example.js";
import { checkType } from "../../src/example/types.js";

describe("readDocumentation", () => {
  it("separates the description from the decorators", () => {
    const doc = readDocumentation([
      "Postgres connection string; ask ops@example.com for access.",
      '@required @sensitive @type=enum(a, b) @default="x y" @example=postgres://h/db @rotation=90d @owner=ops',
    ]);
    expect(doc.description).toBe("Postgres connection string; ask ops@example.com for access.");
    expect(doc.decorators).toEqual({
      required: true,
      optional: false,
      sensitive: true,
      type: "enum(a,b)",
      default: "x y",
      example: "postgres://h/db",
      rotation: "90d",
    });
    expect(doc.unknown).toEqual(["owner"]);
  });

  it("has no description for decorators or rulers alone", () => {
    expect(readDocumentation(["@optional", "-----"]).description).toBeNull();
    expect(readDocumentation([], "inline note").description).toBe("inline note");
  });
});

describe("readExample", () => {
  it("reads entries and commented-out entries with positions and references, in line order", () => {
    const text = "# Host.\nDB_HOST=localhost\n\n# URL.\n# DATABASE_URL=postgres://${DB_HOST}/app\nexport PORT=3000\n";
    const lines = createLineIndex(text);
    const entries = readExample(parseDotenv(text), (offset) => lines.positionAt(offset));
    expect(
      entries.map((e) => [e.name, e.line, e.column, e.commented, e.documentation.description, e.references]),
    ).toEqual([
      ["DB_HOST", 2, 1, false, "Host.", []],
      ["DATABASE_URL", 5, 3, true, "URL.", ["DB_HOST"]],
      ["PORT", 6, 8, false, null, []],
    ]);
  });
});

describe("checkType", () => {
  it.each([
    ["url", "postgres://localhost:5432/app", "ok"],
    ["url", "localhost:5432", "mismatch"],
    ["int", "-12", "ok"],
    ["int", "1.5", "mismatch"],
    ["bool", "YES", "ok"],
    ["bool", "maybe", "mismatch"],
    ["email", "ops@example.com", "ok"],
    ["email", "ops@", "mismatch"],
    ["port", "8080", "ok"],
    ["port", "70000", "mismatch"],
    ["port", "0", "mismatch"],
    ["enum(debug,info)", "info", "ok"],
    ["enum(debug,info)", "trace", "mismatch"],
    ["uuid", "anything", "unknown"],
  ])("@type=%s with %s is %s", (type, value, status) => {
    expect(checkType(type, value).status).toBe(status);
  });
});
