// Tests for env-ladder/env-vars-per-environment, with documented variables from a stand-in for
// the env-docs pack's facts, and without them (the rule then has nothing to check).
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import { packWithDocs } from "./helpers/documented.js";
import { SOUND } from "./helpers/ladder.js";
import { runPack } from "./helpers/run-pack.js";

const EXAMPLE = `# Postgres connection string.
# @required @type=url
DATABASE_URL=postgres://localhost:5432/app

# Signs session cookies.
# @required @sensitive
SESSION_SECRET=change-me

# @optional
REDIS_URL=redis://localhost:6379
`;

new RuleTester({ pack: packWithDocs }).run("env-vars-per-environment", {
  valid: [
    {
      name: "tidy-api: each deployed env file sets DATABASE_URL; the secret lives in the secret store",
      files: {
        "company.config.yaml": SOUND,
        ".env.example": EXAMPLE,
        "deploy/staging.env": "LOG_LEVEL=info\nDATABASE_URL=postgres://staging-db.internal:5432/app\n",
        "deploy/production.env": "LOG_LEVEL=warn\nDATABASE_URL=postgres://prod-db.internal:5432/app\n",
      },
    },
    {
      name: "an environment with no env files is configured elsewhere (a platform's dashboard)",
      files: {
        "company.config.yaml": SOUND,
        ".env.example": EXAMPLE,
        "deploy/production.env": "DATABASE_URL=postgres://db/app\n",
      },
    },
    {
      name: "a platform file can give the value",
      files: {
        "company.config.yaml": SOUND,
        ".env.example": EXAMPLE,
        "deploy/production.env": "LOG_LEVEL=warn\n",
        "fly.toml": 'app = "app"\n\n[env]\n  DATABASE_URL = "postgres://db/app"\n',
      },
    },
  ],
  invalid: [
    {
      name: "production's env file lacks a required variable; an empty value is no value",
      files: {
        "company.config.yaml": SOUND,
        ".env.example": EXAMPLE,
        "deploy/staging.env": "DATABASE_URL=\n",
        "deploy/production.env": "LOG_LEVEL=warn\n",
      },
      errors: [
        {
          file: "deploy/production.env",
          messageId: "missingValue",
          data: { name: "production", key: "DATABASE_URL", example: ".env.example" },
          line: 1,
          column: 1,
        },
        {
          file: "deploy/staging.env",
          messageId: "missingValue",
          data: { name: "staging", key: "DATABASE_URL", example: ".env.example" },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});

// The same repository that gives two findings with the facts gives none without them.
describe("without the env-docs pack", () => {
  it("stays silent when no documented-variable facts exist", async () => {
    const files = {
      "company.config.yaml": SOUND,
      ".env.example": EXAMPLE,
      "deploy/production.env": "LOG_LEVEL=warn\n",
    };
    const ids = (findings: { ruleId: string }[]) =>
      findings.filter((f) => f.ruleId === "env-ladder/env-vars-per-environment");
    expect(ids(await runPack({ files }))).toEqual([]);
    expect(
      ids(
        await runPack({
          files,
          extraPack: { name: "docs-stand-in", rules: [], extractors: packWithDocs.extractors?.slice(-1) ?? [] },
        }),
      ),
    ).toHaveLength(1);
  });
});
