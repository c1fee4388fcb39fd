// The public API gives what the CLI's JSON report holds, and --format finds reporter packages.
import { join } from "node:path";
import { lint, loadConfig } from "deploylint";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, runJson } from "../support/cli.js";

const EXAMPLE = join(ROOT, "test", "fixtures", "example-shop");

describe("public API", () => {
  it("lint() returns the findings and summary of `deploylint --format json`", async () => {
    const result = await lint({ cwd: EXAMPLE });
    const cli = runJson([], { cwd: EXAMPLE });
    expect({ version: result.version, findings: result.findings, summary: result.summary }).toEqual(
      JSON.parse(cli.stdout),
    );
  });

  it("loadConfig() returns the flattened config the run uses", async () => {
    const config = await loadConfig({ cwd: EXAMPLE });
    expect(config.configFile).toBe(join(EXAMPLE, "deploylint.config.yaml"));
    expect(config.rules["migrations/no-drop-column"]?.severity).toBe("error");
    const onlyMigrations = await lint({ cwd: EXAMPLE, config, only: ["migrations/*"] });
    expect(onlyMigrations.findings.every((f) => f.ruleId.startsWith("migrations/"))).toBe(true);
  });
});

describe("--format", () => {
  it("resolves a deploylint-reporter-<name> package", () => {
    const run = runCli(["--only", "migrations/*", "--format", "tally"], { cwd: EXAMPLE });
    expect(run.stdout).toBe("migrations/no-drop-column 1\n");
    expect(run.status).toBe(1);
  });
});
