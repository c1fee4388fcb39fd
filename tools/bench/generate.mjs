// Deterministic generator of a realistic monorepo for the benchmark: TypeScript services reading
// env vars, YAML/JSON config, env files, CI workflows, a ladder manifest, planted fake secrets, and
// a PostgreSQL migration history (golang-migrate up/down pairs). Same seed and scale, same bytes.
//
//   node tools/bench/generate.mjs --scale small|medium|large [--dir /tmp/deploylint-bench/<scale>] [--seed N]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { migrationHistory } from "./migrations.mjs";
import { createRandom } from "./random.mjs";
import { serviceFiles } from "./services.mjs";

/** Target sizes: total files (approximate) and migration count (exact). */
export const SCALES = {
  tiny: { files: 80, migrations: 12 },
  small: { files: 1_000, migrations: 100 },
  medium: { files: 10_000, migrations: 1_000 },
  large: { files: 100_000, migrations: 5_000 },
};

export const DEFAULT_SEED = 20_240_901;
export const ENVIRONMENTS = ["local", "staging", "production"];

// Files per service besides its source files (package.json, tsconfig, README, Dockerfile, .env.example,
// three config files, two deploy env files, one workflow): used to size the service count.
const SERVICE_OVERHEAD = 12;
const SOURCES_PER_SERVICE = 110;

/**
 * The repository as an ordered map of path -> content, computed without touching the disk.
 * @param {{ scale: keyof typeof SCALES | { files: number, migrations: number }, seed?: number }} options
 * @returns {Map<string, string>}
 */
export function generateTree(options) {
  const spec = typeof options.scale === "string" ? SCALES[options.scale] : options.scale;
  if (!spec) throw new Error(`Unknown scale ${String(options.scale)}: use ${Object.keys(SCALES).join(", ")}.`);
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const files = new Map();
  const migrations = migrationHistory({ random, count: spec.migrations });
  for (const [path, text] of migrations) files.set(path, text);

  const budget = Math.max(spec.files - files.size - 12, SERVICE_OVERHEAD + 4);
  const serviceCount = Math.max(2, Math.round(budget / (SERVICE_OVERHEAD + SOURCES_PER_SERVICE)));
  const sourcesPerService = Math.max(4, Math.floor(budget / serviceCount) - SERVICE_OVERHEAD);
  const services = serviceNames(random, serviceCount);
  const plants = plantPlan({ random, services, count: 3 + Math.ceil(serviceCount / 10) });
  for (const [index, name] of services.entries()) {
    const serviceFilesMap = serviceFiles({ random, name, index, sources: sourcesPerService, plants });
    for (const [path, text] of serviceFilesMap) files.set(path, text);
  }
  for (const [path, text] of rootFiles({ random, services })) files.set(path, text);
  return files;
}

/** A digest of the whole tree (paths and contents, in sorted order): equal trees, equal digests. */
export function treeDigest(files) {
  const hash = createHash("sha256");
  for (const path of [...files.keys()].sort()) hash.update(path).update("\0").update(files.get(path)).update("\0");
  return hash.digest("hex");
}

/**
 * Writes the tree into `dir` (emptied first), git-initialised with one commit at a fixed date.
 * @param {{ dir: string, scale: keyof typeof SCALES | { files: number, migrations: number }, seed?: number, git?: boolean }} options
 */
export function writeRepository(options) {
  const files = generateTree(options);
  rmSync(options.dir, { recursive: true, force: true });
  const made = new Set();
  for (const [path, text] of files) {
    const full = join(options.dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
  }
  if (options.git !== false) commitAll(options.dir);
  return { files: files.size, digest: treeDigest(files) };
}

function commitAll(dir) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Bench",
    GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "Bench",
    GIT_COMMITTER_EMAIL: "bench@example.com",
    GIT_AUTHOR_DATE: "2024-09-01T12:00:00Z",
    GIT_COMMITTER_DATE: "2024-09-01T12:00:00Z",
  };
  const git = (...args) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  git("init", "-q", "-b", "main");
  git("config", "commit.gpgsign", "false");
  // No `git gc --auto` in the background after the commit: it would run beside the timed runs.
  git("config", "gc.auto", "0");
  git("config", "maintenance.auto", "false");
  git("add", "-A");
  git("commit", "-q", "-m", "Generated benchmark repository");
}

const SERVICE_STEMS = [
  "billing",
  "checkout",
  "catalog",
  "identity",
  "inventory",
  "notifications",
  "orders",
  "payments",
  "pricing",
  "search",
  "shipping",
  "reporting",
  "gateway",
  "accounts",
  "ledger",
  "reviews",
  "media",
  "audit",
  "scheduler",
  "webhooks",
];

function serviceNames(random, count) {
  const names = [];
  for (let i = 0; i < count; i++) {
    const stem = SERVICE_STEMS[i % SERVICE_STEMS.length];
    const round = Math.floor(i / SERVICE_STEMS.length);
    names.push(
      round === 0 ? stem : `${stem}-${random.pick(["core", "api", "worker", "sync", "admin", "edge"])}${round}`,
    );
  }
  return names;
}

