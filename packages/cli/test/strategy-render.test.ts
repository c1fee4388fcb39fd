// The strategy document's generator, section by section, from plain inputs: what the repository
// declares is written out, and only what it cannot tell carries the fill-in mark.
import type { CiJob, CiPipeline, CiStep, CommandClass } from "@deploylint/ci-model";
import { FILL_IN_COMMENT, STRATEGY_SECTIONS } from "@deploylint/rules-strategy-docs";
import { describe, expect, it } from "vitest";
import { ladderRow } from "../src/commands/strategy/cells.js";
import type { StrategyInputs } from "../src/commands/strategy/inputs.js";
import { pipelineSection } from "../src/commands/strategy/pipeline.js";
import {
  envSection,
  ladderSection,
  migrationsSection,
  renderStrategy,
  rolloutSection,
  smokeSection,
} from "../src/commands/strategy/render.js";
import { rollbackSection } from "../src/commands/strategy/rollback.js";
import { strategiesIn } from "../src/commands/strategy/rollout-strategies.js";
import { splitSections } from "../src/commands/strategy/sections.js";

const SPOT = { file: ".github/workflows/deploy.yml", line: 1, column: 1, endLine: 1, endColumn: 2 };

function step(classes: CommandClass[], afterDeploy: CommandClass[] = []): CiStep {
  return {
    ...SPOT,
    label: "script",
    uses: null,
    classes,
    afterDeploy,
    masked: [],
    mayFail: false,
    deployTarget: null,
    watchSeconds: null,
  };
}

function job(id: string, steps: CiStep[], extra: Partial<CiJob> = {}): CiJob {
  return {
    ...SPOT,
    id,
    name: null,
    stage: null,
    needs: [],
    environment: null,
    branches: ["main"],
    tags: false,
    steps,
    manual: null,
    approvalOnly: false,
    mayFail: null,
    serialisedBy: null,
    uses: null,
    ...extra,
  };
}

function pipeline(jobs: CiJob[]): CiPipeline {
  return { ...SPOT, provider: "github-actions", name: "deploy", triggers: [], jobs, includes: [], problems: [] };
}

function inputs(extra: Partial<StrategyInputs> = {}): StrategyInputs {
  return {
    manifest: null,
    pipelines: [],
    platforms: [],
    migrationFolders: [],
    migrationRules: [],
    envFiles: [],
    smoke: { declared: false, checks: [] },
    ...extra,
  };
}

const MANIFEST = {
  path: "company.config.yaml",
  environments: [
    ladderRow("staging", {
      database: { engine: "postgres", version: 16 },
      data: "anonymized",
      monitoring: { logging: "full", alerts: "#staging" },
      access: ["developers"],
    }),
    ladderRow("production", {
      database: { engine: "postgres", version: 16, url: "postgres://app:hunter2@db/app" },
      data: "real",
      monitoring: { logging: "full", alerts: "#prod", on_call: "pagerduty", token: "abc123" },
      access: ["ci", "sre"],
    }),
  ],
  deploymentModel: "containers",
  productionAlerts: "#prod",
  productionOnCall: "pagerduty",
  strategyDocument: null,
  featureFlags: ["new_checkout"],
};

