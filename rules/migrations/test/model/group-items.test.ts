// Issue 17: a CREATE TABLE's column list is closed and split in one pass (firstGroupItems), with the
// items firstGroupBody + splitTopLevel give, unterminated texts included.
import { describe, expect, it, vi } from "vitest";
import { createTableColumns } from "../../src/model/columns-text.js";
import { firstGroupBody, firstGroupItems, splitTopLevel } from "../../src/model/tokens.js";

const splits = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/model/tokens.js", async (original) => {
  const actual = await original<typeof import("../../src/model/tokens.js")>();
  return {
    ...actual,
    splitTopLevel: (text: string) => {
      splits.count++;
      return actual.splitTopLevel(text);
    },
  };
});

const TEXTS = [
  "CREATE TABLE t (a int, b text DEFAULT 'x, y', c numeric(10, 2))",
  'CREATE TABLE "t(" ("a,b" int, `c` int, PRIMARY KEY (a, b)) ENGINE=InnoDB',
  "CREATE TABLE t (a text DEFAULT 'it''s, \\' here', , b int,)",
  "CREATE TABLE t (a int, b text DEFAULT 'unterminated, c int",
  "CREATE TABLE t (a int, b int",
  "CREATE TABLE t (a int)) extra (b int)",
  "CREATE TABLE t AS SELECT (1, 2)",
  "CREATE TABLE t",
  "CREATE TABLE t ()",
];

describe("firstGroupItems", () => {
  it.each(TEXTS)("splits %j as firstGroupBody and splitTopLevel do", (text) => {
    for (let from = 0; from <= text.length; from++) {
      const group = firstGroupBody(text, from);
      const expected = group === null ? null : { items: splitTopLevel(group.body), end: group.end };
      expect(firstGroupItems(text, from), `from ${from}`).toEqual(expected);
    }
  });

  it("reads a closed column list without a second pass to split it", () => {
    splits.count = 0;
    const columns = createTableColumns("CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'a, b')");
    expect(columns.map((column) => column.column)).toEqual(["id", "note"]);
    expect(splits.count).toBe(0);
  });
});
