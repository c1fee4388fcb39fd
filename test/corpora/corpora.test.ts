// Lints each real history in the shared corpora as a fresh repository with no config and compares
// every finding (rule, file, line, severity, message) with the reviewed list in expected/<name>.json.
// Rewrite a list only on purpose: `node tools/corpora/update.mjs <name>` after `npm run build`.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CORPORA,
  diffByRule,
  expectedPath,
  git,
  lintCorpus,
  locateCorpora,
  readExpected,
} from "../../tools/corpora/corpora.mjs";

const located = locateCorpora();

describe("real corpora", () => {
  it("finds the corpora", () => {
    // Fails (never skips) when the corpora are missing: the lists below would prove nothing.
    expect(located.reason ?? "found").toBe("found");
  });

  for (const corpus of CORPORA) {
    it(`${corpus.name}: findings match the reviewed list`, { timeout: 600_000 }, () => {
      if (!located.root) throw new Error(located.reason);
      const expected = readExpected(corpus.name);
      if (!expected) {
        throw new Error(
          `no expected list ${expectedPath(corpus.name)}: run node tools/corpora/update.mjs ${corpus.name} and review it`,
        );
      }
      const actual = lintCorpus(corpus, located.root);
      // The per-rule summary first, so a failure says at a glance which rules moved.
      expect(diffByRule(expected, actual)).toEqual([]);
      expect(actual).toEqual(expected);
    });
  }
});

describe("corpus harness", () => {
  it("commits the copy with git's background gc off, so removing it cannot race a repack", () => {
    // logto's copy is ~9,000 loose objects, over gc.auto's 6,700: its commit used to start
    // `git gc --auto` in the background, and the cleanup then failed with ENOTEMPTY on .git.
    const dir = mkdtempSync(join(tmpdir(), "deploylint-corpora-"));
    try {
      expect(git(dir, "config", "--get", "gc.auto").stdout.trim()).toBe("0");
      expect(git(dir, "config", "--get", "maintenance.auto").stdout.trim()).toBe("false");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("fails with one line naming every place it tried when no corpora exist", () => {
    const result = locateCorpora({
      env: { DEPLOYLINT_CORPORA: "/nope/a" },
      repoRoot: "/nope/repo",
      lastResort: "/nope/b",
    });
    expect(result).toEqual({
      reason: "no corpora found (set DEPLOYLINT_CORPORA; tried /nope/a, /nope/shared/corpora, /nope/b)",
    });
  });

  it("prefers DEPLOYLINT_CORPORA over the fallbacks", () => {
    const dir = mkdtempSync(join(tmpdir(), "deploylint-corpora-"));
    mkdirSync(join(dir, "real"));
    expect(locateCorpora({ env: { DEPLOYLINT_CORPORA: dir }, repoRoot: "/nope/repo", lastResort: "/nope/b" })).toEqual({
      root: dir,
    });
    rmSync(dir, { recursive: true });
  });

  it("counts per rule what appeared and disappeared, duplicates included", () => {
    const finding = { ruleId: "migrations/no-drop-table", file: "a.sql", line: 1, severity: "error", message: "m" };
    const moved = { ...finding, line: 2 };
    const other = { ...finding, ruleId: "migrations/no-drop-column" };
    expect(diffByRule([finding, finding, other], [finding, moved, other])).toEqual([
      { ruleId: "migrations/no-drop-table", added: 1, removed: 1 },
    ]);
    expect(diffByRule([other], [other])).toEqual([]);
  });
});
