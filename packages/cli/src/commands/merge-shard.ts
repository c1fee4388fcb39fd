// `deploylint --shard i/n`: lints one shard of the files and writes its partial report, which
// `deploylint merge` completes. The shard itself judges nothing (project rules, suppressions and
// the baseline need every shard), so it exits 0 once the partial is written: the merge is the gate.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  type LintShardOptions,
  lintShard,
  type ResolvedConfig,
  SHARD_KEY_VARIABLE,
  type ShardSpec,
  UsageError,
} from "@deploylint/core";
import { version } from "../builtins.js";
import type { Io } from "../cli.js";

export const PARTIAL_FORMAT_NAME = "partial";
const PARTIAL_SUFFIX = ".partial.json";

/** `--shard <i>/<n>`: 1 ≤ i ≤ n, whole numbers; anything else is a usage error (exit 2). */
export function parseShard(value: string): ShardSpec {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || total < 1 || index > total)
    throw new UsageError(`--shard takes <i>/<n> with 1 ≤ i ≤ n (e.g. --shard 2/4), not "${value}".`);
  return { index, total };
}

/** Options a shard cannot honour alone: each belongs to the merge, or makes no sense for a shard. */
const FOR_THE_MERGE = [
  "baseline",
  "no-baseline",
  "update-baseline",
  "baseline-strict",
  "max-warnings",
  "quiet",
] as const;

export interface ShardValues {
  shard?: string;
  format?: string;
  "output-file"?: string;
  fix?: boolean;
  staged?: boolean;
  "print-config"?: string;
  [flag: string]: unknown;
}

export async function runShard(options: {
  values: ShardValues;
  io: Io;
  config: ResolvedConfig;
  lintOptions: Omit<LintShardOptions, "config" | "cwd" | "version" | "shard" | "shardKey" | "cacheLocation"> & {
    /** true: node_modules/.cache/deploylint; a string: that folder. */
    cache?: true | string;
  };
}): Promise<number> {
  const { values, io } = options;
  const { cache, ...lintOptions } = options.lintOptions;
  const shard = parseShard(values.shard ?? "1/1");
  if (values.format !== undefined && values.format !== PARTIAL_FORMAT_NAME)
    throw new UsageError(
      `--shard writes a partial report for deploylint merge: use --format ${PARTIAL_FORMAT_NAME} (or an --output-file ending in ${PARTIAL_SUFFIX}), not --format ${values.format}.`,
    );
  if (values.fix) throw new UsageError("--fix cannot run in a shard: fix in one run, then shard.");
  if (values.staged)
    throw new UsageError("--staged cannot be sharded: a commit's files are few, lint them in one run.");
  for (const flag of FOR_THE_MERGE)
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} applies to the whole run: give it to deploylint merge, not to a shard.`);
  const partial = await lintShard({
    ...lintOptions,
    ...(cache ? { cacheLocation: cache === true ? join("node_modules", ".cache", "deploylint") : cache } : {}),
    config: options.config,
    cwd: io.cwd,
    version: version(),
    shard,
    ...(io.env[SHARD_KEY_VARIABLE] !== undefined ? { shardKey: io.env[SHARD_KEY_VARIABLE] } : {}),
  });
  const output = `${JSON.stringify(partial)}\n`;
  const file = values["output-file"];
  if (file) writeFileSync(resolve(io.cwd, file), output);
  else io.stdout(output);
  return 0;
}
