// .gitignore semantics for discovery: the repository's info/exclude, the .gitignore files from
// the repository root down to the working directory, and nested ones, each for its own folder.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import ignore from "ignore";
import { printablePath } from "./errors.js";

export interface GitignoreMatcher {
  /** `file` is relative to the discovery cwd, `/` separators. */
  ignores(file: string): boolean;
}

interface RepoLocation {
  /** The repository root, or the cwd when it is not inside a git work tree. */
  root: string;
  /** The git directory holding info/exclude, when there is one. */
  gitDir: string | null;
}

/**
 * Builds one matcher from every .gitignore that applies to files in `dirs` (folders relative to
 * cwd where .gitignore files were seen) plus the ones between the repository root and cwd.
 * Outside a git repository the .gitignore files still apply: a checkout from a tarball should
 * lint the same files as the clone.
 */
export async function loadGitignore(options: {
  cwd: string;
  dirs: Iterable<string>;
  /** Told about each line the ignore library cannot use; without it such a line fails the run. */
  warn?: (message: string) => void;
}): Promise<GitignoreMatcher> {
  const cwd = path.resolve(options.cwd);
  const repo = await findRepo(cwd);
  const cwdFromRoot = toPosix(path.relative(repo.root, cwd));
  const folders = new Set<string>(ancestorsOf(cwdFromRoot));
  for (const dir of options.dirs) {
    const fromRoot = toPosix(path.relative(repo.root, path.resolve(cwd, dir)));
    if (fromRoot === ".." || fromRoot.startsWith("../")) continue;
    folders.add(fromRoot);
  }
  const matcher = ignore({ ignorecase: false });
  const usable = (rules: Rule[], file: string) => {
    for (const rule of rules) {
      const problem = unusable(rule.pattern);
      if (problem === null) matcher.add(rule.pattern);
      else if (options.warn)
        options.warn(
          `${printablePath(file)}:${rule.line}: skipped a .gitignore line the ignore library cannot use (${problem}).`,
        );
      else throw new Error(`${file}:${rule.line}: ${problem}`);
    }
  };
  if (repo.gitDir) {
    const exclude = path.join(repo.gitDir, "info", "exclude");
    usable(rebaseGitignore(await readOptional(exclude), ""), toPosix(path.relative(cwd, exclude)));
  }
  // A deeper .gitignore overrides a shallower one for paths inside it: add ancestors first.
  const ordered = [...folders].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const contents = await Promise.all(ordered.map((dir) => readOptional(path.join(repo.root, dir, ".gitignore"))));
  ordered.forEach((dir, index) => {
    const file = toPosix(path.relative(cwd, path.join(repo.root, dir, ".gitignore")));
    usable(rebaseGitignore(contents[index] ?? "", dir), file);
  });
  return {
    ignores(file) {
      const fromRoot = toPosix(path.relative(repo.root, path.resolve(cwd, file)));
      if (fromRoot === "" || fromRoot === ".." || fromRoot.startsWith("../")) return false;
      return matcher.ignores(fromRoot);
    },
  };
}

interface Rule {
  pattern: string;
  /** 1-based line in its file, for a warning that names it. */
  line: number;
}

/**
 * Rewrites the patterns of the .gitignore in `dir` (relative to the repository root) so that they
 * match paths relative to the root: a pattern with an inner slash is anchored to its folder, one
 * without matches at any depth below it.
 */
export function rebaseGitignore(content: string, dir: string): Rule[] {
  const rules: Rule[] = [];
  // The folder's name is literal text, not a pattern: `app/[id]` holds no character class.
  const folder = dir.replace(/[\\*?[\]]/g, "\\$&");
  splitLines(content).forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    if (dir === "" || dir === ".") {
      rules.push({ pattern: line, line: index + 1 });
      return;
    }
    const negated = line.startsWith("!");
    const body = negated ? line.slice(1) : line;
    const anchored = body.replace(/\/+$/, "").includes("/");
    const rebased = anchored ? `${folder}/${body.replace(/^\//, "")}` : `${folder}/**/${body}`;
    rules.push({ pattern: negated ? `!${rebased}` : rebased, line: index + 1 });
  });
  return rules;
}

/**
 * Why the ignore library cannot use a pattern, or null. It compiles a pattern to a regular
 * expression on first use, so a pattern it rejects (a 100 KB line is "too large") would throw in
 * the middle of matching; compiling each line alone, negation dropped, finds it up front.
 */
function unusable(pattern: string): string | null {
  try {
    ignore({ ignorecase: false }).add(pattern.replace(/^!/, "")).ignores("x");
    return null;
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof RangeError || error instanceof TypeError) {
      const message = error.message.replace(/\s+/g, " ");
      // V8 quotes the whole regular expression, which for a rejected line is the long part.
      return message.length > 80 ? `${message.slice(0, 40)}…${message.slice(-30)}` : message;
    }
    throw error;
  }
}

/** Walks up from cwd to the nearest `.git` (a folder, or a file pointing at one in worktrees). */
export async function findRepo(cwd: string): Promise<RepoLocation> {
  let dir = cwd;
  for (;;) {
    const dotGit = path.join(dir, ".git");
    const info = await stat(dotGit).catch(() => null);
    if (info?.isDirectory()) return { root: dir, gitDir: dotGit };
    if (info?.isFile()) return { root: dir, gitDir: await resolveGitFile(dotGit) };
    const parent = path.dirname(dir);
    if (parent === dir) return { root: cwd, gitDir: null };
    dir = parent;
  }
}

// A worktree's `.git` file says `gitdir: <path>`; its info/exclude lives in the common dir.
async function resolveGitFile(dotGit: string): Promise<string | null> {
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(await readOptional(dotGit));
  if (!match?.[1]) return null;
  const gitDir = path.resolve(path.dirname(dotGit), match[1]);
  const common = (await readOptional(path.join(gitDir, "commondir"))).trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // An unreadable ignore file ignores nothing: linting more is the safe side for a gate.
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR" || code === "EACCES" || code === "EPERM")
      return "";
    throw error;
  }
}

function ancestorsOf(fromRoot: string): string[] {
  if (fromRoot === "") return [""];
  const parts = fromRoot.split("/");
  return ["", ...parts.map((_, index) => parts.slice(0, index + 1).join("/"))];
}

function splitLines(content: string): string[] {
  return content.split(/\r?\n/);
}

function depth(dir: string): number {
  return dir === "" ? 0 : dir.split("/").length;
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