/** Which services get which planted secret, decided up front so the plants are few and spread out. */
function plantPlan({ random, services, count }) {
  const kinds = ["stripe", "aws", "pem", "github", "dburl"];
  const plan = new Map();
  for (let i = 0; i < count; i++) {
    const service = services[random.int(0, services.length - 1)];
    const list = plan.get(service) ?? [];
    list.push(kinds[i % kinds.length]);
    plan.set(service, list);
  }
  return plan;
}

function rootFiles({ random, services }) {
  const files = new Map();
  files.set(
    "package.json",
    `${JSON.stringify(
      {
        name: "bench-monorepo",
        private: true,
        workspaces: ["services/*"],
        scripts: {
          build: "tsc -b",
          test: "vitest run",
          migrate: "migrate -path db/migrations -database $DATABASE_URL up",
        },
      },
      null,
      2,
    )}\n`,
  );
  files.set(
    "tsconfig.json",
    `${JSON.stringify({ files: [], references: services.map((name) => ({ path: `services/${name}` })) }, null, 2)}\n`,
  );
  files.set(".gitignore", "node_modules/\ndist/\n.env\n.env.local\n.secretlintrc.json\n");
  files.set(
    "README.md",
    `# Bench monorepo\n\n${services.length} services, one PostgreSQL database, migrations in db/migrations.\n`,
  );
  files.set(
    "deploylint.config.yaml",
    [
      "extends: [recommended]",
      "settings:",
      "  migrations:",
      "    paths: [db/migrations]",
      "    dialect: postgresql",
      "    framework: golang-migrate",
      "  ladder:",
      "    manifest: company.config.yaml",
      "",
    ].join("\n"),
  );
  files.set("company.config.yaml", ladderManifest(random));
  files.set(".env.example", rootExample());
  for (const env of ["staging", "production"]) files.set(`deploy/${env}.env`, rootEnvFile(random, env));
  files.set(".github/workflows/ci.yml", ciWorkflow(services));
  files.set(".github/workflows/migrate.yml", migrateWorkflow());
  return files;
}

function ladderManifest(random) {
  const region = random.pick(["eu-west-1", "us-east-1", "eu-central-1"]);
  return `company:
  name: Bench Corp
hosting:
  provider: aws
  region: ${region}
ci:
  provider: github-actions
branching:
  main: main
architecture:
  deployment_model: containers
environments:
  local:
    purpose: Developer machine with hot reload
    database: { engine: postgres }
    data: seed
    monitoring: { logging: console }
    access: [developers]
    log_level: debug
  staging:
    purpose: Pre-release validation against anonymised data
    database: { engine: postgres, backups: true }
    data: anonymized
    monitoring: { logging: full, alerts: "#bench-staging" }
    access: [developers, qa]
    log_level: info
    env_files: [deploy/staging.env]
  production:
    purpose: Live customers and real data
    database: { engine: postgres, backups: true, replication: true }
    data: real
    monitoring: { logging: full, alerts: "#bench-prod", on_call: pagerduty }
    access: [ci]
    deploy: ci-only
    log_level: warn
    env_files: [deploy/production.env]
`;
}

function rootExample() {
  return `# Postgres connection string shared by every service.
# @required @type=url @example=postgres://localhost:5432/bench
DATABASE_URL=postgres://localhost:5432/bench

# Minimum log level: debug, info, warn or error.
# @optional @default=info
LOG_LEVEL=info

# Error tracking DSN; empty disables reporting.
# @optional @example=https://public@sentry.example.com/1
SENTRY_DSN=

# Deployment environment name: local, staging or production.
# @required
APP_ENV=local
`;
}

function rootEnvFile(random, env) {
  const level = env === "production" ? "warn" : "info";
  const host = env === "production" ? "sentry.example.com" : `sentry-${env}.example.com`;
  return `APP_ENV=${env}\nLOG_LEVEL=${level}\nSENTRY_DSN=https://public@${host}/${random.int(2, 90)}\n`;
}

function ciWorkflow(services) {
  const matrix = services.slice(0, 40).join(", ");
  return `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        service: [${matrix}]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npm test --workspace services/\${{ matrix.service }}
`;
}

function migrateWorkflow() {
  return `name: migrate
on:
  workflow_dispatch:
    inputs:
      environment:
        required: true
        type: choice
        options: [staging, production]
jobs:
  migrate:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    env:
      DATABASE_URL: \${{ secrets.DATABASE_URL }}
    steps:
      - uses: actions/checkout@v4
      - run: migrate -path db/migrations -database "$DATABASE_URL" up
`;
}

function main() {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "small" }, dir: { type: "string" }, seed: { type: "string" } },
  });
  const scale = values.scale;
  const dir = values.dir ?? join("/tmp/deploylint-bench", scale);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const started = performance.now();
  const result = writeRepository({ dir, scale, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${scale}: ${result.files} files in ${dir} (${seconds} s), digest ${result.digest.slice(0, 16)}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
