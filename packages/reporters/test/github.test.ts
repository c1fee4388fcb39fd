// The github reporter: one workflow command per finding with GitHub's documented escaping, so a
// message can never end the command or inject another one.
import { describe, expect, it } from "vitest";
import { github } from "../src/github.js";
import { dropColumn, dropIndex, emptyResult, hostileFinding, sharedContext, sharedResult } from "./fixtures.js";

describe("github reporter", () => {
  it("writes an error annotation with file, lines, columns and the rule as title", () => {
    const result = { ...emptyResult, findings: [dropColumn] };
    expect(github(result, sharedContext).split("\n")[0]).toBe(
      "::error file=db/migrations/000003_drop.up.sql,line=1,endLine=1,col=1,endColumn=40,title=migrations/no-drop-column::Dropping column email breaks running code.%0A%0AHelp: Stop reading the column, deploy, then drop it.",
    );
  });

  it("maps warn to warning and info to notice", () => {
    const lines = github(sharedResult, sharedContext).split("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual([
      "::notice",
      "::error",
      "::warning",
      "::error",
      "::error",
      "deploylint:",
      "",
    ]);
    expect(lines[2]).toContain(`::${dropIndex.message}`);
  });

  it("escapes %, CR and LF in messages and also : and , in properties, and omits endColumn across lines", () => {
    const line = github({ ...emptyResult, findings: [hostileFinding] }, sharedContext).split("\n")[0] ?? "";
    expect(
      line.startsWith("::error file=src/odd dir/ключ.ts,line=7,endLine=8,col=3,title=secrets/no-hardcoded-secret::"),
    ).toBe(true);
    expect(line).toContain("100%25 :: colon, comma%0Asecond line");
    expect(line).not.toContain("endColumn");
    const titled = github({ ...emptyResult, findings: [{ ...dropColumn, file: "a,b:c.sql" }] }, sharedContext);
    expect(titled).toContain("file=a%2Cb%3Ac.sql,");
  });

  it("ends with a one-line count", () => {
    expect(github(emptyResult, sharedContext)).toBe("deploylint: 0 errors, 0 warnings in 7 files.\n");
  });
});
