// Tests of secrets/no-real-value-in-example: provider credentials and random values in dotenv
// templates, and the placeholders templates are meant to hold.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { at } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const mailgun = fakeToken("key-", 32, 21, "0123456789abcdef");
const sessionSecret = fakeToken("", 64, 22, "0123456789abcdef");
const unnamed = fakeToken("", 40, 23, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

const provider = `# Transactional e-mail API key.\nMAILGUN_API_KEY=${mailgun}\n`;
const named = `SESSION_SECRET=${sessionSecret}\n`;
const random = `SOME_SETTING=${unnamed}\n`;

const tester = new RuleTester({ pack });

tester.run("no-real-value-in-example", {
  valid: [
    {
      name: "placeholders",
      filename: ".env.example",
      code: [
        "DATABASE_URL=postgres://localhost:5432/acme",
        "STRIPE_SECRET_KEY=sk_test_replace_me",
        "SESSION_SECRET=change-me",
        "SESSION_SECRET_2=replace-with-32-random-bytes",
        "API_TOKEN=<your-token>",
        "LOG_LEVEL=info",
        "SENTRY_DSN=",
        "PORT=3000",
      ].join("\n"),
    },
    { name: "not a template", filename: ".env", code: named },
  ],
  invalid: [
    {
      name: "a Mailgun key",
      filename: ".env.example",
      code: provider,
      errors: [
        {
          messageId: "providerValue",
          data: { key: "MAILGUN_API_KEY", provider: "Mailgun", secret: "private API key", masked: "key-****…" },
          ...at(provider, mailgun),
        },
      ],
    },
    {
      name: "a random secret",
      filename: ".env.sample",
      code: named,
      errors: [{ messageId: "randomValue", ...at(named, sessionSecret) }],
    },
    {
      // The example names are shared with env-docs: a bare env.sample is a template here too.
      name: "a random secret in a bare env.sample",
      filename: "podman/env.sample",
      code: named,
      errors: [{ messageId: "randomValue", ...at(named, sessionSecret) }],
    },
    {
      name: "a random unnamed value",
      filename: "config/.env.template",
      code: random,
      errors: [{ messageId: "randomValue", ...at(random, unnamed) }],
    },
  ],
});
