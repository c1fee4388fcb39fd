// The commands the benchmark races, per group: deploylint's packs against secretlint and squawk on a
// generated repository, start-up against a bare `node`, and a pre-commit `--staged` run.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEPLOYLINT = join(ROOT, "packages", "cli", "bin", "deploylint.js");
export const SECRETLINT = join(ROOT, "node_modules", "secretlint", "bin", "secretlint.js");
export const SQUAWK = join(ROOT, "node_modules", "@squawk-cli", "linux-x64", "bin", "squawk");
export const MIGRATIONS_GLOB = "db/migrations/*.up.sql";

/**
 * @typedef {import("./measure.mjs").Command} Command
 * @typedef {{ id: string, label: string, command: Command, tool: "deploylint" | "secretlint" | "squawk" | "node",
 *   prime?: boolean }} Contestant
 */

function deploylint(cwd, args) {
  return { cmd: process.execPath, args: [DEPLOYLINT, "--format", "json", ...args], cwd };
}

/** @returns {Contestant[]} */
export function scaleContestants({ repo, cacheDir, secretlintrc }) {
  const cache = (name) => ["--cache", "--cache-location", join(cacheDir, name)];
  return [
    {
      id: "dl-secrets",
      tool: "deploylint",
      label: "deploylint --only 'secrets/*'",
      command: deploylint(repo, ["--only", "secrets/*"]),
    },
    {
      id: "secretlint",
      tool: "secretlint",
      label: "secretlint '**/*' (preset-recommend)",
      command: {
        cmd: process.execPath,
        args: [SECRETLINT, "**/*", "--secretlintrc", secretlintrc, "--format", "compact", "--no-color"],
        cwd: repo,
      },
    },
    {
      id: "dl-migrations",
      tool: "deploylint",
      label: "deploylint --only 'migrations/*' (cold)",
      command: deploylint(repo, ["--only", "migrations/*"]),
    },
    {
      id: "dl-migrations-path",
      tool: "deploylint",
      label: "deploylint --only 'migrations/*' db/migrations (cold)",
      command: deploylint(repo, ["--only", "migrations/*", "db/migrations"]),
    },
    {
      id: "dl-migrations-warm",
      tool: "deploylint",
      label: "deploylint --only 'migrations/*' --cache (warm)",
      command: deploylint(repo, ["--only", "migrations/*", ...cache("migrations")]),
      prime: true,
    },
    {
      id: "squawk",
      tool: "squawk",
      label: `squawk '${MIGRATIONS_GLOB}'`,
      command: { cmd: SQUAWK, args: ["--reporter", "json", MIGRATIONS_GLOB], cwd: repo },
    },
    { id: "dl-full", tool: "deploylint", label: "deploylint (all packs, cold)", command: deploylint(repo, []) },
    {
      id: "dl-full-warm",
      tool: "deploylint",
      label: "deploylint --cache (all packs, warm)",
      command: deploylint(repo, cache("full")),
      prime: true,
    },
  ];
}

export const EXAMPLE_SHOP = join(ROOT, "test", "fixtures", "example-shop");

/** @returns {Contestant[]} */
export function startupContestants({ emptyRepo, oneFileRepo }) {
  return [
    {
      id: "node",
      tool: "node",
      label: 'node -e ""',
      command: { cmd: process.execPath, args: ["-e", ""], cwd: emptyRepo },
    },
    {
      id: "dl-version",
      tool: "deploylint",
      label: "deploylint --version",
      command: { cmd: process.execPath, args: [DEPLOYLINT, "--version"], cwd: emptyRepo },
    },
    { id: "dl-empty", tool: "deploylint", label: "deploylint (empty repository)", command: deploylint(emptyRepo, []) },
    {
      id: "dl-one-file",
      tool: "deploylint",
      label: "deploylint (one-file repository)",
      command: deploylint(oneFileRepo, []),
    },
    {
      // Eleven files of every kind (a script, SQL, env files, a manifest): every parser loads.
      id: "dl-example-shop",
      tool: "deploylint",
      label: "deploylint (test/fixtures/example-shop)",
      command: deploylint(EXAMPLE_SHOP, []),
    },
    {
      // The same without the code cache: a fresh install's first run, or an install outside the project.
      id: "dl-example-shop-uncached",
      tool: "deploylint",
      label: "deploylint (test/fixtures/example-shop, no code cache)",
      command: { ...deploylint(EXAMPLE_SHOP, []), env: { [CODE_CACHE_ENV]: "off" } },
    },
    ...withoutExtraCaCerts(emptyRepo),
  ];
}

/**
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse that certificate file before any
 * script runs (~80 ms on this VM, whose environment sets it: `node -e ""` 0.12 s with it, 0.04 s
 * without). Every tool in the bench pays it alike, so ratios stand; absolute start-up times do
 * not describe a machine without it, so when it is set the bench also times Node and the example
 * shop with it unset.
 * @returns {Contestant[]}
 */
function withoutExtraCaCerts(emptyRepo) {
  if (!process.env[EXTRA_CA_CERTS]) return [];
  const unsetEnv = [EXTRA_CA_CERTS];
  return [
    {
      id: "node-no-extra-ca",
      tool: "node",
      label: `node -e "" (${EXTRA_CA_CERTS} unset)`,
      command: { cmd: process.execPath, args: ["-e", ""], cwd: emptyRepo, unsetEnv },
    },
    {
      id: "dl-example-shop-no-extra-ca",
      tool: "deploylint",
      label: `deploylint (test/fixtures/example-shop, ${EXTRA_CA_CERTS} unset)`,
      command: { ...deploylint(EXAMPLE_SHOP, []), unsetEnv },
    },
  ];
}

export const EXTRA_CA_CERTS = "NODE_EXTRA_CA_CERTS";

/** @returns {Contestant[]} */
export function stagedContestants({ repo }) {
  return [
    { id: "dl-staged", tool: "deploylint", label: "deploylint --staged", command: deploylint(repo, ["--staged"]) },
  ];
}

/**
 * deploylint run as from an install inside the project (a devDependency: `npx deploylint` in the
 * repository), where its V8 code cache lives in the project's node_modules/.cache and every run after
 * the first compiles the CLI from cached bytecode (packages/core/src/load/code-cache.ts). The bench
 * runs deploylint from this checkout, outside the corpus, where it would not cache at all, so the
 * cache folder is named here: one per corpus, primed by that corpus's first deploylint run, as the
 * project's own first run would. Whoever wants the first run of a fresh install measures
 * DEPLOYLINT_CODE_CACHE=off (the start-up table has one such row).
 * @param {Contestant[]} contestants
 * @param {string} codeCacheDir
 * @returns {Contestant[]}
 */
export function asProjectInstall(contestants, codeCacheDir) {
  let primed = false;
  return contestants.map((contestant) => {
    if (contestant.tool !== "deploylint" || contestant.command.env?.[CODE_CACHE_ENV] !== undefined) return contestant;
    const command = { ...contestant.command, env: { ...contestant.command.env, [CODE_CACHE_ENV]: codeCacheDir } };
    const prime = contestant.prime === true || !primed;
    primed = true;
    return { ...contestant, command, prime };
  });
}

export const CODE_CACHE_ENV = "DEPLOYLINT_CODE_CACHE";

/** A shell-like rendering of a command for the report. */
export function describeCommand(command) {
  const parts = [command.cmd, ...command.args].map((part) =>
    part
      .replace(ROOT, ".")
      .replace(process.execPath, "node")
      .replace(/^(.*[*' ].*)$/, "'$1'"),
  );
  return parts.join(" ");
}