describe("environment ladder", () => {
  it("writes one table row per manifest environment with the manifest's values", () => {
    expect(ladderSection(inputs({ manifest: MANIFEST }))).toEqual([
      "From `company.config.yaml` (the ladder manifest): change it there, then run `deploylint strategy` again.",
      "",
      "| Environment | Database | Data | Monitoring | Access |",
      "|---|---|---|---|---|",
      "| staging | postgres 16 | anonymized | logging: full, alerts: #staging | developers |",
      "| production | postgres 16 | real | logging: full, alerts: #prod, on_call: pagerduty | ci, sre |",
    ]);
  });

  it("never writes a credential from the manifest", () => {
    const row = ladderRow("production", {
      database: "postgres://app:hunter2@db/app",
      monitoring: { api_key: "k-123456" },
    });
    expect(row.database).toBe("postgres");
    expect(row.monitoring).toBeNull();
    expect(ladderSection(inputs({ manifest: MANIFEST })).join("\n")).not.toMatch(/hunter2|abc123/);
  });

  it("marks a field the manifest leaves out, and the whole table without a manifest", () => {
    const manifest = { ...MANIFEST, environments: [ladderRow("qa", { data: "seed" })] };
    expect(ladderSection(inputs({ manifest })).at(-1)).toBe(
      `| qa | ${FILL_IN_COMMENT} | seed | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
    );
    expect(ladderSection(inputs()).join("\n")).toContain(FILL_IN_COMMENT);
  });

  it("writes a declared false as none, which the pack reads as no monitoring", () => {
    const row = ladderRow("local", { database: false, monitoring: false });
    expect([row.database, row.monitoring]).toEqual(["none", "none"]);
  });

  it("escapes a pipe in a value so the row keeps its columns", () => {
    const manifest = { ...MANIFEST, environments: [ladderRow("qa", { data: "seed | synthetic" })] };
    expect(ladderSection(inputs({ manifest })).at(-1)).toContain("| seed \\| synthetic |");
  });
});

describe("deployment pipeline", () => {
  it("names the jobs of each stage, the deploy branches and the approval gates", () => {
    const lines = pipelineSection(
      inputs({
        pipelines: [
          pipeline([
            job("test", [step(["test", "lint"])]),
            job("deploy", [step(["deploy"], ["smoke"])], { environment: { ...SPOT, name: "production" } }),
            job("approve", [], { approvalOnly: true }),
          ]),
        ],
      }),
    );
    const text = lines.join("\n");
    expect(text).toContain("CI: GitHub Actions, 1 pipeline file.");
    expect(text).toContain("| Tests | `test` (.github/workflows/deploy.yml) |");
    expect(text).toContain("| Lint | `test` (.github/workflows/deploy.yml) |");
    expect(text).toContain("| Dependency scan | none in the CI files |");
    expect(text).toContain("| Deploy | `deploy` (.github/workflows/deploy.yml) |");
    expect(text).toContain("| Smoke tests | `deploy` (.github/workflows/deploy.yml) |");
    expect(text).toContain("Deploys run from: `main`.");
    expect(text).toContain("`approve` (.github/workflows/deploy.yml): an approval job");
    expect(text).toContain("CI environments `production`");
    expect(text).not.toContain(FILL_IN_COMMENT);
  });

  it("marks the section when no CI file was found", () => {
    expect(pipelineSection(inputs()).join("\n")).toContain(FILL_IN_COMMENT);
  });
});

describe("rollout strategy", () => {
  it("states the declared model and the platform files, and marks how a release reaches users", () => {
    const text = rolloutSection(
      inputs({
        manifest: MANIFEST,
        platforms: [{ file: "k8s/web.yaml", platform: "kubernetes", strategies: ["canary"] }],
      }),
    ).join("\n");
    expect(text).toContain("Deployment model: `containers` (architecture.deployment_model in `company.config.yaml`).");
    expect(text).toContain("- kubernetes: `k8s/web.yaml` (configured: a canary rollout in `k8s/web.yaml`)");
    // The fill-in prompt names no strategy, which would pass for a description.
    expect(text.replace(/canary rollout in/, "")).not.toMatch(/canary|rolling|blue-green/i);
    expect(text.split(FILL_IN_COMMENT)).toHaveLength(2);
  });

  it("marks the model when the manifest declares none", () => {
    expect(rolloutSection(inputs()).join("\n")).toContain(
      `Deployment model: ${FILL_IN_COMMENT} (no ladder manifest was found to declare architecture.deployment_model).`,
    );
    const undeclared = { ...MANIFEST, deploymentModel: null };
    expect(rolloutSection(inputs({ manifest: undeclared })).join("\n")).toContain(
      `Deployment model: ${FILL_IN_COMMENT} (\`company.config.yaml\` declares no architecture.deployment_model).`,
    );
  });
});

describe("rollout strategies of platform files", () => {
  it.each([
    ['[deploy]\n  strategy = "canary"\n', ["canary"]],
    ['[deploy]\nstrategy = "bluegreen"\n', ["blue-green"]],
    ["spec:\n  strategy:\n    type: RollingUpdate\n", ["rolling"]],
    ["spec:\n  strategy:\n    type: Recreate\n", ["all at once"]],
    ["kind: Rollout\nspec:\n  strategy:\n    blueGreen:\n      activeService: web\n", ["blue-green"]],
    ['{ "deploymentController": { "type": "CODE_DEPLOY" } }', ["blue-green"]],
    ["# canary: not yet\nkind: Deployment\n", []],
  ])("reads %j as %j", (text, expected) => {
    expect(strategiesIn(text)).toEqual(expected);
  });
});

describe("rollback procedure", () => {
  it("numbers the six steps, with a decision time limit and the platform's real rollback command", () => {
    const lines = rollbackSection(
      inputs({
        manifest: MANIFEST,
        platforms: [{ file: "fly.toml", platform: "fly", strategies: [] }],
        migrationFolders: [{ path: "db/migrations", framework: "golang-migrate", dialect: "postgresql", files: 4 }],
      }),
    );
    const steps = lines.filter((line) => /^\d+\. /.test(line)).map((line) => /\*\*(\w+)\*\*/.exec(line)?.[1]);
    expect(steps).toEqual(["Detect", "Decide", "Execute", "Verify", "Communicate", "Investigate"]);
    const text = lines.join("\n");
    expect(text).toContain("within 15 minutes");
    expect(text).toContain("`fly releases --image`");
    expect(text).toContain("`fly deploy --image <previous image>`");
    expect(text).toContain("Down migration (`db/migrations`)");
    expect(text).toContain("feature_flags in company.config.yaml");
    expect(text).toContain("`deploylint smoke --environment production`");
    expect(text).toContain("production alerts (#prod), the on-call rotation (pagerduty)");
  });

  it.each([
    ["vercel", "`vercel rollback"],
    ["kubernetes", "`kubectl rollout undo deployment/<name>`"],
    ["helm", "`helm rollback <release> <revision>`"],
    ["wrangler", "`wrangler rollback"],
    ["ecs", "previous task definition"],
  ])("names %s's rollback command", (platform, command) => {
    expect(rollbackSection(inputs({ platforms: [{ file: "x", platform, strategies: [] }] })).join("\n")).toContain(
      command,
    );
  });

  it("says a framework without downs rolls the schema forward, and marks an unknown platform", () => {
    const text = rollbackSection(
      inputs({ migrationFolders: [{ path: "prisma/migrations", framework: "prisma", dialect: null, files: 2 }] }),
    ).join("\n");
    expect(text).not.toContain("Down migration");
    expect(text).toContain("prisma migrations have no down");
    expect(text).toContain(`Redeploy the previous release: ${FILL_IN_COMMENT}`);
  });
});

describe("database migration safety", () => {
  it("names each rule the config turns on with its promise, and lists the ones turned off", () => {
    const text = migrationsSection(
      inputs({
        migrationFolders: [{ path: "db/migrations", framework: "dbmate", dialect: "postgresql", files: 3 }],
        migrationRules: [
          { id: "migrations/no-drop-table", description: "Disallow dropping a table.", severity: "error" },
          { id: "migrations/prefer-text", description: "Prefer text.", severity: "off" },
        ],
      }),
    ).join("\n");
    expect(text).toContain("Migrations: `db/migrations` (dbmate, postgresql).");
    expect(text).toContain("- `migrations/no-drop-table` (error): Disallow dropping a table.");
    expect(text).toContain("Switched off (not enforced):\n\n- `migrations/prefer-text` (off)");
    expect(text).not.toContain("Prefer text.");
  });
});

describe("environment variable management", () => {
  it("lists the documentation files and each sensitive variable's rotation, marking a missing one", () => {
    const text = envSection(
      inputs({
        envFiles: [
          {
            file: ".env.example",
            count: 4,
            required: 2,
            sensitive: [
              { name: "STRIPE_KEY", rotation: "every 90 days" },
              { name: "SESSION_SECRET", rotation: null },
            ],
          },
        ],
      }),
    ).join("\n");
    expect(text).toContain("- `.env.example`: 4 variables, 2 marked @required");
    expect(text).toContain("| `STRIPE_KEY` | `.env.example` | every 90 days |");
    expect(text).toContain(`| \`SESSION_SECRET\` | \`.env.example\` | ${FILL_IN_COMMENT} |`);
  });
});

describe("smoke tests", () => {
  it("lists the configured checks, or marks the section when there are none", () => {
    const text = smokeSection(
      inputs({
        smoke: {
          declared: true,
          checks: [{ name: "sign in", kind: "auth", paths: ["/api/session", "/api/me"], environments: ["production"] }],
        },
      }),
    ).join("\n");
    expect(text).toContain("| sign in | auth | `/api/session`, `/api/me` | production |");
    expect(smokeSection(inputs()).join("\n")).toContain(FILL_IN_COMMENT);
  });
});

describe("the document", () => {
  it("has the seven contract headings as H2, in order", () => {
    const headings = splitSections(renderStrategy(inputs({ manifest: MANIFEST })))
      .map((section) => section.heading)
      .filter((heading) => heading !== null);
    expect(headings).toEqual(STRATEGY_SECTIONS.map((section) => section.heading));
  });
});
