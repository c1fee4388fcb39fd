// The commit a shard ran on, and the key every shard of one run hashes secrets under. Facts from
// different machines must compare (the same credential in .env.staging on shard 1 and in
// .env.production on shard 2), so the key cannot be random per run as it is for a single run; and
// it must never be written into a partial report, which an attacker could hold beside a dictionary.
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";

/** The environment variable that overrides the derived key (a CI secret, stable across commits). */
export const SHARD_KEY_VARIABLE = "DEPLOYLINT_SHARD_KEY";

const MIN_KEY_LENGTH = 16;

export class ShardKeyError extends Error {
  override name = "ShardKeyError";
}

export interface GitIdentity {
  commit: string;
  tree: string;
}

/** HEAD's commit and tree, or null outside a git work tree (or without git). */
export async function gitIdentity(cwd: string): Promise<GitIdentity | null> {
  const output = await new Promise<string | null>((resolve) => {
    execFile("git", ["rev-parse", "HEAD", "HEAD^{tree}"], { cwd }, (error, stdout) => resolve(error ? null : stdout));
  });
  const [commit, tree] = (output ?? "").split("\n");
  return commit && tree && /^[0-9a-f]{40,64}$/.test(commit) && /^[0-9a-f]{40,64}$/.test(tree) ? { commit, tree } : null;
}

/**
 * The shards' common key: DEPLOYLINT_SHARD_KEY when set, else one derived from HEAD's tree id.
 * Whoever can compute the tree id can read the repository, and so the secrets themselves; whoever
 * holds only the partial reports (which name the commit, not the tree) cannot confirm a guess.
 * Without either, a shard refuses to run: a random key would make the merge miss every credential
 * shared between shards, silently.
 */
export function shardSecretKey(options: { given: string | undefined; git: GitIdentity | null }): string {
  const { given, git } = options;
  if (given !== undefined && given !== "") {
    if (given.length < MIN_KEY_LENGTH)
      throw new ShardKeyError(`${SHARD_KEY_VARIABLE} must be at least ${MIN_KEY_LENGTH} characters long.`);
    return createHmac("sha256", given).update("deploylint shard secret key v1").digest("hex");
  }
  if (git === null)
    throw new ShardKeyError(
      `--shard needs a key all shards share to compare secrets: run in a git checkout, or set ${SHARD_KEY_VARIABLE} (e.g. to a CI secret) in every shard.`,
    );
  return createHmac("sha256", git.tree).update("deploylint shard secret key v1").digest("hex");
}

/** Names the key without revealing it, so the merge can tell partials hashed under different keys. */
export function secretKeyId(key: string): string {
  return createHmac("sha256", key).update("deploylint shard key id").digest("hex").slice(0, 16);
}
