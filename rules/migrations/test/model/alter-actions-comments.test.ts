// A comment between ALTER TABLE and its action (logto writes why a generated name looks odd there)
// belongs to no clause: the action is still read, so a down's DROP CONSTRAINT undoes the up's key.
import { describe, expect, it } from "vitest";
import { alterActionOperations } from "../../src/model/alter-actions-text.js";

describe("ALTER TABLE actions after a comment", () => {
  it("reads a DROP CONSTRAINT that follows line and block comments", () => {
    const action =
      "-- the name PostgreSQL generated, cut to 63 characters\n  /* see 1.12.0 */ drop constraint t_a_fkey";
    expect(alterActionOperations("t", action)).toEqual([{ type: "drop_constraint", table: "t", name: "t_a_fkey" }]);
  });
});
