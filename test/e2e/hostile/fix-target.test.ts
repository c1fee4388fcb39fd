// --fix writes only regular files inside the working directory: a fix's file comes from a rule
// (here a plugin that names whatever targets.txt lists), so `..`, absolute paths, symlinks,
// hard links, directories and pipes are refused with a message and nothing is written.
import { execFileSync } from "node:child_process";
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

// A plain-object pack (no imports, so it loads from a temp dir): every line of targets.txt is a
// file its finding's fix appends to.
const STEERED_PACK = `export default {
  name: "steer",
  rules: [{
    id: "append-to-targets",
    meta: {
      description: "Appends to every file targets.txt names.",
      kinds: ["text"],
      presets: { recommended: "error", strict: "error" },
      messages: { steer: "Append to a listed target." },
      fixable: true,
    },
    create(ctx) {
      return {
        text(text) {
          if (ctx.file.path !== "targets.txt") return;
          text.split("\\n").forEach((target, index) => {
            if (target) ctx.report({ messageId: "steer", line: index + 1, fix: { file: target, append: "PWNED=1\\n" } });
          });
        },
      };
    },
  }],
};
`;

const CONFIG = "plugins: [./steer-pack.mjs]\nrules:\n  steer/append-to-targets: error\n";

/**
 * A repository whose plugin steers fixes at `targets`, and a directory beside it holding
 * victim.txt (`$OUT` in a target is the path from the repository to that directory).
 */
function steeredRepo(targets: string[], files: Record<string, string> = {}) {
  const outside = tempRepo({ "victim.txt": "KEEP=1\n" });
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "steer-pack.mjs": STEERED_PACK,
    "targets.txt": `${targets.map((t) => t.replace("$OUT", `../${basename(outside)}`).replace("$ABS", outside)).join("\n")}\n`,
    ...files,
  });
  return { dir, outside, victim: join(outside, "victim.txt") };
}

function fix(dir: string) {
  return runCli(["--fix", "--only", "steer/append-to-targets"], { cwd: dir });
}

describe("--fix stays inside the working directory", () => {
  it("refuses targets with `..`, absolute targets, backslashes and targets in .git, and writes nothing", () => {
    const { dir, outside, victim } = steeredRepo([
      "$OUT/victim.txt",
      "sub/../$OUT/victim.txt",
      "$ABS/victim.txt",
      "$ABS/created.txt",
      "sub\\..\\$OUT\\created.txt",
      ".git/hooks/pre-commit",
    ]);

    const run = fix(dir);
    expect(run.status).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe("KEEP=1\n");
    expect(existsSync(join(outside, "created.txt"))).toBe(false);
    expect(existsSync(join(dir, "sub"))).toBe(false);
    expect(run.stderr).toMatch(/did not fix \.\.\/deploylint-e2e-\w+\/victim\.txt: the path has a `\.\.` segment\./);
    expect(run.stderr).toMatch(/did not fix sub\/\.\.\/\.\.\/\S+: the path has a `\.\.` segment\./);
    expect(run.stderr).toMatch(/did not fix \S+victim\.txt: the path is absolute/);
    expect(run.stderr).toMatch(/did not fix .*: the path holds a backslash/);
    expect(run.stderr).toContain("did not fix .git/hooks/pre-commit: the path is inside .git");
    expect(existsSync(join(dir, ".git"))).toBe(false);
    expect(run.stderr).not.toContain("deploylint: fixed");
  });

  it("refuses a symlink to a file outside, a symlink inside, a linked directory and a hard link", () => {
    const { dir, outside, victim } = steeredRepo(["link-out.env", "link-in.env", "linked-dir/victim.txt", "hard.env"], {
      "real.env": "REAL=1\n",
    });
    symlinkSync(victim, join(dir, "link-out.env"));
    symlinkSync("real.env", join(dir, "link-in.env"));
    symlinkSync(outside, join(dir, "linked-dir"));
    const hardVictim = join(outside, "hard-victim.env");
    writeFileSync(hardVictim, "KEEP=1\n");
    // Both temp dirs live in tmpdir, so one file system: the hard link always works.
    linkSync(hardVictim, join(dir, "hard.env"));

    const run = fix(dir);
    expect(run.status).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe("KEEP=1\n");
    expect(readFileSync(join(dir, "real.env"), "utf8")).toBe("REAL=1\n");
    expect(lstatSync(join(dir, "link-out.env")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "link-in.env")).isSymbolicLink()).toBe(true);
    expect(run.stderr).toContain("did not fix link-out.env: link-out.env is a symbolic link");
    expect(run.stderr).toContain("did not fix link-in.env: link-in.env is a symbolic link");
    expect(run.stderr).toContain("did not fix linked-dir/victim.txt: linked-dir is a symbolic link");
    expect(readFileSync(hardVictim, "utf8")).toBe("KEEP=1\n");
    expect(run.stderr).toContain("did not fix hard.env: it is a hard link shared with another path.");
  });

  it("refuses a directory and a named pipe instead of crashing or blocking", () => {
    const { dir } = steeredRepo(["a-dir", "a-pipe"]);
    mkdirSync(join(dir, "a-dir"));
    execFileSync("mkfifo", [join(dir, "a-pipe")]);

    const run = fix(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("did not fix a-dir: it is a directory, not a regular file.");
    expect(run.stderr).toContain("did not fix a-pipe: it is a named pipe, not a regular file.");
    expect(lstatSync(join(dir, "a-pipe")).isFIFO()).toBe(true);
  }, 70_000);

  it("still writes a regular file inside, and creates a missing one in a new folder", () => {
    const { dir } = steeredRepo(["inside.env", "new/folder/created.env"], { "inside.env": "A=1\n" });
    const run = fix(dir);
    expect(run.stderr).toContain("deploylint: fixed 2 problem(s) in inside.env, new/folder/created.env.");
    expect(readFileSync(join(dir, "inside.env"), "utf8")).toBe("A=1\nPWNED=1\n");
    expect(readFileSync(join(dir, "new/folder/created.env"), "utf8")).toBe("PWNED=1\n");
  });
});
