// What a repository holds, as `deploylint init`, `--debug` and `--print-config` report it: the
// migrations (through the migrations pack's detection, the same code the lint runs), example env
// files, committed env files, the ladder manifest, CI providers and deployment platform files.
// Every detection carries its reason: the file, and what was seen there.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ciProviderOf } from "@deploylint/ci-model";
import { isExampleFileName } from "@deploylint/core/rule-api";
import { parseScript } from "@deploylint/core/sources";
import { type Detected, detectMigrations, type MigrationRoot } from "@deploylint/rules-migrations";
import { platformOfPath } from "@deploylint/rules-rollout";
import { parse as parseYaml } from "yaml";

export type { Detected, MigrationRoot };

export type CiProvider =
  | "github-actions"
  | "gitlab-ci"
  | "circleci"
  | "azure-pipelines"
  | "bitbucket-pipelines"
  | "jenkins";

export interface Detection {
  /** Migration folders the lint checks, most files first. */
  migrations: MigrationRoot[];
  /** Migration folders of a dialect the pack leaves alone (ClickHouse, …). */
  uncheckedMigrations: MigrationRoot[];
  /** Documented-variables files (.env.example and its kin). */
  envExamples: string[];
  /** Other env files, which usually should not be committed. */
  envFiles: string[];
  manifest: string | null;
  mainBranch: string | null;
  ci: Detected<CiProvider>[];
  platforms: Detected<string>[];
  /** package.json scripts worth running before a deploy (test, lint). */
  checkScripts: string[];
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", "vendor", "coverage", ".next", "target", ".venv"]);
const MAX_FILES = 50_000;
const MAX_DEPTH = 8;

/** Every file under `root` (relative, `/`-separated), skipping build output and dependencies. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // An unreadable folder hides its files from detection; the lint reports what it cannot read.
      return;
    }
    for (const entry of entries) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), path, depth + 1);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(root, "", 0);
  return files.sort();
}

function reader(root: string): (path: string) => string | null {
  return (path) => {
    try {
      return readFileSync(join(root, path), "utf8");
    } catch {
      // Absent or unreadable: nothing seen, nothing detected from it.
      return null;
    }
  };
}

// CI providers and deployment platforms are told by the functions the packs lint with
// (@deploylint/ci-model for pipelines, the rollout pack for platform files), so what init and --debug
// report is what the lint reads. Jenkins (no pack reads it yet), Docker and Heroku are named here.
const EXTRA_CI: [CiProvider, RegExp][] = [["jenkins", /^Jenkinsfile$/]];

const EXTRA_PLATFORMS: [string, RegExp][] = [
  ["docker", /(?:^|\/)Dockerfile(?:\.[\w.-]+)?$/],
  ["heroku", /^(?:Procfile|app\.json|heroku\.yml)$/],
  ["kubernetes", /(?:^|\/)(?:k8s|kubernetes|manifests)\/[^/]+\.ya?ml$/],
];

/** The first file of each value `classify` gives, in file order: one detection per value. */
function firstOfEach<T extends string>(
  files: readonly string[],
  classify: (path: string) => T | null,
  what: string,
): Detected<T>[] {
  const seen = new Map<T, string>();
  for (const file of files) {
    const value = classify(file);
    if (value !== null && !seen.has(value)) seen.set(value, file);
  }
  return [...seen].map(([value, file]) => ({ value, reason: `${file} (${what})` }));
}

function firstMatches<T extends string>(files: readonly string[], table: [T, RegExp][], what: string): Detected<T>[] {
  return table.flatMap(([value, pattern]) => {
    const file = files.find((f) => pattern.test(f));
    return file === undefined ? [] : [{ value, reason: `${file} (${what})` }];
  });
}

function mainBranchOf(read: (path: string) => string | null, manifest: string | null): string | null {
  if (!manifest) return null;
  try {
    const data = parseYaml(read(manifest) ?? "") as { branching?: { main?: unknown } } | null;
    return typeof data?.branching?.main === "string" ? data.branching.main : null;
  } catch {
    // An invalid manifest is reported by env-ladder/valid-manifest; init just cannot read the branch.
    return null;
  }
}

function checkScripts(read: (path: string) => string | null): string[] {
  try {
    const scripts = (JSON.parse(read("package.json") ?? "{}") as { scripts?: Record<string, unknown> }).scripts ?? {};
    return ["test", "lint"].filter((name) => typeof scripts[name] === "string");
  } catch {
    // A broken package.json is the project's lint problem, not a reason to stop init.
    return [];
  }
}

export function detectRepository(root: string): Detection {
  const files = listFiles(root);
  const read = reader(root);
  const roots = detectMigrations({
    files,
    read,
    parseScript: (text, path) => {
      const parsed = parseScript(text, path);
      return parsed.ok ? parsed.source.program : null;
    },
  });
  const base = (f: string) => f.slice(f.lastIndexOf("/") + 1);
  const envExamples = files.filter((f) => isExampleFileName(f));
  const envFiles = files.filter(
    (f) => !isExampleFileName(f) && (base(f) === ".env" || base(f).startsWith(".env.") || base(f).endsWith(".env")),
  );
  const manifest = ["company.config.yaml", "company.config.yml"].find((name) => files.includes(name)) ?? null;
  return {
    migrations: roots.filter((r) => r.unchecked === null),
    uncheckedMigrations: roots.filter((r) => r.unchecked !== null),
    envExamples,
    envFiles,
    manifest,
    mainBranch: mainBranchOf(read, manifest),
    ci: [
      ...firstOfEach(files, (f) => ciProviderOf(f) ?? null, "CI configuration"),
      ...firstMatches(files, EXTRA_CI, "CI configuration"),
    ],
    platforms: [
      ...firstOfEach(files, platformOfPath, "deployment configuration"),
      ...firstMatches(files, EXTRA_PLATFORMS, "deployment configuration"),
    ],
    checkScripts: checkScripts(read),
  };
}

/** One line per detection, with its reason: what init prints and --debug logs. */
export function describeDetection(detection: Detection): string[] {
  const lines: string[] = [];
  for (const m of detection.migrations) {
    lines.push(
      `migrations: ${m.path} (${m.framework.value}, ${m.dialect?.value ?? "dialect not detected"}, ${m.files} files)`,
    );
    lines.push(`  framework ${m.framework.value}: ${m.framework.reason}`);
    lines.push(`  dialect: ${m.dialect ? m.dialect.reason : "no config, folder name or SQL keyword names one"}`);
    if (m.newestVersion !== null) lines.push(`  newest version: ${m.newestVersion}`);
  }
  if (detection.migrations.length === 0) lines.push("migrations: none found");
  for (const m of detection.uncheckedMigrations) {
    lines.push(`migrations left alone: ${m.path} (${m.unchecked?.value}: ${m.unchecked?.reason})`);
  }
  lines.push(`env example: ${detection.envExamples.join(", ") || "none found"}`);
  lines.push(`env files: ${detection.envFiles.join(", ") || "none"}`);
  lines.push(`manifest: ${detection.manifest ?? "none found"}`);
  lines.push(
    `CI: ${detection.ci.map((c) => `${c.value} (${c.reason.replace(/ \(CI configuration\)$/, "")})`).join(", ") || "none detected"}`,
  );
  lines.push(
    `platforms: ${detection.platforms.map((p) => `${p.value} (${p.reason.replace(/ \(deployment configuration\)$/, "")})`).join(", ") || "none detected"}`,
  );
  return lines;
}
