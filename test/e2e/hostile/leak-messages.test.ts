// Never leak: a rule echoes a manifest or config value only when it is one of the values it knows
// (a log level, a database engine, a version number, a deploy mode); anything else, which may be a
// pasted secret, is "an unknown value" or described without being quoted.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../../support/cli.js";

const PASTED = "hunter2-Qm8vX3rT9zL";

function manifest(fields: { staging: string[]; production: string[] }): string {
  const environment = (name: string, purpose: string, lines: string[]) => [
    `  ${name}:`,
    `    purpose: ${purpose}`,
    "    data: anonymized",
    "    monitoring: { logging: full, alerts: '#ops' }",
    "    access: [ci]",
    ...lines.map((line) => `    ${line}`),
  ];
  return [
    "environments:",
    "  local: { purpose: dev, database: { engine: postgres }, data: seed, log_level: debug, access: [devs], monitoring: { logging: console } }",
    ...environment("staging", "Pre-release", fields.staging),
    ...environment("production", "Live", fields.production),
    "",
  ].join("\n");
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function lintManifest(text: string) {
  const dir = tempRepo({ "company.config.yaml": text });
  made.push(dir);
  return { dir, ...runJson(["--only", "env-ladder/*"], { cwd: dir }) };
}

describe("messages never quote an unknown manifest value", { timeout: 120_000 }, () => {
  it("log-level-ladder says 'an unknown value' for a log_level that is not a level", () => {
    const { report, stdout } = lintManifest(
      manifest({
        staging: ["database: { engine: postgres }", `log_level: ${PASTED}`],
        production: ["database: { engine: postgres }", `log_level: "${PASTED}"`, "deploy: ci-only"],
      }),
    );
    const levels = report.findings.filter((f) => f.ruleId === "env-ladder/log-level-ladder");
    expect(levels.map((f) => f.line)).toEqual([9, 16]);
    for (const finding of levels) expect(finding.message).toMatch(/declares log_level an unknown value, but/);
    expect(stdout).not.toContain(PASTED);
  });

  it("log-level-ladder still names a known level that is on the wrong rung", () => {
    const { report } = lintManifest(
      manifest({
        staging: ["database: { engine: postgres }", "log_level: DEBUG"],
        production: ["database: { engine: postgres }", "log_level: warn", "deploy: ci-only"],
      }),
    );
    const [finding] = report.findings.filter((f) => f.ruleId === "env-ladder/log-level-ladder");
    expect(finding?.message).toMatch(/declares log_level debug, but staging should log at info/);
  });

  it("database-parity names only known engines and plain version numbers", () => {
    const { report, stdout } = lintManifest(
      manifest({
        staging: [`database: { engine: "postgres://app:${PASTED}@db" }`, "log_level: info"],
        production: ["database: { engine: postgres, version: '16' }", "log_level: warn", "deploy: ci-only"],
      }),
    );
    const parity = report.findings.filter((f) => f.ruleId === "env-ladder/database-parity");
    expect(parity.map((f) => f.message)).toEqual([
      expect.stringMatching(/runs an unknown engine but production runs postgres/),
    ]);
    expect(stdout).not.toContain(PASTED);

    const versions = lintManifest(
      manifest({
        staging: [`database: { engine: postgres, version: "${PASTED}" }`, "log_level: info"],
        production: ["database: { engine: postgres, version: '16' }", "log_level: warn", "deploy: ci-only"],
      }),
    );
    const differs = versions.report.findings.filter((f) => f.ruleId === "env-ladder/database-parity");
    expect(differs.map((f) => f.message)).toEqual([
      expect.stringMatching(/runs postgres an unknown version but production runs 16/),
    ]);
    expect(versions.stdout).not.toContain(PASTED);
  });

  it("production-deploy-via-ci describes a deploy value it does not know instead of quoting it", () => {
    const { report, stdout } = lintManifest(
      manifest({
        staging: ["database: { engine: postgres }", "log_level: info"],
        production: [
          "database: { engine: postgres }",
          "log_level: warn",
          `deploy: "curl -u admin:${PASTED} https://x"`,
        ],
      }),
    );
    const deploy = report.findings.filter((f) => f.message.includes("is deployed"));
    expect(deploy.map((f) => f.message)).toEqual([expect.stringMatching(/is deployed by a method other than CI:/)]);
    expect(stdout).not.toContain(PASTED);
  });

  it("no output format shows the pasted value", () => {
    const { dir } = lintManifest(
      manifest({
        staging: [`database: { engine: "${PASTED}", version: "${PASTED}" }`, `log_level: ${PASTED}`],
        production: ["database: { engine: postgres }", `log_level: ${PASTED}`, `deploy: ${PASTED}`],
      }),
    );
    for (const format of ["stylish", "json", "sarif", "gitlab", "junit", "markdown", "github"]) {
      const run = runCli(["--format", format, "--only", "env-ladder/*"], { cwd: dir });
      expect(run.status, format).toBe(1);
      expect(`${run.stdout}${run.stderr}`, format).not.toContain(PASTED);
    }
  });
});
