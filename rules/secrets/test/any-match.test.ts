// Path expressions tested together: one alternation per set of flags must match exactly where one
// of the expressions does, and a path that is no credential file costs one or two tests, not ~15.
import { describe, expect, it } from "vitest";
import { regexRunsBy, scansOf } from "../../../test/support/regexp-work.js";
import { anyMatches } from "../src/detectors/any-match.js";
import { isCredentialFile } from "../src/detectors/credential-files/index.js";
import { catalogueScanner } from "../src/detectors/scan.js";

describe("anyMatches", () => {
  it("matches where one of the expressions matches, whatever their flags, groups and backreferences", () => {
    const patterns = [
      /(?:^|\/)config\/(?:master\.key|credentials\/[^/]{1,100}\.key)$/,
      /(?:^|\/)(?:sitemanager|filezilla)\.xml$/i,
      /^\.pgpass$|^pgpass(?:\.conf)?$/,
      /^(a)b\1$/,
      /(?<word>cd)-\k<word>$/,
      /x/g,
      /^line$/m,
    ];
    const any = anyMatches(patterns);
    const texts = [
      "config/master.key",
      "a/config/credentials/prod.key",
      "config/credentials/a/b.key",
      "FileZilla.XML",
      "x/sitemanager.xml",
      ".pgpass",
      "pgpass.conf",
      "a/.pgpass",
      "aba",
      "abb",
      "cd-cd",
      "cd-ce",
      "box",
      "one\nline\ntwo",
      "src/index.ts",
      "",
    ];
    for (const text of texts) {
      for (const pattern of patterns) pattern.lastIndex = 0;
      const expected = patterns.some((pattern) => {
        pattern.lastIndex = 0;
        return pattern.test(text);
      });
      expect({ text, matched: any(text) }).toEqual({ text, matched: expected });
      // A stateful (`g`) expression is asked afresh each time: the same answer twice.
      expect({ text, matched: any(text) }).toEqual({ text, matched: expected });
    }
  });

  it("tells a credential file by one test per set of flags", () => {
    isCredentialFile("README.md"); // the joined expressions are built on the first call
    expect(regexRunsBy(() => expect(isCredentialFile("src/app/page.tsx")).toBe(false))).toBeLessThanOrEqual(2);
    for (const path of [
      ".pgpass",
      "home/.netrc",
      "config/master.key",
      "x/FileZilla.xml",
      ".vscode/sftp.json",
      "my.cnf",
    ]) {
      expect({ path, credential: isCredentialFile(path) }).toEqual({ path, credential: true });
    }
    expect(isCredentialFile("config/master.key.txt")).toBe(false);
  });

  it("scans a file that no credential-file or path-limited detector reads without testing each one's expression", () => {
    const scanner = catalogueScanner();
    const path = "src/components/page.tsx";
    expect(scansOf(path, () => scanner.scan("const a = 1;\n", { path }))).toBeLessThanOrEqual(2);
    expect(scansOf("page.tsx", () => scanner.scan("const a = 1;\n", { path }))).toBeLessThanOrEqual(1);
  });
});
