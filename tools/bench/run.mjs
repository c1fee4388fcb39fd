// `npm run bench`: races deploylint against secretlint and squawk on the real corpora (applications
// and migration histories) and on generated repositories, in one
// process tree with alternating runs, and writes JSON and Markdown results under tools/bench/results/.
//
//   node tools/bench/run.mjs [--corpora real|generated|all] [--scale small|medium|large|all] [--runs N]
//     [--quick] [--out DIR] [--dir /tmp/deploylint-bench]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import {
  asProjectInstall,
  describeCommand,
  ROOT,
  scaleContestants,
  stagedContestants,
  startupContestants,
} from "./contestants.mjs";
import { DEFAULT_SEED, SCALES, writeRepository } from "./generate.mjs";
import { addSamples, measure, summarise, TIMED_OUT } from "./measure.mjs";
import {
  APP_RSS_LIMIT_MIB,
  ensureRealRepository,
  listRealCorpora,
  locateCorpora,
  postgresFiles,
  realComparisons,
  realContestants,
} from "./real.mjs";
import {
  absoluteTargets,
  countFindings,
  describeMachine,
  renderMarkdown,
  scaleComparisons,
  startupComparisons,
  withRatios,
} from "./report.mjs";
import { benchShards, renderShards } from "./shard.mjs";

// Secretlint takes ~10 ms a file here, so the large scale gets one round unless --runs says otherwise.
const DEFAULT_RUNS = { small: 5, medium: 3, large: 1 };
// A zero-config run on a real application takes seconds to tens of seconds, six times per round.
const REAL_RUNS = 3;
const GENERATOR_FILES = ["generate.mjs", "migrations.mjs", "services.mjs", "secrets.mjs", "random.mjs"];

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Reuses a generated repository when the generator, seed and scale are unchanged. */
function ensureRepository({ root, scale, seed, regenerate }) {
  const dir = join(root, scale);
  const hash = createHash("sha256").update(`${scale}:${seed}`);
  for (const file of GENERATOR_FILES) hash.update(readFileSync(join(ROOT, "tools", "bench", file)));
  const key = hash.digest("hex");
  const markerPath = join(root, `${scale}.marker.json`);
  if (!regenerate && existsSync(markerPath) && existsSync(join(dir, ".git"))) {
    const marker = JSON.parse(readFileSync(markerPath, "utf8"));
    if (marker.key === key) return { dir, ...marker };
  }
  log(`generating ${scale} into ${dir}`);
  const written = writeRepository({ dir, scale, seed });
  const marker = {
    key,
    scale,
    seed,
    files: written.files,
    digest: written.digest,
    migrations: SCALES[scale].migrations,
  };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  return { dir, ...marker };
}

/**
 * Runs every contestant `runs` times, rotating the order each round so no tool always goes first
 * (or always runs right after the heaviest one). Cache-backed contestants are primed once first.
 */
function race({ contestants, runs, scratch, timeoutSeconds }) {
  for (const c of contestants.filter((c) => c.prime)) {
    log(`  priming ${c.id}`);
    measure(c.command);
  }
  const samples = Object.fromEntries(contestants.map((c) => [c.id, []]));
  for (let round = 0; round < runs; round++) {
    const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]);
    for (const c of order) {
      const sample = measure(c.command, { stdoutPath: join(scratch, `${c.id}.out`), timeoutSeconds });
      samples[c.id].push(sample);
      log(`  round ${round + 1}/${runs} ${c.id}: ${(sample.wallMs / 1000).toFixed(3)} s, exit ${sample.status}`);
      if (sample.status === TIMED_OUT) log(`    killed after the ${timeoutSeconds} s limit`);
      else if (sample.status !== 0 && sample.status !== 1) log(`    stderr: ${sample.stderr.split("\n")[0]}`);
    }
  }
  const described = contestants.map((c) => ({
    id: c.id,
    tool: c.tool,
    label: c.label,
    command: describeCommand(c.command),
    findings: countFindings(c.tool, readFileSync(join(scratch, `${c.id}.out`), "utf8")),
  }));
  return { contestants: described, samples };
}

function statsOf(samples) {
  return Object.fromEntries(Object.entries(samples).map(([id, list]) => [id, summarise(list)]));
}

