// The engine messages verify shows: literals the engine quotes are masked, names are kept.
import { describe, expect, it } from "vitest";
import { maskEngineMessage, stringLiterals } from "../src/engine-message.js";

const SECRET = "hunter2-secret";

describe("maskEngineMessage", () => {
  it.each([
    [
      "PostgreSQL invalid input",
      `invalid input syntax for type integer: "${SECRET}"`,
      "INSERT INTO t (id) VALUES ($1)",
    ],
    ["PostgreSQL enum", `invalid input value for enum mood: "${SECRET}"`, "SELECT 1"],
    ["PostgreSQL key detail", `Key (token)=(${SECRET}) already exists.`, "SELECT 1"],
    ["PostgreSQL failing row", `Failing row contains (1, ${SECRET}).`, "SELECT 1"],
    ["MySQL duplicate entry", `Duplicate entry '${SECRET}' for key 'users.token'`, "SELECT 1"],
    ["MySQL incorrect value", `Incorrect integer value: '${SECRET}' for column 'id' at row 1`, "SELECT 1"],
    ["SQLite JSON path", `bad JSON path: '${SECRET}'`, `SELECT json_extract('{}', '${SECRET}')`],
    [
      "a RAISE message",
      `token ${SECRET} is revoked`,
      `DO $$ BEGIN RAISE EXCEPTION 'token % is revoked', '${SECRET}'; END $$`,
    ],
    ["a quoted literal of the statement", `something about "${SECRET}"`, `INSERT INTO t VALUES ('${SECRET}')`],
  ])("masks the value in %s", (_name, message, statement) => {
    const masked = maskEngineMessage(message, statement);
    expect(masked).not.toContain(SECRET);
    expect(masked).toContain("****…");
  });

  it("keeps the names the engine quotes and stays on one line", () => {
    expect(
      maskEngineMessage(
        'relation "accounts" does not exist\nLINE 1: SELECT 1',
        "INSERT INTO accounts (status) VALUES ('active')",
      ),
    ).toBe('relation "accounts" does not exist');
    expect(maskEngineMessage("Duplicate entry '****…' for key 'users.token'", "SELECT 1")).toContain("'users.token'");
  });
});

describe("stringLiterals", () => {
  it("reads quoted and dollar-quoted literals, not identifiers or comments", () => {
    expect(
      stringLiterals(`SELECT 'it''s', "ident", $x$value$x$ -- 'comment'\nFROM t /* 'block' */ WHERE a = 'b'`),
    ).toEqual(["it's", "value", "b"]);
  });
});
