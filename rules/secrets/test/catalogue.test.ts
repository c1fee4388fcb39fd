// The no-hardcoded-secret catalogue as data: well-formed entries, a positive for every detector
// in several syntaxes, its documented examples allowed, and look-alikes (hashes, UUIDs,
// placeholders) that no detector reports.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { catalogue } from "../src/detectors/catalogue/index.js";
import { catalogueScanner, realMatches } from "../src/detectors/scan.js";
import { isPlaceholder } from "../src/shared/placeholders.js";
import { fakeToken } from "./helpers/sample.js";
import { fakeJwt, fileFor, sampleFor } from "./helpers/samples.js";

const scanner = catalogueScanner();

/** The same credential line in the syntaxes secrets are committed in. */
function syntaxes(line: string): Record<string, string> {
  const escaped = line.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return {
    "plain text": `${line}\n`,
    "TS string": `export const value = "${escaped}";\n`,
    "template literal": `const value = \`${line.replace(/`/g, "\\`")}\`;\n`,
    YAML: `config:\n  value: "${escaped}"\n`,
    JSON: `{\n  "value": "${escaped}"\n}\n`,
    dotenv: `VALUE=${line}\n`,
    "shell export": line.includes("'") ? `export VALUE="${escaped}"\n` : `export VALUE='${line}'\n`,
    Python: `VALUE = "${escaped}"\n`,
    Go: `value := "${escaped}"\n`,
  };
}

describe("catalogue", () => {
  it("holds at least 150 detectors with unique kebab-case ids", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(150);
    const ids = catalogue.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("gives every detector a provider, a source URL, lower-case keywords and a valid pattern", () => {
    for (const d of catalogue) {
      expect(d.provider.length, d.id).toBeGreaterThan(0);
      expect(d.source, d.id).toMatch(/^https:\/\/\S+$/);
      expect(d.keywords.length, d.id).toBeGreaterThan(0);
      for (const keyword of d.keywords) expect(keyword, d.id).toBe(keyword.toLowerCase());
      expect(() => new RegExp(d.pattern, `${d.flags ?? ""}gd`), d.id).not.toThrow();
    }
  });

  it("covers the providers the issue names", () => {
    const providers = new Set(catalogue.map((d) => d.provider.toLowerCase()));
    const text = [...providers].join(" | ");
    for (const name of [
      "aws",
      "google cloud",
      "azure",
      "github",
      "gitlab",
      "bitbucket",
      "npm",
      "pypi",
      "docker hub",
      "slack",
      "discord",
      "telegram",
      "twilio",
      "sendgrid",
      "mailgun",
      "mailchimp",
      "postmark",
      "stripe",
      "paypal",
      "square",
      "shopify",
      "openai",
      "anthropic",
      "hugging face",
      "cohere",
      "datadog",
      "new relic",
      "sentry",
      "heroku",
      "digitalocean",
      "vercel",
      "netlify",
      "cloudflare",
      "fly.io",
      "supabase",
      "firebase",
      "algolia",
      "okta",
      "auth0",
      "vault",
      "terraform",
      "doppler",
      "1password",
      "atlassian",
      "linear",
      "notion",
      "airtable",
      "databricks",
      "snowflake",
      "json web token",
    ]) {
      expect(text, name).toContain(name);
    }
  });
});

describe.each(catalogue.map((d) => [d.id, d] as const))("detector %s", (id, detector) => {
  const line = sampleFor(detector);
  const file = fileFor(detector);

  it("finds its format in every syntax", () => {
    const cases = detector.paths ? { "credential file": `${line}\n` } : syntaxes(line);
    for (const [syntax, text] of Object.entries(cases)) {
      const found = scanner.scan(text, { path: file }).map((m) => m.detector.id);
      expect(found, `${syntax}: ${text}`).toContain(id);
    }
  });

  it("marks its documented examples as dummies, never as credentials", () => {
    const match = scanner.scan(line, { path: file }).find((m) => m.detector.id === id);
    expect(match).toBeDefined();
    expect(match?.dummy).toBeUndefined();
    for (const example of detector.examples ?? []) {
      // The sample with its credential swapped for the documented example, in the same context.
      const text = match ? `${line.slice(0, match.start)}${example}${line.slice(match.end)}` : example;
      const found = realMatches(scanner.scan(`${text}\n${example}\n`, { path: file })).map((m) => m.detector.id);
      expect(found, text).not.toContain(id);
    }
  });
});

function fail(): never {
  throw new Error("The catalogue has no Stripe detector.");
}

describe("look-alikes", () => {
  const hex = (algorithm: string, input: string) => createHash(algorithm).update(input).digest("hex");
  const negatives = [
    `md5 = "${hex("md5", "")}"`,
    `checksum: ${hex("sha1", "release")}`,
    `sha256=${hex("sha256", "v1.2.3")}`,
    `"integrity": "sha512-${createHash("sha512").update("pkg").digest("base64")}"`,
    'requestId: "123e4567-e89b-12d3-a456-426614174000"',
    "const id = crypto.randomUUID(); // 9b2f0c1e-3d4a-4b5c-8d6e-7f8091a2b3c4",
    "GITHUB_TOKEN=ghp_your_token_here_0000000000000000000",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a reference written in config, not a JS template.
    "token: ${GITHUB_TOKEN}",
    "SLACK_BOT_TOKEN=xoxb-<your-bot-token>",
    "OPENAI_API_KEY=sk-...",
    "git commit -m 'Bump version'  # 0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6",
    "url: https://example.com/assets/app.5f3c2a1b.js",
    `SUPABASE_ANON_KEY=${fakeJwt({ role: "anon", iss: "supabase" })}`,
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.",
  ];

  it.each(negatives)("reports nothing in %s", (line) => {
    expect(scanner.scan(`${line}\n`, { path: "src/config.ts" }).map((m) => m.detector.id)).toEqual([]);
  });

  // The provider's shape around a made-up body: kept as a dummy (no-hardcoded-secret notes it at
  // info) so a fixture stays visible, never as a credential.
  const dummies: [string, string][] = [
    ["AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "aws-access-key-id"],
    ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key"],
    ["STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "stripe-live-secret-key"],
    [`HF_TOKEN=hf_${"x".repeat(34)}`, "huggingface-access-token"],
    [`token: ghp_${"A".repeat(36)}`, "github-pat"],
    [
      `jwt.io example: ${"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"}`,
      "jwt",
    ],
  ];

  it.each(dummies)("keeps %s as a dummy of its detector", (line, id) => {
    const found = scanner.scan(`${line}\n`, { path: "src/config.ts" });
    expect(found.map((m) => [m.detector.id, m.dummy])).toEqual([[id, true]]);
  });

  it("keeps a real key whose encoding has a long run of one character (base64 of DER)", () => {
    // A run of A's inside a long base64 body is how DER encodes zero bytes, not a placeholder.
    const body = `MIIEvAIBADANBgkqhkiG9w0BAQEFAAAAAAAAASCBKYwggSiAgEAAoIBAQC${fakeToken("", 40, 21)}`;
    expect(isPlaceholder(body)).toBe(false);
    expect(isPlaceholder(`hf_${"x".repeat(34)}`)).toBe(true);
  });

  it("names each credential once, by the most specific detector", () => {
    const line = sampleFor(catalogue.find((d) => d.id === "stripe-live-secret-key") ?? catalogue[0] ?? fail());
    const found = scanner.scan(`STRIPE_SECRET_KEY=${line}\n`, { path: ".env" });
    expect(found.map((m) => m.detector.id)).toEqual(["stripe-live-secret-key"]);
  });
});