function benchScale({ root, scale, seed, runs, regenerate, scratch, timeoutSeconds }) {
  const repo = ensureRepository({ root, scale, seed, regenerate });
  const cacheDir = join(root, ".cache", scale);
  rmSync(cacheDir, { recursive: true, force: true });
  const secretlintrc = writeSecretlintrc(root);
  log(`${scale}: ${repo.files} files, ${runs} round(s)`);
  const { contestants, samples } = race({
    contestants: asProjectInstall(scaleContestants({ repo: repo.dir, cacheDir, secretlintrc }), join(cacheDir, "code")),
    runs,
    scratch,
    timeoutSeconds,
  });
  // The peers' cost is what a team pays to run both: secretlint and squawk of the same round, summed.
  samples.peers = samples.secretlint.map((sample, i) => addSamples(sample, samples.squawk[i]));
  const stats = statsOf(samples);
  return {
    scale,
    dir: repo.dir,
    seed,
    files: repo.files,
    migrations: repo.migrations,
    digest: repo.digest,
    contestants: [...contestants, { id: "peers", tool: "sum", label: "secretlint + squawk (sum per round)" }],
    stats,
    comparisons: scaleComparisons(scale, stats),
    samples,
  };
}

/** Every real corpus: copied as a git repository, then raced; the largest PostgreSQL history gets the targets. */
/** The contestants of the migrations targets: the pack cold and warm on a PostgreSQL history, and squawk. */
const MIGRATIONS_CONTESTANTS = new Set(["dl-pg-cold", "dl-pg-warm", "squawk"]);

function benchReal({ root, runs, scratch, timeoutSeconds, quick, migrationsOnly }) {
  const located = locateCorpora();
  if (!located.root) throw new Error(`--corpora real: ${located.reason}`);
  const secretlintrc = writeSecretlintrc(root);
  const repos = listRealCorpora(located.root).map((corpus) => {
    const repo = ensureRealRepository({ root, corpus, corporaRoot: located.root, log });
    return { repo, pg: postgresFiles(repo.dir, corpus.name) };
  });
  const largest = repos.reduce((best, r) => (r.pg.files.length > (best?.pg.files.length ?? 0) ? r : best), null);
  return {
    root: located.root,
    corpora: repos
      .filter(({ pg }) => !migrationsOnly || pg.files.length > 0)
      .map(({ repo, pg }) => {
        const cacheDir = join(root, ".cache", "real", repo.name);
        rmSync(cacheDir, { recursive: true, force: true });
        rmSync(join(root, ".cache", "code", repo.name), { recursive: true, force: true });
        log(
          `${repo.name} (${repo.kind}): ${repo.files} files, ${pg.files.length} PostgreSQL migration files, ${runs} round(s)`,
        );
        const { contestants, samples } = race({
          contestants: asProjectInstall(
            realContestants({ repo, pg, cacheDir, secretlintrc, quick }).filter(
              (contestant) => !migrationsOnly || MIGRATIONS_CONTESTANTS.has(contestant.id),
            ),
            join(root, ".cache", "code", repo.name),
          ),
          runs,
          scratch,
          timeoutSeconds,
        });
        const stats = statsOf(samples);
        const comparisons = realComparisons({ stats, largestPg: largest?.repo.name === repo.name }).map((c) =>
          withRatios(c, stats),
        );
        return {
          name: repo.name,
          kind: repo.kind,
          files: repo.files,
          pgFolders: pg.folders,
          pgFiles: pg.files.length,
          contestants,
          stats,
          comparisons,
          rss: stats["dl-all"] ? { ...stats["dl-all"], limitMiB: APP_RSS_LIMIT_MIB } : null,
          samples,
        };
      }),
  };
}

function writeSecretlintrc(root) {
  const secretlintrc = join(root, ".secretlintrc.json");
  mkdirSync(root, { recursive: true });
  writeFileSync(
    secretlintrc,
    `${JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] })}\n`,
  );
  return secretlintrc;
}

function benchStartup({ root, runs, scratch }) {
  const emptyRepo = join(root, "empty");
  const oneFileRepo = join(root, "one-file");
  for (const dir of [emptyRepo, oneFileRepo]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: dir });
  }
  writeFileSync(join(oneFileRepo, "README.md"), "# One file\n");
  log(`start-up: ${runs} round(s)`);
  // Each start-up contestant keeps its own code cache, primed by its own first run.
  const codeCache = join(root, ".cache", "code", "start-up");
  rmSync(codeCache, { recursive: true, force: true });
  const startup = startupContestants({ emptyRepo, oneFileRepo }).flatMap((c) =>
    asProjectInstall([c], join(codeCache, c.id)),
  );
  const { contestants, samples } = race({ contestants: startup, runs, scratch });
  const stats = statsOf(samples);
  return { contestants, stats, comparisons: startupComparisons(stats), samples };
}

/** One modified file staged in the repository, restored afterwards. */
function benchStaged({ root, repoDir, scale, runs, scratch }) {
  const git = (...args) => execFileSync("git", args, { cwd: repoDir, encoding: "utf8" });
  const target = git("ls-files", "services/*/src/config.ts").split("\n")[0];
  const original = readFileSync(join(repoDir, target), "utf8");
  appendFileSync(join(repoDir, target), "export const stagedEdit = process.env.LOG_LEVEL;\n");
  git("add", "--", target);
  log(`staged (${scale}, ${target}): ${runs} round(s)`);
  try {
    const codeCache = join(root, ".cache", "code", `staged-${scale}`);
    rmSync(codeCache, { recursive: true, force: true });
    const staged = asProjectInstall(stagedContestants({ repo: repoDir }), codeCache);
    const { contestants, samples } = race({ contestants: staged, runs, scratch });
    return { scale, file: target, contestants, stats: statsOf(samples), samples };
  } finally {
    git("reset", "-q", "--", target);
    writeFileSync(join(repoDir, target), original);
  }
}

