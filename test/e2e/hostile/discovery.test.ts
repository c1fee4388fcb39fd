// Issue 13, discovery: which files a run sees. A tracked file is in scope whatever .gitignore
// says, an odd file name is no hiding place, a conflict is not skipped, a link never carries a
// read out of the working directory, a broken .gitignore line does not stop the run, and one
// named migration is still judged with its pair.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runCli, runJson, tempRepo } from "../../support/cli.js";

// Assembled here so that no scanner mistakes this test for a leaked key.
const STRIPE = ["sk", "live", "51HqLyjWDarjtT1zdp7dcXyZ12345678"].join("_");
const SECRET_ENV = `STRIPE_KEY=${STRIPE}\n`;
const MIGRATIONS = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

type Report = ReturnType<typeof runJson>["report"];

/** "<file> <rule>" for each finding of the given rule. */
function found(report: Report, ruleId: string): string[] {
  return report.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.file)
    .sort();
}

const secrets = (report: Report) => found(report, "secrets/no-hardcoded-secret");

/** A repository with every given file committed, even one its own .gitignore matches. */
function committed(files: Record<string, string>): string {
  const dir = tempRepo(files);
  git(dir, "init", "-q");
  git(dir, "add", "-f", "-A");
  git(dir, "commit", "-qm", "base");
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A .env committed before the rule that ignores it, the classic leak. */
function leakedDotenv(): string {
  const dir = committed({ ".env": SECRET_ENV, "src/app.ts": "export const port = 8080;\n" });
  write(dir, { ".gitignore": ".env\n" });
  git(dir, "add", ".gitignore");
  git(dir, "commit", "-qm", "ignore .env");
  return dir;
}

describe("tracked files are in scope even when .gitignore matches them", () => {
  it("a full run lints a .env committed before its ignore rule, and still leaves out untracked ignored files", () => {
    const dir = leakedDotenv();
    write(dir, {
      "deploylint.config.yaml": "ignores: [vendor/**]\n",
      // Untracked and ignored: git would never commit it, so a full run leaves it out.
      "scratch/.env": SECRET_ENV,
      // Tracked, but deploylint's own ignores still apply to tracked files.
      "vendor/.env": SECRET_ENV,
      "node_modules/pkg/.env": SECRET_ENV,
    });
    git(dir, "add", "-f", "vendor/.env", "node_modules/pkg/.env");
    const run = runJson([], { cwd: dir });
    expect(run.status).toBe(1);
    expect(secrets(run.report)).toEqual([".env"]);
  });

  it("--changed-since lints a change to a tracked ignored file", () => {
    const dir = committed({ ".env": "STRIPE_KEY=\n", ".gitignore": ".env\n" });
    git(dir, "checkout", "-qb", "feature");
    write(dir, { ".env": SECRET_ENV });
    git(dir, "commit", "-qam", "a real key");
    expect(secrets(runJson(["--changed-since", "main"], { cwd: dir }).report)).toEqual([".env"]);
  });

  it("--staged lints a staged tracked ignored file", () => {
    const dir = committed({ ".env": "STRIPE_KEY=\n", ".gitignore": ".env\n" });
    write(dir, { ".env": SECRET_ENV });
    git(dir, "add", ".env");
    expect(secrets(runJson(["--staged"], { cwd: dir }).report)).toEqual([".env"]);
  });

  it("pre-deploy does not say ready while a tracked ignored .env holds a key", () => {
    const dir = leakedDotenv();
    const run = runCli(["pre-deploy"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/no secrets.*FAIL/);
  });

  it("outside git, .gitignore still decides what a full run sees", () => {
    const dir = tempRepo({ ".gitignore": "local.env\n", "local.env": SECRET_ENV, "app.env": SECRET_ENV });
    expect(secrets(runJson([], { cwd: dir }).report)).toEqual(["app.env"]);
  });
});

describe("file and folder names with line breaks are linted", () => {
  const ODD: Record<string, string> = {
    "new\nline.env": SECRET_ENV,
    "cr\rdir/app.env": SECRET_ENV,
    "ls\u2028dir/app.env": SECRET_ENV,
    "plain.env": SECRET_ENV,
  };
  const ALL = Object.keys(ODD).sort();

  it("by a full run outside git", () => {
    expect(secrets(runJson([], { cwd: tempRepo(ODD) }).report)).toEqual(ALL);
  });

  it("by a full run in git, tracked or untracked", () => {
    const dir = committed({ "new\nline.env": SECRET_ENV, "plain.env": SECRET_ENV });
    write(dir, { "cr\rdir/app.env": SECRET_ENV, "ls\u2028dir/app.env": SECRET_ENV });
    expect(secrets(runJson([], { cwd: dir }).report)).toEqual(ALL);
  });

  it("by --staged and --changed-since, also from a folder whose own name holds a line break", () => {
    const dir = committed({ "README.md": "# x\n" });
    const inner = join(dir, "sub\ndir");
    mkdirSync(inner);
    git(dir, "checkout", "-qb", "feature");
    write(inner, ODD);
    git(dir, "add", "-A");
    expect(secrets(runJson(["--staged"], { cwd: inner }).report)).toEqual(ALL);
    git(dir, "commit", "-qm", "odd names");
    expect(secrets(runJson(["--changed-since", "main"], { cwd: inner }).report)).toEqual(ALL);
    expect(secrets(runJson([], { cwd: inner }).report)).toEqual(ALL);
  });

  it("by a glob and by a config ignore that must not miss them", () => {
    const dir = tempRepo({ ...ODD, "deploylint.config.yaml": "ignores: ['cr*/**']\n" });
    expect(secrets(runJson(["**/*.env"], { cwd: dir }).report)).toEqual(ALL.filter((f) => !f.startsWith("cr")));
  });
});

describe("a merge conflict under --staged", () => {
  function conflicted(file: string): string {
    const dir = committed({ [file]: "A=1\n", "ok.env": "B=2\n" });
    git(dir, "checkout", "-qb", "theirs");
    write(dir, { [file]: SECRET_ENV });
    git(dir, "commit", "-qam", "theirs");
    git(dir, "checkout", "-q", "main");
    write(dir, { [file]: "A=3\n" });
    git(dir, "commit", "-qam", "ours");
    expect(() => git(dir, "merge", "-q", "theirs")).toThrow();
    return dir;
  }

  // Chosen over linting one side: there is no staged version to judge until the conflict is
  // resolved, and git refuses to commit before then.
  it("exits 2 with one line naming the unmerged paths", () => {
    const run = runCli(["--staged"], { cwd: conflicted("config/app.env") });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/merge conflict.*config\/app\.env/);
  });

  it("keeps the message on one line when the path holds a line break", () => {
    const run = runCli(["--staged"], { cwd: conflicted("odd\nname.env") });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(JSON.stringify("odd\nname.env"));
  });
});

describe("links never carry a read out of the working directory", () => {
  function outside(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "deploylint-outside-"));
    write(dir, files);
    return dir;
  }

  const unchecked = (report: { findings: { ruleId: string; file: string; message: string }[] }) =>
    report.findings.map(
      (f) =>
        `${f.file}: ${f.ruleId === "core/file-not-checked" && /link out of the working directory/.test(f.message) ? "link out of the working directory" : f.ruleId}`,
    );

  it("a full run neither reads a linked file outside nor walks a linked folder outside", () => {
    const away = outside({ "secret.env": SECRET_ENV, "folder/more.env": SECRET_ENV });
    const dir = tempRepo({ "app.env": "PORT=8080\n" });
    symlinkSync(join(away, "secret.env"), join(dir, "leak.env"));
    symlinkSync(join(away, "folder"), join(dir, "linked"));
    const run = runCli(["--format", "json", "--debug"], { cwd: dir });
    // Not read, and not passed either: an env file the run could not look at fails it.
    expect(unchecked(JSON.parse(run.stdout))).toEqual(["leak.env: link out of the working directory"]);
    expect(run.stdout).not.toContain("sk_l");
    expect(run.stderr).toMatch(/skipped linked: symlink-outside/);
  });

  it("the same for links committed to git", () => {
    const away = outside({ "secret.env": SECRET_ENV });
    const dir = tempRepo({ "app.env": "PORT=8080\n" });
    symlinkSync(join(away, "secret.env"), join(dir, "leak.env"));
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "link");
    const { report } = runJson([], { cwd: dir });
    expect(unchecked(report)).toEqual(["leak.env: link out of the working directory"]);
    expect(JSON.stringify(report)).not.toContain("sk_l");
  });

  it("a link inside is read once, under its target's path; a linked folder is not walked twice", () => {
    const dir = tempRepo({ "real/key.env": SECRET_ENV });
    symlinkSync("real/key.env", join(dir, "alias.env"));
    symlinkSync("real", join(dir, "again"));
    mkdirSync(join(dir, "real", "deeper"));
    symlinkSync("../..", join(dir, "real", "deeper", "loop"));
    expect(secrets(runJson([], { cwd: dir }).report)).toEqual(["real/key.env"]);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    expect(secrets(runJson([], { cwd: dir }).report)).toEqual(["real/key.env"]);
  });

  it("a path named on the command line that leads outside exits 2", () => {
    const away = outside({ "secret.env": SECRET_ENV });
    const dir = tempRepo({ "app.env": "PORT=8080\n" });
    symlinkSync(join(away, "secret.env"), join(dir, "leak.env"));
    for (const named of ["leak.env", join(away, "secret.env"), `../${away.split("/").pop()}/secret.env`]) {
      const run = runCli([named], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/outside the working directory/);
      expect(run.stdout).not.toContain("sk_l");
    }
  });

  it("a companion file that links outside is not read", () => {
    const away = outside({ "metadata.toml": "run_in_transaction = false\n" });
    const folder = "migrations/2024-01-19-140000_index_users";
    const dir = tempRepo({
      [`${folder}/up.sql`]: "CREATE INDEX CONCURRENTLY users_email ON users (email);\n",
      [`${folder}/down.sql`]: "DROP INDEX CONCURRENTLY users_email;\n",
    });
    symlinkSync(join(away, "metadata.toml"), join(dir, folder, "metadata.toml"));
    // Read, the outside file would say diesel runs this migration outside a transaction.
    expect(found(runJson([], { cwd: dir }).report, "migrations/no-concurrent-in-transaction")).toEqual([
      `${folder}/up.sql`,
    ]);
  });

  it("--staged does not lint a staged link's target path as if it were the file", () => {
    const dir = committed({ "README.md": "# x\n" });
    // A link's blob holds its target path; this one reads like a dotenv line with a key.
    symlinkSync(SECRET_ENV.trim(), join(dir, "link.env"));
    git(dir, "add", "link.env");
    expect(runJson(["--staged"], { cwd: dir }).report.findings).toEqual([]);
  });
});

