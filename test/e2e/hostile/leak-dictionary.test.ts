// Never leak: given every report format, the baseline and the cache directory, and a dictionary
// that holds the password, an attacker can neither read the password nor confirm it by hashing
// the dictionary the ways a fingerprint, a fact or a cache key could be derived from it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { git, runCli, runJson, tempRepo } from "../../support/cli.js";

const PASSWORD = "Zx9qT4mW2vB7kLp3";
const DICTIONARY = ["password", "hunter2", "letmein", "correcthorsebatterystaple", PASSWORD, "Tr0ub4dor&3", "s3cr3t!"];
const FORMATS = ["json", "sarif", "gitlab", "junit", "markdown", "github", "stylish"];
// The public salt today's hashSecret uses for shared-credential facts: a dictionary knows it too.
const PUBLIC_SALT = "deploylint/secrets/shared-credentials/v1";

/** The repository's files with `word` where the password is: what an attacker guesses at. */
function filesWith(word: string): Record<string, string> {
  return {
    ".env.production": `DATABASE_URL=postgres://app:${word}@db.internal:5432/app\nSESSION_SECRET=${word}\nLOG_LEVEL=warn\n`,
    ".env.staging": `DATABASE_URL=postgres://app:${word}@db-staging.internal:5432/app\nSESSION_SECRET=${word}\nLOG_LEVEL=info\n`,
    ".env.example": `# @required @sensitive\nSESSION_SECRET=${word}\n`,
    "config.ts": `export const config = { password: "${word}" };\n`,
    "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
    "db/migrations/000001_reset.up.sql": `UPDATE users SET password_hash = crypt('${word}', 'bf');\n`,
    "db/migrations/000001_reset.down.sql": "SELECT 1;\n",
    "company.config.yaml": [
      "company:",
      "  name: Shop",
      "environments:",
      "  local: { purpose: dev, database: { engine: postgres }, data: seed, log_level: debug }",
      "  staging:",
      "    purpose: Pre-release",
      "    database: { engine: postgres }",
      "    data: anonymized",
      `    log_level: ${word}`,
      "  production:",
      "    purpose: Live",
      "    url: https://shop.example.com",
      "    database: { engine: postgres }",
      "    data: real",
      "    deploy: ci-only",
      `    log_level: "${word}"`,
      "",
    ].join("\n"),
    ".github/workflows/deploy.yml": [
      "name: deploy",
      "on: { push: { branches: [main] } }",
      "jobs:",
      "  deploy-production:",
      "    runs-on: ubuntu-latest",
      "    environment: production",
      "    env:",
      `      DB_PASSWORD: ${word}`,
      "    steps:",
      "      - run: ./deploy.sh",
      "",
    ].join("\n"),
  };
}

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");
const sha256 = (text: string) => hex("sha256", text);
const gitBlob = (text: string) => hex("sha1", `blob ${Buffer.byteLength(text)}\0${text}`);
// The engine's span hash and fingerprint, as its source publishes them.
const hashText = (text: string) => sha256(text).slice(0, 32);
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** Texts a fingerprint, fact or key could hash: the word, its quoted forms, its lines and values, whole files. */
function candidateTexts(word: string): string[] {
  const texts = new Set([word, `"${word}"`, `'${word}'`, `app:${word}`]);
  for (const content of Object.values(filesWith(word))) {
    texts.add(content);
    for (const line of content.split("\n")) {
      if (!line.includes(word)) continue;
      texts.add(line);
      texts.add(line.trim());
      // A statement's span stops before its terminator.
      texts.add(line.trim().replace(/[;,]$/, ""));
      const value = /[=:]\s*(.*)$/.exec(line)?.[1];
      if (value) texts.add(value.trim());
      const url = /[a-z]+:\/\/\S+/.exec(line)?.[0];
      if (url) texts.add(url);
    }
  }
  return [...texts];
}

/** Every hash a fast, unkeyed derivation of the word gives (hex, whole). */
function derivedHashes(word: string): string[] {
  const hashes: string[] = [];
  for (const text of candidateTexts(word)) {
    for (const algorithm of ["sha256", "sha1", "md5", "sha512"]) hashes.push(hex(algorithm, text));
    hashes.push(gitBlob(text), sha256(`${PUBLIC_SALT}\0${text}`));
  }
  return hashes;
}

