// The sharding scenario (issue 22): a single run against `--shard i/n` for every i, run one after
// the other as n CI jobs would run side by side, plus `deploylint merge`. The figure of merit is the
// slowest shard plus the merge (the wall time of a sharded CI pipeline) against the single run; the
// merged report must equal the single run's, byte for byte.
//
//   node tools/bench/shard.mjs [--scale large] [--shards 4] [--dir /tmp/deploylint-bench]
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ROOT } from "./contestants.mjs";
import { writeRepository } from "./generate.mjs";
import { measure } from "./measure.mjs";

const BIN = join(ROOT, "packages", "cli", "bin", "deploylint.js");

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * @param {{ repoDir: string, shards: number, scratch: string }} options
 */
export function benchShards({ repoDir, shards, scratch }) {
  const node = (args, stdoutPath) =>
    measure({ cmd: process.execPath, args: [BIN, ...args], cwd: repoDir }, { stdoutPath });
  const singleOut = join(scratch, "shard-single.json");
  log(`shards: single run on ${repoDir}`);
  const single = node(["--no-cache", "--format", "json"], singleOut);
  const partials = [];
  const shardSamples = [];
  for (let index = 1; index <= shards; index++) {
    const partial = join(scratch, `shard-${index}-of-${shards}.partial.json`);
    log(`shards: ${index}/${shards}`);
    shardSamples.push(node(["--no-cache", "--shard", `${index}/${shards}`, "-o", partial]));
    partials.push(partial);
  }
  const mergedOut = join(scratch, "shard-merged.json");
  log("shards: merge");
  const merge = node(["merge", ...partials, "--format", "json"], mergedOut);
  const bytesOf = (file) => statSync(join(repoDir, file), { throwIfNoEntry: false })?.size ?? 0;
  const perShard = partials.map((file, i) => {
    const data = JSON.parse(readFileSync(file, "utf8"));
    return {
      shard: `${i + 1}/${shards}`,
      files: data.files.length,
      bytes: data.files.reduce((sum, path) => sum + bytesOf(path), 0),
      wallMs: shardSamples[i].wallMs,
      cpuMs: shardSamples[i].cpuMs,
      rssMb: shardSamples[i].rssMb,
      partialBytes: statSync(file).size,
    };
  });
  const slowest = Math.max(...shardSamples.map((s) => s.wallMs));
  const imbalance = (values) => Math.max(...values) / (values.reduce((a, b) => a + b, 0) / values.length);
  return {
    shards,
    single: { wallMs: single.wallMs, cpuMs: single.cpuMs, rssMb: single.rssMb, status: single.status },
    merge: { wallMs: merge.wallMs, cpuMs: merge.cpuMs, rssMb: merge.rssMb, status: merge.status },
    perShard,
    slowestShardMs: slowest,
    shardedWallMs: slowest + merge.wallMs,
    ratio: (slowest + merge.wallMs) / single.wallMs,
    // Max over mean: 1.00 is a perfect split.
    imbalance: {
      bytes: imbalance(perShard.map((s) => s.bytes)),
      files: imbalance(perShard.map((s) => s.files)),
      wall: imbalance(perShard.map((s) => s.wallMs)),
    },
    identical: readFileSync(singleOut, "utf8") === readFileSync(mergedOut, "utf8"),
    exitCodesMatch: single.status === merge.status,
  };
}

/** The scenario as Markdown, for the bench's report. */
export function renderShards(result, label) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const rows = result.perShard.map(
    (p) =>
      `| ${p.shard} | ${p.files} | ${(p.bytes / 1e6).toFixed(1)} MB | ${s(p.wallMs)} | ${p.rssMb === null ? "–" : Math.round(p.rssMb)} MB |`,
  );
  return [
    `## Sharding (${label}, ${result.shards} shards)`,
    "",
    `Single run ${s(result.single.wallMs)}; slowest shard ${s(result.slowestShardMs)} + merge ${s(result.merge.wallMs)} = ${s(result.shardedWallMs)} (${result.ratio.toFixed(2)}× the single run). Merged report identical to the single run's: ${result.identical ? "yes" : "NO"}; exit codes ${result.exitCodesMatch ? "match" : "DIFFER"}.`,
    `Imbalance (max/mean): bytes ${result.imbalance.bytes.toFixed(3)}, files ${result.imbalance.files.toFixed(3)}, wall time ${result.imbalance.wall.toFixed(3)}.`,
    "",
    "| shard | files | bytes | wall | peak RSS |",
    "|---|---:|---:|---:|---:|",
    ...rows,
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "large" },
      shards: { type: "string", default: "4" },
      dir: { type: "string", default: "/tmp/deploylint-bench" },
      repo: { type: "string" },
    },
  });
  const repoDir = values.repo ?? join(values.dir, values.scale);
  if (!existsSync(join(repoDir, ".git"))) {
    log(`generating ${values.scale} into ${repoDir}`);
    writeRepository({ dir: repoDir, scale: values.scale });
  }
  const scratch = join(values.dir, ".out");
  mkdirSync(scratch, { recursive: true });
  const result = benchShards({ repoDir, shards: Number(values.shards), scratch });
  process.stdout.write(`${renderShards(result, values.repo ?? values.scale)}\n${JSON.stringify(result, null, 2)}\n`);
}
