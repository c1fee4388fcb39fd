// Unit tests for where --fix may write: paths are checked below the working directory only.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFixTarget, printablePath } from "../src/fix-target.js";

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "deploylint-fix-target-"));
  mkdirSync(join(root, "repo", "pkg"), { recursive: true });
  writeFileSync(join(root, "repo", "pkg", ".env.example"), "A=1\n");
  return root;
}

describe("checkFixTarget", () => {
  it("accepts a regular file, with `.` and doubled slashes normalised", () => {
    const cwd = join(workspace(), "repo");
    expect(checkFixTarget(cwd, "./pkg//.env.example")).toEqual({
      ok: true,
      path: join(cwd, "pkg", ".env.example"),
      exists: true,
      missingDirs: [],
    });
  });

  it("lists the folders to create for a missing file, outermost first", () => {
    const cwd = join(workspace(), "repo");
    expect(checkFixTarget(cwd, "a/b/.env.example")).toEqual({
      ok: true,
      path: join(cwd, "a", "b", ".env.example"),
      exists: false,
      missingDirs: [join(cwd, "a"), join(cwd, "a", "b")],
    });
  });

  it("judges only what lies below the working directory, which may itself be reached through a link", () => {
    const root = workspace();
    symlinkSync(join(root, "repo"), join(root, "linked-repo"));
    expect(checkFixTarget(join(root, "linked-repo"), "pkg/.env.example")).toMatchObject({ ok: true, exists: true });
  });

  it.each([
    ["", /no file/],
    ["a\0b", /NUL byte/],
    ["/etc/passwd", /absolute/],
    ["C:/x", /absolute/],
    ["a\\b", /backslash/],
    ["pkg/../../x", /`\.\.` segment/],
    [".git/hooks/pre-commit", /inside \.git/],
    ["pkg/.GIT/config", /inside \.git/],
    [".", /working directory itself/],
    ["pkg", /a directory, not a regular file/],
    ["pkg/.env.example/x", /pkg\/\.env\.example is not a directory/],
  ])("refuses %j", (file, reason) => {
    const result = checkFixTarget(join(workspace(), "repo"), file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("printablePath", () => {
  it("quotes a path with a line break or control character, and leaves others alone", () => {
    expect(printablePath("a\nb")).toBe('"a\\nb"');
    expect(printablePath("a\u2028b")).toBe('"a\\u2028b"');
    expect(printablePath("pkg/.env.example")).toBe("pkg/.env.example");
  });
});
