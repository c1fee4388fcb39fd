// Tests for the path and value readers the rules rely on: environments from paths, durations,
// and TOML key positions inside arrays of tables.
import { describe, expect, it } from "vitest";
import { durationSeconds } from "../../src/readers/duration.js";
import { environmentOfPath, isDeployed, reachesProduction } from "../../src/readers/environment.js";
import { readTomlDocument } from "../../src/readers/toml.js";

describe("environmentOfPath", () => {
  it.each([
    ["deploy/overlays/prod/patch.yaml", "prod"],
    ["charts/shop/values-staging.yaml", "staging"],
    ["fly.production.toml", "production"],
    ["docker-compose.dev.yml", "dev"],
    ["k8s/staging/deployment.yaml", "staging"],
    ["hack/dev/compression-test/docker-compose.yml", "test"],
    ["deploy/k8s/deployment.yaml", null],
    ["docker-compose.yml", null],
  ])("%s is for %s", (path, environment) => {
    expect(environmentOfPath(path)).toBe(environment);
  });

  it("tells deployed environments from a developer's or a test run's", () => {
    expect([null, "prod", "live", "staging", "preprod"].map(isDeployed)).toEqual([true, true, true, true, true]);
    expect(["dev", "local", "test", "ci", "e2e", "integration"].map(isDeployed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([null, "production", "staging"].map(reachesProduction)).toEqual([true, true, false]);
  });
});

describe("durationSeconds", () => {
  it("reads Go-style durations and bare seconds", () => {
    expect(["15m", "1h30m", "90s", "300", 45, "500ms"].map(durationSeconds)).toEqual([900, 5400, 90, 300, 45, 0.5]);
    expect(["", "soon", "15 minutes", null].map(durationSeconds)).toEqual([null, null, null, null]);
  });
});

describe("readTomlDocument", () => {
  it("gives the value and the position of keys inside arrays of tables", () => {
    const toml = readTomlDocument(
      'app = "shop"\n[[services]]\n  internal_port = 8080\n  [[services.http_checks]]\n    path = "/h"\n',
    );
    if (typeof toml === "string") throw new Error(toml);
    expect(toml.value).toEqual({ app: "shop", services: [{ internal_port: 8080, http_checks: [{ path: "/h" }] }] });
    expect(toml.spot(["services", 0, "http_checks", 0, "path"])).toEqual({
      line: 5,
      column: 5,
      endLine: 5,
      endColumn: 9,
    });
    expect(toml.spot(["services", 0])).toMatchObject({ line: 2, column: 3 });
    expect(toml.spot(["nothing"])).toMatchObject({ line: 1, column: 1 });
  });

  it("says why text is not TOML, in one line", () => {
    expect(readTomlDocument('app = "shop\n')).toMatch(/^TOML line 1: /);
  });
});
