// The real corpora of the benchmark: the applications under <corpora>/real/ and the migration
// histories under <corpora>/migrations/, found as the corpus tests find them. Each is copied into
// the bench folder as a committed git repository (the corpora themselves are never written to),
// and raced against secretlint (applications) and squawk (their PostgreSQL migration histories).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CORPORA, locateCorpora } from "../corpora/corpora.mjs";
import { DEPLOYLINT, SECRETLINT, SQUAWK } from "./contestants.mjs";

export { locateCorpora };

/** The packs a zero-config run enables; each is also timed alone on the applications. */
export const PACKS = ["secrets", "migrations", "env-docs", "env-ladder"];

/**
 * The PostgreSQL migration histories inside each corpus (folders relative to the copied
 * repository), raced against squawk on exactly their .sql files. Listed by hand: which folder is a
 * PostgreSQL history is a fact about each project, not something the bench should guess.
 */
export const POSTGRES_HISTORIES = {
  vaultwarden: ["migrations/postgresql"],
  documenso: ["migrations"],
  hatchet: ["cmd/hatchet-migrate/migrate/migrations"],
  linkwarden: ["packages/prisma/migrations"],
  umami: ["prisma/migrations"],
};

/**
 * Every corpus under the root: applications (real/*) and histories (migrations/*). A history's
 * layout inside its repository comes from the corpus tests' table (vaultwarden's dialect folders
 * sit under `migrations/`).
 */
export function listRealCorpora(corporaRoot) {
  const list = [];
  for (const [group, kind] of [
    ["real", "app"],
    ["migrations", "history"],
  ]) {
    const dir = join(corporaRoot, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const source = `${group}/${entry.name}`;
      const known = CORPORA.find((c) => c.source === source);
      list.push({ name: entry.name, kind, source, target: known?.target ?? "." });
    }
  }
  return list.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "app" ? -1 : 1));
}

