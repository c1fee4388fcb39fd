// The files a change touched since the merge base with a ref (committed, staged, unstaged and
// untracked), so verify can run only the migrations a pull request adds or edits.
import { spawnSync } from "node:child_process";

function git(cwd: string, args: string[]): string {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`git ${args.join(" ")} failed: ${(run.stderr || run.stdout).trim().split("\n", 1)[0]}`);
  }
  return run.stdout;
}

/** Added or modified paths relative to `cwd`, with `/` separators. */
export function changedFiles(options: { cwd: string; ref: string }): Set<string> {
  const base = git(options.cwd, ["merge-base", options.ref, "HEAD"]).trim();
  const diff = git(options.cwd, ["diff", "--name-only", "--diff-filter=AMR", "--relative", base]);
  const untracked = git(options.cwd, ["ls-files", "--others", "--exclude-standard"]);
  return new Set(
    `${diff}\n${untracked}`
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );
}
