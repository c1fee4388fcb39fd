// `node tools/bench/compare-fixture.mjs [--fixture DIR] [--out FILE]`: deploylint's secrets pack
// against secretlint 13 (preset-recommend) on the credential-files fixture, file by file. Prints a
// Markdown table: for each file, what the fixture expects (from every expected.*.json beside it),
// what deploylint reports and what secretlint reports, then recall on the flagged files and false
// findings on the clean twin. Values are never printed: both tools mask them, and only counts are kept.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { DEPLOYLINT, ROOT, SECRETLINT } from "./contestants.mjs";

const { values: args } = parseArgs({
  options: {
    fixture: { type: "string", default: join(ROOT, "rules", "secrets", "test", "fixtures", "credential-files") },
    out: { type: "string" },
  },
});
const fixture = args.fixture;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

// Two expectation layouts: `expected.<part>.json` keyed by path inside `<part>/`, and
// `<part>.expected.json` keyed by path from the fixture root (it also lists the clean twins).
const EXPECTATIONS = /^(?:expected\.[\w-]+|[\w-]+\.expected)\.json$/;

/** Every fixture file (the expectation files themselves excluded), relative to the fixture root. */
const files = walk(fixture)
  .map((path) => relative(fixture, path).split("\\").join("/"))
  .filter((path) => !EXPECTATIONS.test(path))
  .sort();

/** path → expected findings that fail CI (info notes are visible but not failures). */
const expected = new Map();
for (const name of readdirSync(fixture).filter((n) => EXPECTATIONS.test(n))) {
  const table = JSON.parse(readFileSync(join(fixture, name), "utf8"));
  const part = /^expected\.([\w-]+)\.json$/.exec(name)?.[1];
  for (const [path, findings] of Object.entries(table)) {
    expected.set(part ? `${part}/${path}` : path, findings.filter((line) => !line.endsWith(" info")).length);
  }
}

/**
 * deploylint with only the secrets pack, every rule at error, no ignores: the repository's own
 * config ignores test fixtures, so an explicit config keeps the fixture in scope.
 */
function runDeploylint() {
  const dir = mkdtempSync(join(tmpdir(), "dl-compare-"));
  const config = join(dir, "deploylint.config.yaml");
  writeFileSync(config, "extends: [strict]\n");
  try {
    const output = execFileSync(
      process.execPath,
      [
        DEPLOYLINT,
        "-C",
        fixture,
        "-c",
        config,
        "--only",
        "secrets/*",
        "--format",
        "json",
        "--no-cache",
        "--workers",
        "1",
      ],
      { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] },
    ).toString();
    return countBy(
      JSON.parse(output)
        .findings.filter((f) => f.severity !== "info")
        .map((f) => f.file),
    );
  } catch (error) {
    // Exit code 1 means findings; the report is still on stdout.
    if (error.stdout) {
      const report = JSON.parse(error.stdout.toString());
      return countBy(report.findings.filter((f) => f.severity !== "info").map((f) => f.file));
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** secretlint 13 on the same files, named one by one (no glob, no .gitignore: the same scope). */
function runSecretlint() {
  const rc = JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] });
  const argv = [SECRETLINT, "--secretlintrcJSON", rc, "--format", "json", "--no-color", "--no-glob", "--no-gitignore"];
  let output;
  try {
    output = execFileSync(process.execPath, [...argv, ...files], { cwd: fixture, maxBuffer: 1 << 28 }).toString();
  } catch (error) {
    if (!error.stdout) throw error;
    output = error.stdout.toString();
  }
  const results = JSON.parse(output);
  const counts = new Map();
  for (const result of results) {
    const path = relative(fixture, result.filePath).split("\\").join("/");
    if (result.messages.length > 0) counts.set(path, result.messages.length);
  }
  return counts;
}

function countBy(paths) {
  const counts = new Map();
  for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

const ours = runDeploylint();
const peer = runSecretlint();

const rows = [];
const totals = { flagged: 0, ours: 0, peer: 0, clean: 0, oursFalse: 0, peerFalse: 0 };
for (const path of files) {
  const want = expected.get(path);
  const clean = path.startsWith("clean/");
  const o = ours.get(path) ?? 0;
  const p = peer.get(path) ?? 0;
  const cell = (n) => (n === 0 ? "–" : String(n));
  rows.push(`| \`${path}\` | ${clean ? "clean" : want === undefined ? "?" : want} | ${cell(o)} | ${cell(p)} |`);
  if (clean) {
    totals.clean++;
    if (o > 0) totals.oursFalse++;
    if (p > 0) totals.peerFalse++;
  } else if (want !== undefined && want > 0) {
    totals.flagged++;
    if (o > 0) totals.ours++;
    if (p > 0) totals.peer++;
  }
}

const secretlintVersion = JSON.parse(
  readFileSync(join(ROOT, "node_modules", "secretlint", "package.json"), "utf8"),
).version;
const report = [
  `deploylint (secrets pack, strict) vs secretlint ${secretlintVersion} (preset-recommend) on ${relative(ROOT, fixture)}`,
  "",
  "| file | expected failing findings | deploylint | secretlint |",
  "|---|---:|---:|---:|",
  ...rows,
  "",
  `Files that must be flagged: ${totals.flagged}; deploylint flags ${totals.ours}, secretlint ${totals.peer}.`,
  `Clean look-alikes: ${totals.clean}; deploylint reports on ${totals.oursFalse}, secretlint on ${totals.peerFalse}.`,
  "",
].join("\n");
if (args.out) writeFileSync(args.out, report);
process.stdout.write(report);