/** A fingerprint of the corpus folder (paths, sizes, times): a changed corpus is copied afresh. */
function corpusKey(sourceDir) {
  const hash = createHash("sha256");
  const entries = readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of entries) {
    const stat = statSync(file);
    hash.update(`${relative(sourceDir, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return { key: hash.digest("hex"), files: entries.length };
}

export const git = (cwd, ...args) =>
  execFileSync(
    "git",
    [
      ...["-c", "user.email=bench@example.com", "-c", "user.name=bench", "-c", "init.defaultBranch=main"],
      // No `git gc --auto` in the background after the commit: it would run beside the timed runs.
      ...["-c", "gc.auto=0", "-c", "maintenance.auto=false"],
      ...args,
    ],
    { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );

/** The committed copy of one corpus in the bench folder, reused while the corpus is unchanged. */
export function ensureRealRepository({ root, corpus, corporaRoot, log }) {
  const source = join(corporaRoot, corpus.source);
  const dir = join(root, "real", corpus.name);
  const markerPath = join(root, "real", `${corpus.name}.marker.json`);
  const { key, files } = corpusKey(source);
  if (existsSync(markerPath) && existsSync(join(dir, ".git"))) {
    const marker = JSON.parse(readFileSync(markerPath, "utf8"));
    if (marker.key === key) return { dir, ...marker };
  }
  log(`copying ${corpus.source} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  const target = join(dir, corpus.target);
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--no-verify", "-m", "corpus");
  // What the linters see: the committed files (deploylint's discovery is git's file list).
  const tracked = git(dir, "ls-files").split("\n").filter(Boolean).length;
  const marker = { key, name: corpus.name, kind: corpus.kind, sourceFiles: files, files: tracked };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  return { dir, ...marker };
}

/** The .sql files of the corpus's PostgreSQL histories, relative to the repository, sorted. */
export function postgresFiles(repoDir, corpusName) {
  const folders = (POSTGRES_HISTORIES[corpusName] ?? []).filter((folder) => existsSync(join(repoDir, folder)));
  const files = [];
  for (const folder of folders) {
    for (const entry of readdirSync(join(repoDir, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".sql"))
        files.push(relative(repoDir, join(entry.parentPath, entry.name)));
    }
  }
  return { folders, files: files.sort() };
}

function deploylint(cwd, args) {
  return { cmd: process.execPath, args: [DEPLOYLINT, "--format", "json", "--no-cache", ...args], cwd };
}

/**
 * The contestants on one corpus. Applications: all packs (zero config), each pack alone, and
 * secretlint. PostgreSQL histories: the migrations pack cold and warm, and squawk, on the same
 * folders. `quick` keeps only what the issue's targets compare.
 */
export function realContestants({ repo, pg, cacheDir, secretlintrc, quick }) {
  const list = [];
  if (repo.kind === "app") {
    list.push({
      id: "dl-all",
      tool: "deploylint",
      label: "deploylint (all packs, zero config)",
      command: deploylint(repo.dir, []),
    });
    for (const pack of quick ? ["secrets"] : PACKS) {
      list.push({
        id: `dl-${pack}`,
        tool: "deploylint",
        label: `deploylint --only '${pack}/*'`,
        command: deploylint(repo.dir, ["--only", `${pack}/*`]),
      });
    }
    list.push({
      id: "secretlint",
      tool: "secretlint",
      label: "secretlint '**/*' (preset-recommend)",
      command: {
        cmd: process.execPath,
        args: [SECRETLINT, "**/*", "--secretlintrc", secretlintrc, "--format", "compact", "--no-color"],
        cwd: repo.dir,
      },
    });
  }
  if (pg.files.length > 0) {
    const paths = pg.folders;
    list.push({
      id: "dl-pg-cold",
      tool: "deploylint",
      label: `deploylint --only 'migrations/*' ${paths.join(" ")} (cold)`,
      command: deploylint(repo.dir, ["--only", "migrations/*", ...paths]),
    });
    list.push({
      id: "dl-pg-warm",
      tool: "deploylint",
      label: `deploylint --only 'migrations/*' --cache ${paths.join(" ")} (warm)`,
      command: {
        cmd: process.execPath,
        args: [
          DEPLOYLINT,
          "--format",
          "json",
          "--only",
          "migrations/*",
          "--cache",
          "--cache-location",
          cacheDir,
          ...paths,
        ],
        cwd: repo.dir,
      },
      prime: true,
    });
    list.push({
      id: "squawk",
      tool: "squawk",
      label: `squawk (the ${pg.files.length} .sql files of ${paths.join(", ")})`,
      command: { cmd: SQUAWK, args: ["--reporter", "json", ...pg.files], cwd: repo.dir },
    });
  }
  return list;
}

/**
 * The comparisons of one corpus with the issue's targets. The migrations targets apply to the
 * largest PostgreSQL history of the run (`largestPg`); the others get their ratios without a target.
 */
export function realComparisons({ stats, largestPg }) {
  const list = [
    {
      id: "all-vs-secretlint",
      ours: "dl-all",
      peer: "secretlint",
      target: { maxRatio: 1.0, text: "≤1.0× secretlint" },
    },
    {
      id: "secrets-vs-secretlint",
      ours: "dl-secrets",
      peer: "secretlint",
      target: { maxRatio: 0.5, text: "≤0.5× secretlint" },
    },
    ...PACKS.filter((p) => p !== "secrets").map((pack) => ({
      id: `${pack}-vs-secretlint`,
      ours: `dl-${pack}`,
      peer: "secretlint",
      target: null,
    })),
    {
      id: "pg-cold-vs-squawk",
      ours: "dl-pg-cold",
      peer: "squawk",
      target: largestPg ? { maxRatio: 2.0, text: "≤2.0× squawk (largest PostgreSQL history)" } : null,
    },
    {
      id: "pg-warm-vs-squawk",
      ours: "dl-pg-warm",
      peer: "squawk",
      target: largestPg ? { maxRatio: 0.5, text: "≤0.5× squawk (largest PostgreSQL history)" } : null,
    },
  ];
  return list.filter((c) => stats[c.ours] && stats[c.peer]);
}

/** Peak RSS of a zero-config run on an application: at most 400 MB (GNU time reports KiB: 381 MiB). */
export const APP_RSS_LIMIT_MIB = 400e6 / 2 ** 20;