describe("a .gitignore line the ignore library rejects", () => {
  it("is skipped with one warning line naming file and line, and the run goes on", () => {
    const huge = "[ab]".repeat(50_000);
    const dir = tempRepo({
      ".gitignore": `# generated\n${huge}\n*.log\n`,
      "app.log": SECRET_ENV,
      "app.env": SECRET_ENV,
    });
    const run = runJson([], { cwd: dir });
    expect(run.status).toBe(1);
    expect(secrets(run.report)).toEqual(["app.env"]);
    const warnings = run.stderr.trim().split("\n");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^deploylint: warning: \.gitignore:2: skipped/);
    expect(warnings[0]?.length).toBeLessThan(300);
  });
});

describe("one named migration is judged with the rest of the repository", () => {
  function migrations(): string {
    return tempRepo({
      "deploylint.config.yaml": MIGRATIONS,
      "db/migrations/000001_a.up.sql": "ALTER TABLE a DROP COLUMN b;\n",
      "db/migrations/000001_a.down.sql": "ALTER TABLE a ADD COLUMN b text;\n",
      "db/migrations/000002_c.up.sql": "CREATE TABLE c (id bigint);\n",
      "db/migrations/000002_c.down.sql": "DROP TABLE c;\nALTER TABLE c FROBNICATE THE WIDGETS;\n",
      "app.env": SECRET_ENV,
    });
  }
  const rules = (report: Report) => report.findings.map((f) => `${f.ruleId} ${f.file}`).sort();

  it("a single up file is paired with its down file and reports only its own findings", () => {
    const run = runJson(["db/migrations/000001_a.up.sql"], { cwd: migrations() });
    expect(rules(run.report)).toEqual(["migrations/no-drop-column db/migrations/000001_a.up.sql"]);
  });

  it("a single down file is paired with its up file and reports only its own findings", () => {
    const run = runJson(["db/migrations/000002_c.down.sql"], { cwd: migrations() });
    expect(rules(run.report)).toEqual(["migrations/parse-error db/migrations/000002_c.down.sql"]);
  });

  it("a folder or a glob narrows what is reported in the same way", () => {
    const dir = migrations();
    const all = rules(runJson([], { cwd: dir }).report).filter((line) => line.includes(" db/"));
    expect(all).not.toEqual([]);
    expect(rules(runJson(["db/migrations"], { cwd: dir }).report)).toEqual(all);
    expect(rules(runJson(["db/**/*.up.sql"], { cwd: dir }).report)).toEqual(
      all.filter((line) => line.endsWith(".up.sql")),
    );
  });
});