/** The fingerprints (and GitLab's) a finding would get if its span or fingerprint text derived from the word. */
function derivedFingerprints(word: string, findings: { ruleId: string; file: string }[]): string[] {
  const spans = new Set<string>();
  for (const text of candidateTexts(word)) spans.add(text);
  for (const hash of derivedHashes(word)) for (const length of [16, 32, 40, 64]) spans.add(hash.slice(0, length));
  const out: string[] = [];
  for (const { ruleId, file } of findings) {
    for (const span of spans) {
      for (let occurrence = 0; occurrence < 3; occurrence++) {
        const fingerprint = hashText(`${ruleId}\0${file}\0${hashText(normalise(span))}\0${occurrence}`);
        out.push(fingerprint, sha256(`${ruleId}\0${file}\0${fingerprint}`));
      }
    }
  }
  return out;
}

/** Every hex run of 16 or more characters in the texts, with the prefixes a truncated hash would be. */
function hexTokens(texts: string[]): Set<string> {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/[0-9a-fA-F]{16,}/g)) {
      const token = match[0].toLowerCase();
      for (const length of [16, 32, 40, 64]) if (token.length >= length) tokens.add(token.slice(0, length));
      tokens.add(token);
    }
  }
  return tokens;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("a password in the repository cannot be read or confirmed from deploylint's output", {
  timeout: 180_000,
}, () => {
  const dir = tempRepo(filesWith(PASSWORD));
  made.push(dir);
  git(dir, "init", "-q");
  const { report } = runJson([], { cwd: dir });
  const outputs = new Map<string, string>();
  for (const format of FORMATS) {
    const run = runCli(["--format", format], { cwd: dir });
    outputs.set(`--format ${format}`, `${run.stdout}\n${run.stderr}`);
  }
  // Twice with the cache (a miss, then a hit), and once on worker threads, which hash facts too.
  const cacheDir = join(dir, ".cache");
  runCli(["--cache-location", ".cache"], { cwd: dir });
  const cachedRun = runJson(["--cache-location", ".cache"], { cwd: dir });
  const pooledRun = runJson(["--cache-location", ".cache-pool", "--workers", "2"], { cwd: dir });
  const baselineRun = runCli(["--update-baseline"], { cwd: dir });
  outputs.set("deploylint-baseline.json", readFileSync(join(dir, "deploylint-baseline.json"), "utf8"));
  const cacheFiles = [...filesUnder(cacheDir), ...filesUnder(join(dir, ".cache-pool"))];
  // The key beside the cache is what keys its hashes; it is read only by deploylint (mode 0600).
  const keyFiles = cacheFiles.filter((file) => file.endsWith(".key"));
  for (const file of cacheFiles.filter((f) => !keyFiles.includes(f)))
    outputs.set(file.slice(dir.length + 1), readFileSync(file, "utf8"));

  it("finds the secrets it is about to judge (the fixture exercises the secret rules and facts)", () => {
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const rule of [
      "secrets/no-generic-secret",
      "secrets/no-credentials-in-url",
      "secrets/no-inline-secret-in-ci",
      "secrets/no-real-value-in-example",
      "secrets/no-shared-credentials-across-environments",
      "env-ladder/log-level-ladder",
      "migrations/no-unbatched-backfill",
    ])
      expect(rules).toContain(rule);
    expect(baselineRun.status).toBe(0);
    expect(cacheFiles.length).toBeGreaterThan(0);
    // The cached and pooled runs compare the keyed hashes alike: same findings, same fingerprints.
    expect(cachedRun.report.findings).toEqual(report.findings);
    expect(pooledRun.report.findings).toEqual(report.findings);
  });

  it("never shows the raw password in any report format, the baseline or the cache", () => {
    const leaked = [...outputs].filter(([, text]) => text.includes(PASSWORD)).map(([name]) => name);
    expect(leaked).toEqual([]);
  });

  it("publishes no hash, fingerprint or cache key a dictionary attack confirms", () => {
    const derived = new Map(
      DICTIONARY.map((word) => [word, [...derivedHashes(word), ...derivedFingerprints(word, report.findings)]]),
    );
    const confirmed: string[] = [];
    for (const [name, text] of outputs) {
      const tokens = hexTokens([text]);
      for (const [word, hashes] of derived)
        if (hashes.some((hash) => [16, 32, 40, 64].some((length) => tokens.has(hash.slice(0, length)))))
          confirmed.push(`${word} from ${name}`);
    }
    expect(hexTokens([...outputs.values()]).size).toBeGreaterThan(0);
    expect(confirmed).toEqual([]);
  });

  it("keeps the cache's hashing key beside the cache, readable by its owner only", () => {
    expect(keyFiles.length).toBe(2);
    for (const file of keyFiles) {
      expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
      if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });
});
