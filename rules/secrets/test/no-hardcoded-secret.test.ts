// Tests of secrets/no-hardcoded-secret through the real engine: provider credentials in several
// file kinds, documentation examples and placeholders, options, and the test-path downgrade.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../src/index.js";
import { at, lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const stripe = fakeToken("sk_live_", 32, 1);
const github = fakeToken("ghp_", 36, 2);
const akia = fakeToken("AKIA", 16, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
const awsSecret = fakeToken("", 40, 4, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+");
const slack = `xoxb-${fakeToken("", 12, 5, "0123456789")}-${fakeToken("", 12, 6, "0123456789")}-${fakeToken("", 24, 7)}`;
const npm = fakeToken("npm_", 36, 8);

const ts = `const stripeKey = "${stripe}";\n`;
const yaml = `aws:\n  access_key_id: ${akia}\n  secret_access_key: "${awsSecret}"\n`;
const python = `import os\nGITHUB_TOKEN = "${github}"\n`;
const npmrc = `//registry.npmjs.org/:_authToken=${npm}\n`;
const go = `package main\n\nconst slackToken = \`${slack}\`\n`;

const tester = new RuleTester({ pack });

tester.run("no-hardcoded-secret", {
  valid: [
    {
      name: "documentation examples and placeholders",
      filename: "src/safe.ts",
      code: [
        'export const apiKeyPlaceholder = "<your-api-key>";',
        'export const emptyFileMd5 = "d41d8cd98f00b204e9800998ecf8427e";',
        'export const requestId = "123e4567-e89b-12d3-a456-426614174000";',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source code holding a template placeholder.
        'export const tokenTemplate = "${GITHUB_TOKEN}";',
      ].join("\n"),
    },
    {
      name: "npmrc reading the environment",
      filename: ".npmrc",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${VAR} reference written in config, not a JS template.
      code: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
    },
    {
      name: "templates are left to no-real-value-in-example",
      filename: ".env.example",
      code: `STRIPE_SECRET_KEY=${stripe}\n`,
    },
    { name: "an allowed value", filename: "src/a.ts", code: ts, options: { allow: ["^sk_live_"] } },
    { name: "a disabled detector", filename: "src/a.ts", code: ts, options: { disable: ["stripe-live-secret-key"] } },
    {
      name: "off in test paths when configured",
      filename: "test/a.test.ts",
      code: ts,
      options: { testSeverity: "off" },
    },
  ],
  invalid: [
    { name: "TS string", filename: "src/a.ts", code: ts, errors: [{ messageId: "hardcoded", ...at(ts, stripe) }] },
    {
      name: "YAML access key pair",
      filename: "config/aws.yaml",
      code: yaml,
      errors: [
        { messageId: "hardcoded", ...at(yaml, akia) },
        { messageId: "hardcoded", ...at(yaml, awsSecret) },
      ],
    },
    {
      name: "Python",
      filename: "app/settings.py",
      code: python,
      errors: [{ messageId: "hardcoded", ...at(python, github) }],
    },
    { name: ".npmrc", filename: ".npmrc", code: npmrc, errors: [{ messageId: "hardcoded", ...at(npmrc, npm) }] },
    { name: "Go raw string", filename: "main.go", code: go, errors: [{ messageId: "hardcoded", ...at(go, slack) }] },
    {
      name: "message names the provider and masks the value",
      filename: "deploy/staging.env",
      code: `STRIPE_SECRET_KEY=${stripe}\n`,
      errors: [
        {
          messageId: "hardcoded",
          data: { provider: "Stripe", secret: "live secret key", masked: "sk_l****…" },
          line: 1,
          column: 19,
        },
      ],
    },
  ],
});

describe("secrets/no-hardcoded-secret severities", () => {
  it("lowers findings in test fixture paths to warn, and Stripe test keys to warn", async () => {
    const testKey = fakeToken("sk_test_", 32, 9);
    const findings = await lintFiles({
      files: { "test/fixtures/a.ts": ts, "src/b.ts": `const k = "${testKey}";\n`, "src/c.ts": ts },
      rules: { "no-hardcoded-secret": undefined },
    });
    expect(findings.map((f) => [f.file, f.severity])).toEqual([
      ["src/b.ts", "warn"],
      ["src/c.ts", "error"],
      ["test/fixtures/a.ts", "warn"],
    ]);
  });

  it("notes provider-shaped dummies (documented examples, placeholder bodies) at info, never error", async () => {
    const code = [
      'export const docsExampleKey = "AKIAIOSFODNN7EXAMPLE";',
      'const key = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx";',
      `const hf = "hf_${"x".repeat(34)}";`,
      `const real = "${stripe}";`,
    ].join("\n");
    const findings = await lintFiles({ files: { "src/docs.ts": code }, rules: { "no-hardcoded-secret": undefined } });
    expect(findings.map((f) => [f.line, f.severity, f.message.startsWith("This has the shape of the")])).toEqual([
      [1, "info", true],
      [2, "info", true],
      [3, "info", true],
      [4, "error", false],
    ]);
  });

  it("keeps error in test paths with testSeverity error", async () => {
    const findings = await lintFiles({
      files: { "src/a.spec.ts": ts },
      rules: { "no-hardcoded-secret": { testSeverity: "error" } },
    });
    expect(findings.map((f) => f.severity)).toEqual(["error"]);
  });
});