function main() {
  const { values } = parseArgs({
    options: {
      corpora: { type: "string", default: "all" },
      scale: { type: "string", default: "small" },
      runs: { type: "string" },
      // A smoke check: one round everywhere, and on the applications only what the targets compare.
      quick: { type: "boolean", default: false },
      // Only the migrations targets on the real corpora (the pack cold and warm against squawk on
      // each PostgreSQL history) and start-up: minutes instead of the applications' hour.
      migrations: { type: "boolean", default: false },
      out: { type: "string", default: join(ROOT, "tools", "bench", "results") },
      dir: { type: "string", default: "/tmp/deploylint-bench" },
      seed: { type: "string" },
      regenerate: { type: "boolean", default: false },
      // Secretlint grows faster than linearly with the file count; at large it may not finish at all.
      timeout: { type: "string", default: "1800" },
      // Issue 22: the slowest of n shards plus the merge against the single run (at large, or when given).
      shards: { type: "string" },
    },
  });
  if (!["real", "generated", "all"].includes(values.corpora)) {
    throw new Error(`Unknown --corpora ${values.corpora}: use real, generated or all.`);
  }
  const withGenerated = values.corpora !== "real";
  const withReal = values.corpora !== "generated";
  const scales = !withGenerated ? [] : values.scale === "all" ? ["small", "medium", "large"] : [values.scale];
  for (const scale of scales) {
    if (!DEFAULT_RUNS[scale]) throw new Error(`Unknown scale ${scale}: use small, medium, large or all.`);
  }
  const runsFor = (scale) =>
    values.runs !== undefined ? Number(values.runs) : values.quick ? 1 : (DEFAULT_RUNS[scale] ?? REAL_RUNS);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const root = values.dir;
  const scratch = join(root, ".out");
  mkdirSync(scratch, { recursive: true });
  const machine = describeMachine();
  const timeoutSeconds = Number(values.timeout);

  const real = withReal
    ? benchReal({
        root,
        runs: runsFor("real"),
        scratch,
        timeoutSeconds,
        quick: values.quick,
        migrationsOnly: values.migrations,
      })
    : null;
  const scaleResults = scales.map((scale) =>
    benchScale({ root, scale, seed, runs: runsFor(scale), regenerate: values.regenerate, scratch, timeoutSeconds }),
  );
  const shardCount = Number(values.shards ?? 4);
  const sharded = scaleResults
    .filter((s) => s.scale === "large" || values.shards !== undefined)
    .map((s) => ({ scale: s.scale, ...benchShards({ repoDir: s.dir, shards: shardCount, scratch }) }));
  const startupRuns = values.quick ? 3 : Math.max(10, 3 * runsFor(scales[0] ?? "real"));
  const startup = benchStartup({ root, runs: startupRuns, scratch });
  // The issue asks for --staged on the medium repository; a run without it uses the largest scale it has.
  const stagedOn = scaleResults.find((s) => s.scale === "medium") ?? scaleResults[scaleResults.length - 1];
  const staged = stagedOn
    ? benchStaged({
        root,
        repoDir: stagedOn.dir,
        scale: stagedOn.scale,
        runs: values.quick ? 1 : Math.max(5, runsFor("medium") * 2),
        scratch,
      })
    : null;

  const results = {
    date: new Date().toISOString(),
    argv: process.argv.slice(2),
    runsNote: [
      ...(real ? [`${runsFor("real")} run(s) on the real corpora`] : []),
      ...scales.map((s) => `${runsFor(s)} run(s) at ${s}`),
      `${startupRuns} at start-up`,
    ].join(", "),
    machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverage },
    real,
    scales: scaleResults,
    startup,
    staged,
    sharded,
  };
  results.targets = absoluteTargets(results);
  mkdirSync(values.out, { recursive: true });
  const name = [
    values.corpora === "generated" ? null : values.corpora,
    withGenerated ? values.scale : null,
    values.migrations ? "migrations" : null,
    values.quick ? "quick" : null,
  ]
    .filter(Boolean)
    .join("-");
  const jsonPath = join(values.out, `${name}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    join(values.out, `${name}.md`),
    [renderMarkdown(results), ...sharded.map((s) => renderShards(s, s.scale))].join("\n"),
  );
  log(`wrote ${relative(ROOT, join(values.out, `${name}.md`))} and ${name}.json`);
}

main();
