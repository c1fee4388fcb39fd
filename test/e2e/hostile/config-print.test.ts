// --print-config output gets pasted into issues and CI logs: credentials in settings are masked.
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

describe("--print-config", () => {
  it("masks credential-named values, URL passwords and random-looking tokens in the settings it prints", () => {
    const password = "n0t-for-logs-7Qx";
    const salt = "pepper-for-the-hashes";
    const token = "Zk4pQ9rT2vX7mN3bW8yL5cF1";
    const config = [
      "settings:",
      "  ourPack:",
      `    hashSalt: ${salt}`,
      `    databaseUrl: postgres://deploy:${password}@db.internal:5432/app`,
      `    apiToken: short`,
      `    endpoints: [https://ci.example.com/hook/${token}]`,
      "    region: eu-west-1",
      "",
    ].join("\n");
    const dir = tempRepo({ "deploylint.config.yaml": config });
    const run = runCli(["--print-config", "src/index.ts"], { cwd: dir });
    expect(run.status).toBe(0);
    for (const secret of [password, salt, token, "short"]) expect(run.stdout).not.toContain(secret);
    const printed = JSON.parse(run.stdout);
    expect(printed.settings.ourPack).toEqual({
      hashSalt: "****",
      databaseUrl: "postgres://deploy:****@db.internal:5432/app",
      apiToken: "****",
      endpoints: ["https://ci.example.com/hook/****"],
      region: "eu-west-1",
    });
  });
});
