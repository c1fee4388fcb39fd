// Tests for strategy-docs/ladder-matches-manifest: the good fixture's table against its manifest,
// and one disagreement at a time.
import { RuleTester } from "@deploylint/rule-tester";
import { fixture, STRATEGY, testPack, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });
const STAGING = "| staging | PostgreSQL | Anonymized copy | Full logging, alerts to #shop-staging | Developers, QA |";

tester.run("ladder-matches-manifest", {
  valid: [
    { name: "the good fixture", files: fixture("good") },
    {
      name: "aliases (Prod, Dev) and columns in another order",
      files: variant(
        STRATEGY,
        /\| Environment[\s\S]*CI only \|/,
        [
          "| Name | Access | Database |",
          "| --- | --- | --- |",
          "| Dev | Developers | Postgres 16 |",
          "| Staging | Developers, QA | Postgres |",
          "| Prod | CI | Postgres |",
        ].join("\n"),
      ),
    },
    {
      name: "a name cell with a qualifier (host, region)",
      files: variant(STRATEGY, "| staging |", "| **Staging** (staging.shop.example) |"),
    },
    {
      name: "a cell that names nothing the rule can tell apart is not compared",
      files: variant(STRATEGY, "| staging | PostgreSQL |", "| staging | Same as production |"),
    },
    {
      name: "no manifest: nothing to compare with",
      files: variant("company.config.yaml", "", null),
    },
    {
      name: "a section still marked for filling in is require-strategy's",
      files: variant(STRATEGY, STAGING, "| staging | MySQL | <!-- deploylint: fill in --> | | |"),
    },
    {
      name: "monitoring the manifest leaves out is not compared",
      files: variant(
        STRATEGY,
        "| local | PostgreSQL | Seed data | — |",
        "| local | PostgreSQL | Seed data | Console logs |",
      ),
    },
  ],
  invalid: [
    {
      name: "the database engine differs: at the cell",
      files: variant(STRATEGY, STAGING, STAGING.replace("PostgreSQL", "MySQL 8")),
      errors: [
        {
          file: STRATEGY,
          messageId: "cell",
          data: { environment: "staging", column: "database", document: "MySQL", manifest: "PostgreSQL" },
          line: 10,
          column: 11,
        },
      ],
    },
    {
      name: "the data policy differs (real data in staging)",
      files: variant(STRATEGY, "Anonymized copy", "Copy of production"),
      errors: [
        {
          messageId: "cell",
          data: { environment: "staging", column: "data", document: "real", manifest: "anonymized" },
          line: 10,
          column: 24,
        },
      ],
    },
    {
      name: "monitoring declared, the table says none",
      files: variant(STRATEGY, "Full logging, alerts to #shop-staging", "none"),
      errors: [
        {
          messageId: "cell",
          data: { environment: "staging", column: "monitoring", document: "none", manifest: "monitored" },
          line: 10,
          column: 42,
        },
      ],
    },
    {
      name: "access differs (developers in production)",
      files: variant(STRATEGY, "| CI only |", "| Developers and CI |"),
      errors: [
        {
          messageId: "cell",
          data: { environment: "production", column: "access", document: "developers, ci", manifest: "ci" },
          line: 11,
          column: 103,
        },
      ],
    },
    {
      name: "an environment of the manifest has no row: at the Environment header",
      files: variant(STRATEGY, `${STAGING}\n`, ""),
      errors: [{ messageId: "missingRow", data: { environment: "staging" }, line: 7, column: 1 }],
    },
    {
      name: "a row for an environment the manifest does not declare",
      files: variant(STRATEGY, STAGING, `${STAGING}\n| qa | PostgreSQL | Seed data | — | QA |`),
      errors: [{ messageId: "extraRow", data: { environment: "qa" }, line: 11, column: 1 }],
    },
    {
      name: "no table in the section: at its heading",
      files: variant(STRATEGY, /\| Environment[\s\S]*CI only \|/, "Local, staging and production."),
      errors: [{ messageId: "noTable", data: { environments: "local, staging, production" }, line: 5, column: 1 }],
    },
  ],
});
