// Tests for env-ladder/feature-flags-per-environment.
import { RuleTester } from "@deploylint/rule-tester";
import { packWithDocs } from "./helpers/documented.js";
import { SOUND } from "./helpers/ladder.js";

const tester = new RuleTester({ pack: packWithDocs });
const FLAGS = `${SOUND}feature_flags:
  new-checkout: { local: true, staging: true, production: false }
  dark-mode:
    dev: true
    stage: true
    prod: false
`;

tester.run("feature-flags-per-environment", {
  valid: [
    {
      name: "every flag has a value per environment (aliases accepted); code reads declared flags",
      files: {
        "company.config.yaml": FLAGS,
        "src/checkout.ts": 'if (flags.isEnabled("new-checkout")) start();\nconst dark = useFlag(`dark_mode`);\n',
      },
    },
    {
      name: "no feature_flags section: flag reads are not the manifest's business",
      files: { "company.config.yaml": SOUND, "src/app.ts": 'client.variation("beta-banner", user, false);\n' },
    },
    {
      name: "reads that are not literal flag names",
      files: { "company.config.yaml": FLAGS, "src/app.ts": "isEnabled(name);\nsomething.isReady('x');\n" },
    },
  ],
  invalid: [
    {
      name: "a flag without a production value, at the flag's key",
      files: { "company.config.yaml": `${SOUND}feature_flags:\n  new-checkout: { local: true, staging: true }\n` },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "missingValue",
          data: { flag: "new-checkout", environments: "production" },
          line: 30,
          column: 3,
        },
      ],
    },
    {
      name: "code reads an undeclared flag",
      files: {
        "company.config.yaml": FLAGS,
        "src/banner.tsx": 'const on = ldClient.variation("beta-banner", ctx, false);\n',
      },
      errors: [{ file: "src/banner.tsx", messageId: "undeclared", data: { flag: "beta-banner" }, line: 1, column: 31 }],
    },
    {
      name: "a documented FEATURE_ variable names an undeclared flag",
      files: {
        "company.config.yaml": FLAGS,
        ".env.example":
          "# Turns the new search on.\n# @optional\nFEATURE_NEW_SEARCH=false\n# @optional\nFEATURE_NEW_CHECKOUT=true\n",
      },
      errors: [
        {
          file: ".env.example",
          messageId: "undeclaredVariable",
          data: { key: "FEATURE_NEW_SEARCH", flag: "new-search" },
          line: 3,
          column: 1,
        },
      ],
    },
  ],
});
