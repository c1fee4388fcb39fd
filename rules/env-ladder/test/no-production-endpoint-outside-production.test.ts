// Tests for env-ladder/no-production-endpoint-outside-production. Key-shaped strings are built
// from parts so that this file does not itself look like it holds a credential.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });
const live = (kind: string) => `${kind}_${"live"}_51HqLyjWDarjtT1zdp7dcXyz0123456789`;
const test = (kind: string) => `${kind}_${"test"}_51HqLyjWDarjtT1zdp7dcXyz0123456789`;

tester.run("no-production-endpoint-outside-production", {
  valid: [
    {
      name: "test keys in staging, live keys in production",
      files: {
        "company.config.yaml": SOUND,
        "deploy/staging.env": `STRIPE_SECRET_KEY=${test("sk")}\nPAYPAL_API=https://api-m.sandbox.paypal.com\nAPI_URL=https://api.staging.shop.example.com\n`,
        "deploy/production.env": `STRIPE_SECRET_KEY=${live("sk")}\nPAYPAL_API=https://api-m.paypal.com\nAPI_URL=https://api.shop.example.com\n`,
      },
    },
    {
      name: "a host every environment shares (the key decides the mode)",
      files: {
        "company.config.yaml": SOUND,
        "deploy/staging.env": "STRIPE_API=https://api.stripe.com\n",
        "deploy/production.env": "STRIPE_API=https://api.stripe.com\n",
      },
    },
    {
      name: "allowHosts",
      files: {
        "company.config.yaml": SOUND,
        "deploy/staging.env": "FLAGS_URL=https://flags.shop.example.com\n",
        "deploy/production.env": "FLAGS_URL=https://flags.shop.example.com\n",
      },
      options: { allowHosts: ["flags.shop.example.com"] },
    },
    { name: "no manifest", files: { "deploy/staging.env": `STRIPE_SECRET_KEY=${live("sk")}\n` } },
  ],
  invalid: [
    {
      name: "acme-shop: a live Stripe key in staging's env file",
      files: {
        "company.config.yaml": soundWith("log_level: info", "log_level: info\n    env_files: [deploy/staging.env]"),
        "deploy/staging.env": `# Staging runtime settings.\nNODE_ENV=production\nLOG_LEVEL=info\nAPI_BASE_URL=https://api.staging.acme-shop.example\nSTRIPE_SECRET_KEY=${live("sk")}\n`,
      },
      errors: [
        {
          file: "deploy/staging.env",
          messageId: "liveOutsideProduction",
          data: { key: "STRIPE_SECRET_KEY", name: "staging", provider: "stripe" },
          line: 5,
          column: 1,
        },
      ],
    },
    {
      name: "the message never shows the value",
      files: { "company.config.yaml": SOUND, ".env.staging": `KEY=${live("pk")}\n` },
      errors: [
        {
          file: ".env.staging",
          message:
            "Variable KEY gives staging a live stripe credential or endpoint: tests there charge real cards and touch real accounts.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "sandbox endpoints in production; provider modes",
      files: {
        "company.config.yaml": SOUND,
        "deploy/production.env": `STRIPE_PUBLISHABLE_KEY=${test("pk")}\nPLAID_ENV=sandbox\nBRAINTREE_API=https://api.sandbox.braintreegateway.com\n`,
        "deploy/staging.env":
          "PAYPAL_MODE=live\nSQUARE_APPLICATION_ID=sq0idp-abc123\nADYEN_URL=https://shop-checkout-live.adyenpayments.com/checkout\n",
      },
      errors: [
        {
          file: "deploy/production.env",
          messageId: "testInProduction",
          data: { key: "STRIPE_PUBLISHABLE_KEY", provider: "stripe" },
          line: 1,
          column: 1,
        },
        {
          file: "deploy/production.env",
          messageId: "testInProduction",
          data: { key: "PLAID_ENV", provider: "plaid" },
          line: 2,
          column: 1,
        },
        { file: "deploy/production.env", messageId: "testInProduction", line: 3, column: 1 },
        {
          file: "deploy/staging.env",
          messageId: "liveOutsideProduction",
          data: { key: "PAYPAL_MODE", name: "staging", provider: "paypal" },
          line: 1,
          column: 1,
        },
        {
          file: "deploy/staging.env",
          messageId: "liveOutsideProduction",
          data: { key: "SQUARE_APPLICATION_ID", name: "staging", provider: "square" },
          line: 2,
          column: 1,
        },
        {
          file: "deploy/staging.env",
          messageId: "liveOutsideProduction",
          data: { key: "ADYEN_URL", name: "staging", provider: "adyen" },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "a production host in staging: the manifest url and production's own values",
      files: {
        "company.config.yaml": SOUND,
        "deploy/production.env": "DATABASE_URL=postgres://app@prod-db.internal:5432/app\n",
        "deploy/staging.env":
          "DATABASE_URL=postgres://app@prod-db.internal:5432/app\nPUBLIC_URL=https://shop.example.com/\n",
      },
      errors: [
        {
          file: "deploy/staging.env",
          messageId: "productionHost",
          data: { key: "DATABASE_URL", name: "staging", host: "prod-db.internal" },
          line: 1,
          column: 1,
        },
        {
          file: "deploy/staging.env",
          messageId: "productionHost",
          data: { key: "PUBLIC_URL", name: "staging", host: "shop.example.com" },
          line: 2,
          column: 1,
        },
      ],
    },
  ],
});
