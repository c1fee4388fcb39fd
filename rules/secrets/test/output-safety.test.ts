// Output safety: the json and stylish reporters, run over a corpus of fake secrets found by every
// rule of the pack, never print a value (nor any 8-character piece of one) in any output byte.
import { json, stylish } from "@deploylint/reporters";
import { describe, expect, it } from "vitest";
import { catalogue } from "../src/detectors/catalogue/index.js";
import pack from "../src/index.js";
import { lintResult } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";
import { fakeJwt, sampleFor } from "./helpers/samples.js";

const password = fakeToken("", 20, 41, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*-_");
const shared = fakeToken("", 64, 42, "0123456789abcdef");
const urlPassword = fakeToken("", 16, 43);
const mailgun = fakeToken("key-", 32, 44, "0123456789abcdef");
const stripe = fakeToken("sk_live_", 40, 45);
const jwt = fakeJwt({ sub: "deploy", role: "service_role" }, 46);
const github = fakeToken("ghp_", 36, 47);
const connectionPassword = `${fakeToken("", 16, 48)}!`;
const pickDetectors = [
  "aws-access-key-id",
  "slack-bot-token",
  "openai-api-key",
  "sendgrid-api-key",
  "npm-access-token",
];
const generated = pickDetectors.map((id) => {
  const detector = catalogue.find((d) => d.id === id);
  if (!detector) throw new Error(id);
  return sampleFor(detector);
});

const secrets = [password, shared, urlPassword, mailgun, stripe, jwt, github, connectionPassword, ...generated];

const files: Record<string, string> = {
  "src/config.ts": `export const dbPassword = "${password}";\nexport const key = "${stripe}";\nexport const t = process.env.NEXT_PUBLIC_API_SECRET;\n`,
  "src/tokens.ts": generated.map((line, i) => `export const t${i} = ${JSON.stringify(line)};`).join("\n"),
  "appsettings.json": `{ "ConnectionStrings": { "Default": "Server=sql;Database=shop;User Id=shop;Password=${connectionPassword};" } }\n`,
  "src/db.ts": `export const url = "postgres://app:${urlPassword}@db.internal/app";\n`,
  // A Next.js app: its .env.production is judged as committed defaults, whose finding names variables.
  "next.config.js": "module.exports = {};\n",
  ".env.production": `SESSION_SECRET=${shared}\nJWT=${jwt}\n`,
  "deploy/staging.env": `SESSION_SECRET=${shared}\n`,
  ".env.example": `MAILGUN_API_KEY=${mailgun}\n`,
  ".github/workflows/deploy.yml": `jobs:\n  deploy:\n    env:\n      DB_PASSWORD: "${password}"\n      GH: ${github}\n`,
};

/** Every 8-character window of a value: a leak of part of a secret is a leak too. */
function windows(value: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i + 8 <= value.length; i++) parts.push(value.slice(i, i + 8));
  return parts;
}

describe("secrets output safety", async () => {
  const result = await lintResult({ files });
  const context = {
    cwd: "/virtual",
    color: false,
    rules: Object.fromEntries(pack.rules.map((r) => [`secrets/${r.id}`, { description: r.meta.description }])),
  };

  it("finds every secret of the corpus", () => {
    const rules = new Set(result.findings.map((f) => f.ruleId));
    for (const rule of pack.rules.filter((r) => r.id !== "no-private-key"))
      expect(rules, rule.id).toContain(`secrets/${rule.id}`);
    expect(result.findings.length).toBeGreaterThanOrEqual(secrets.length);
  });

  it("reports the connection string and the Next.js defaults file, whose values the next tests look for", () => {
    const found = result.findings.map((f) => `${f.file} ${f.ruleId}`);
    expect(found).toContain("appsettings.json secrets/no-hardcoded-secret");
    expect(found).toContain(".env.production secrets/no-committed-dotenv");
  });

  it.each([
    ["json", () => json(result, context)],
    ["stylish", () => stylish(result, context)],
    ["stylish in colour", () => stylish(result, { ...context, color: true })],
  ])("the %s reporter prints no part of any value", (_name, render) => {
    const output = render();
    expect(output.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      const leaked = windows(secret).filter((w) => output.includes(w));
      expect(leaked, `part of a secret in the output`).toEqual([]);
    }
  });

  it("fingerprints are hashes, not values", () => {
    for (const finding of result.findings) {
      for (const secret of secrets) expect(finding.fingerprint.includes(secret.slice(0, 8))).toBe(false);
    }
  });
});
