// The real histories the corpus tests lint: where they live, how each is laid out as a repository,
// and how a run is reduced to the finding list kept in test/corpora/expected/<name>.json.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "packages", "cli", "bin", "deploylint.js");
export const EXPECTED_DIR = join(ROOT, "test", "corpora", "expected");

/**
 * Each corpus: its folder under the corpora root, and the folder of the temp repository it is
 * copied into. vaultwarden's three dialect histories sit under `migrations/` in its repository,
 * and diesel's layout is only recognised there.
 */
export const CORPORA = [
  { name: "vaultwarden", source: "migrations/vaultwarden", target: "migrations" },
  { name: "documenso", source: "migrations/documenso", target: "." },
  { name: "umami", source: "real/umami", target: "." },
  { name: "linkwarden", source: "real/linkwarden", target: "." },
  { name: "logto", source: "real/logto", target: "." },
  { name: "hatchet", source: "real/hatchet", target: "." },
];

/** The corpora root: $DEPLOYLINT_CORPORA, else ../shared/corpora beside the repository, else /work/shared/corpora. */
export function locateCorpora({ env = process.env, repoRoot = ROOT, lastResort = "/work/shared/corpora" } = {}) {
  const candidates = [env.DEPLOYLINT_CORPORA, join(repoRoot, "..", "shared", "corpora"), lastResort];
  const tried = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    tried.push(candidate);
    if (existsSync(join(candidate, "real")) || existsSync(join(candidate, "migrations"))) return { root: candidate };
  }
  return { reason: `no corpora found (set DEPLOYLINT_CORPORA; tried ${tried.join(", ")})` };
}

export function corpusByName(name) {
  return CORPORA.find((corpus) => corpus.name === name);
}

// gc.auto=0: a commit of more than 6,700 loose objects (logto's copy has ~9,000) starts `git gc --auto`
// in the background, which still writes into .git while the finally block removes the copy (ENOTEMPTY).
export const git = (cwd, ...args) =>
  spawnSync(
    "git",
    [
      ...["-c", "user.email=corpus@example.com", "-c", "user.name=corpus", "-c", "init.defaultBranch=main"],
      ...["-c", "gc.auto=0", "-c", "maintenance.auto=false"],
      ...args,
    ],
    { cwd, encoding: "utf8" },
  );

/**
 * Lints one corpus as a fresh committed repository with no config and returns its findings,
 * reduced to what a maintainer reviews (rule, place, severity, message) and sorted.
 * Throws with a one-line reason when the corpus is missing or the CLI gives no JSON report.
 */
export function lintCorpus(corpus, corporaRoot) {
  const source = join(corporaRoot, corpus.source);
  if (!existsSync(source)) throw new Error(`corpus ${corpus.name}: ${source} does not exist`);
  const repo = mkdtempSync(join(tmpdir(), `deploylint-corpus-${corpus.name}-`));
  try {
    const target = join(repo, corpus.target);
    mkdirSync(target, { recursive: true });
    cpSync(source, target, { recursive: true });
    for (const step of [
      ["init", "-q"],
      ["add", "-A"],
      ["commit", "-q", "--no-verify", "-m", "corpus"],
    ]) {
      const run = git(repo, ...step);
      if (run.status !== 0) throw new Error(`corpus ${corpus.name}: git ${step[0]} failed: ${run.stderr.trim()}`);
    }
    const run = spawnSync(process.execPath, [BIN, "--format", "json", "--no-cache"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
    });
    let report;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      const why = (run.stderr || run.error?.message || "").trim().split("\n")[0];
      throw new Error(`corpus ${corpus.name}: no JSON report (exit ${run.status}): ${why}`);
    }
    return reduceFindings(report.findings);
  } finally {
    rmSync(repo, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** The reviewed fields of each finding, in a stable order (file, line, rule, message). */
export function reduceFindings(findings) {
  return findings
    .map(({ ruleId, file, line, severity, message }) => ({ ruleId, file, line, severity, message }))
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );
}

export function expectedPath(name) {
  return join(EXPECTED_DIR, `${name}.json`);
}

/** The expected list, or undefined when there is none (the test then fails; it never writes one). */
export function readExpected(name) {
  const path = expectedPath(name);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8"));
}

const key = (finding) =>
  JSON.stringify([finding.ruleId, finding.file, finding.line, finding.severity, finding.message]);

/**
 * Per rule, how many findings appear and disappear between two lists (a multiset difference, so
 * two identical findings on one line count twice). Rules with no change are left out.
 */
export function diffByRule(before, after) {
  const counts = new Map();
  const tally = (list) => {
    const map = new Map();
    for (const finding of list) map.set(key(finding), (map.get(key(finding)) ?? 0) + 1);
    return map;
  };
  const old = tally(before);
  const now = tally(after);
  const bump = (ruleId, field, by) => {
    const entry = counts.get(ruleId) ?? { ruleId, added: 0, removed: 0 };
    entry[field] += by;
    counts.set(ruleId, entry);
  };
  for (const [k, n] of now) {
    const extra = n - (old.get(k) ?? 0);
    if (extra > 0) bump(JSON.parse(k)[0], "added", extra);
  }
  for (const [k, n] of old) {
    const gone = n - (now.get(k) ?? 0);
    if (gone > 0) bump(JSON.parse(k)[0], "removed", gone);
  }
  return [...counts.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}
