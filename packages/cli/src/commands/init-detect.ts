// What `deploylint init` finds in a repository: the migrations folder, framework and dialect, the
// env example and committed env files, the ladder manifest, the CI provider and the main branch.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isExampleFileName } from "@deploylint/core/rule-api";
import { parse as parseYaml } from "yaml";

export interface MigrationsDetection {
  /** The folder holding the migrations, relative to the repository root. */
  path: string;
  files: number;
  framework: string;
  dialect: string | null;
}

export type CiProvider = "github-actions" | "gitlab-ci" | "circleci" | "azure-pipelines" | "bitbucket" | "jenkins";

export interface Detection {
  migrations: MigrationsDetection | null;
  /** Documented-variables files (.env.example and its kin). */
  envExamples: string[];
  /** Other env files, which usually should not be committed. */
  envFiles: string[];
  manifest: string | null;
  mainBranch: string | null;
  ci: CiProvider | null;
  /** package.json scripts worth running before a deploy (test, lint). */
  checkScripts: string[];
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", "vendor", "coverage", ".next", "target", ".venv"]);
const MIGRATION_DIRS = new Set(["migrations", "migrate", "migration"]);
const MIGRATION_FILE = /\.(sql|rb|py|js|ts|xml|ya?ml)$/;
const MAX_FILES = 20_000;
const MAX_DEPTH = 6;

/** Every file under `root` (relative, `/`-separated), skipping build output and dependencies. */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), path, depth + 1);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(root, "", 0);
  return files.sort();
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(join(root, path), "utf8").slice(0, 64 * 1024);
  } catch {
    // Unreadable files tell us nothing about the repository; detection goes on without them.
    return "";
  }
}

function migrationFolder(files: readonly string[]): { path: string; files: string[] } | null {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const parts = file.split("/");
    const index = parts.slice(0, -1).findIndex((part) => MIGRATION_DIRS.has(part.toLowerCase()));
    if (index < 0 || !MIGRATION_FILE.test(file)) continue;
    const folder = parts.slice(0, index + 1).join("/");
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  let best: { path: string; files: string[] } | null = null;
  for (const [path, list] of byFolder) if (!best || list.length > best.files.length) best = { path, files: list };
  return best;
}

function detectFramework(root: string, folder: string, files: readonly string[]): string {
  const names = files.map((f) => f.slice(f.lastIndexOf("/") + 1));
  const sample = files.slice(0, 20).map((f) => readText(root, f));
  if (names.some((n) => /^\d+_.+\.(up|down)\.sql$/.test(n))) return "golang-migrate";
  if (names.some((n) => /^V\d+(?:[._]\d+)*__.+\.sql$/.test(n))) return "flyway";
  if (sample.some((t) => /^--\s*migrate:up/m.test(t))) return "dbmate";
  if (sample.some((t) => /^--\s*\+goose Up/im.test(t))) return "goose";
  if (sample.some((t) => /^--\s*liquibase formatted sql/im.test(t))) return "liquibase";
  if (folder.endsWith("prisma/migrations") || names.includes("migration_lock.toml")) return "prisma";
  if (names.includes("up.sql") && names.includes("down.sql")) return "diesel";
  if (names.includes("atlas.sum")) return "atlas";
  if (files.some((f) => f.includes("/meta/_journal.json")) || folder.startsWith("drizzle")) return "drizzle";
  return "plain";
}

const DIALECT_HINTS: [string, RegExp][] = [
  ["postgresql", /\b(BIGSERIAL|SERIAL|JSONB|TIMESTAMPTZ|CONCURRENTLY|UUID_GENERATE_V4|GEN_RANDOM_UUID)\b|::\w+/i],
  ["mysql", /\bAUTO_INCREMENT\b|\bENGINE\s*=|`\w+`/i],
  ["sqlite", /\bAUTOINCREMENT\b|\bPRAGMA\b/i],
];

const DRIVER_DIALECTS: Record<string, string> = {
  pg: "postgresql",
  postgres: "postgresql",
  "pg-promise": "postgresql",
  mysql: "mysql",
  mysql2: "mysql",
  mariadb: "mariadb",
  sqlite3: "sqlite",
  "better-sqlite3": "sqlite",
};

function detectDialect(root: string, files: readonly string[], packageJson: PackageJson | null): string | null {
  const text = files
    .filter((f) => f.endsWith(".sql"))
    .slice(0, 50)
    .map((f) => readText(root, f))
    .join("\n");
  const scores = DIALECT_HINTS.map(([dialect, hint]) => ({
    dialect,
    score: (text.match(new RegExp(hint.source, "gi")) ?? []).length,
  })).sort((a, b) => b.score - a.score);
  if (scores[0] && scores[0].score > 0) return scores[0].dialect;
  const prisma = readText(root, "prisma/schema.prisma").match(/provider\s*=\s*"(postgresql|mysql|sqlite)"/);
  if (prisma?.[1]) return prisma[1];
  const deps = { ...packageJson?.dependencies, ...packageJson?.devDependencies };
  for (const [driver, dialect] of Object.entries(DRIVER_DIALECTS)) if (driver in deps) return dialect;
  return null;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

function readPackageJson(root: string): PackageJson | null {
  const text = readText(root, "package.json");
  if (!text) return null;
  try {
    return JSON.parse(text) as PackageJson;
  } catch {
    // A broken package.json is the project's lint problem, not a reason to stop init.
    return null;
  }
}

function detectCi(root: string): CiProvider | null {
  const githubDir = join(root, ".github", "workflows");
  if (existsSync(githubDir) && readdirSync(githubDir).some((f) => /\.ya?ml$/.test(f))) return "github-actions";
  if (existsSync(join(root, ".gitlab-ci.yml"))) return "gitlab-ci";
  if (existsSync(join(root, ".circleci", "config.yml"))) return "circleci";
  if (existsSync(join(root, "azure-pipelines.yml"))) return "azure-pipelines";
  if (existsSync(join(root, "bitbucket-pipelines.yml"))) return "bitbucket";
  if (existsSync(join(root, "Jenkinsfile"))) return "jenkins";
  return null;
}

function mainBranchOf(root: string, manifest: string | null): string | null {
  if (!manifest) return null;
  try {
    const data = parseYaml(readText(root, manifest)) as { branching?: { main?: unknown } } | null;
    return typeof data?.branching?.main === "string" ? data.branching.main : null;
  } catch {
    // An invalid manifest is reported by env-ladder/valid-manifest; init just cannot read the branch.
    return null;
  }
}

export function detectRepository(root: string): Detection {
  const files = listFiles(root);
  const packageJson = readPackageJson(root);
  const folder = migrationFolder(files);
  const migrations = folder
    ? {
        path: folder.path,
        files: folder.files.length,
        framework: detectFramework(root, folder.path, folder.files),
        dialect: detectDialect(root, folder.files, packageJson),
      }
    : null;
  const base = (f: string) => f.slice(f.lastIndexOf("/") + 1);
  const envExamples = files.filter((f) => isExampleFileName(f));
  const envFiles = files.filter(
    (f) => !isExampleFileName(f) && (base(f) === ".env" || base(f).startsWith(".env.") || base(f).endsWith(".env")),
  );
  const manifest = ["company.config.yaml", "company.config.yml"].find((name) => files.includes(name)) ?? null;
  const scripts = packageJson?.scripts ?? {};
  return {
    migrations,
    envExamples,
    envFiles,
    manifest,
    mainBranch: mainBranchOf(root, manifest),
    ci: detectCi(root),
    checkScripts: ["test", "lint"].filter((name) => typeof scripts[name] === "string"),
  };
}
