// `deploylint smoke` against a local HTTP server this file starts (node:http on port 0): passing
// and failing checks (status, JSON path, body text, latency), the global timeout, retries while a
// deploy settles, redirects, a token carried across steps, secrets that never reach any output,
// and the cases where smoke cannot run at all (exit 2).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempRepo, tempRepos } from "../support/cli.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let routes: Record<string, Handler> = {};
let hits: string[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const key = `${req.method} ${req.url}`;
      hits.push(key);
      const handler = routes[key];
      if (handler) handler(req, res, body);
      else res.writeHead(404).end("no route");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  routes = {};
  hits = [];
});

const json =
  (status: number, data: unknown): Handler =>
  (_req, res) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));

const repo = tempRepos();

/** Spawned without blocking: the server answering the CLI lives in this process. */
function smoke(dir: string, args: string[], env: Record<string, string> = {}) {
  return spawned(process.execPath, [BIN, "smoke", ...args], dir, env);
}

function spawned(file: string, args: string[], dir: string, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(file, args, {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/** A repository whose config holds `smoke` (YAML lines after "smoke:"). */
function project(smokeYaml: string, manifest?: string): string {
  return repo({
    "deploylint.config.yaml": `extends: [recommended]\nsmoke:\n${smokeYaml}`,
    ...(manifest ? { "company.config.yaml": manifest } : {}),
  });
}

const FAST = "  retries: 0\n  timeout: 10\n";

function row(stdout: string, check: string): string {
  return stdout.split("\n").find((line) => line.trimStart().startsWith(check)) ?? `(no row ${check})`;
}

describe("deploylint smoke", { timeout: 60_000 }, () => {
  it("passes when status, JSON path, body text and latency all hold", async () => {
    routes["GET /healthz"] = json(200, { status: "ok", checks: [{ name: "db", up: true }] });
    const dir = project(
      `${FAST}  checks:\n    - name: health\n      kind: health\n      request: { path: /healthz }\n      expect:\n        status: 200\n        json: { status: ok, "checks[0].up": true }\n        bodyContains: db\n        maxLatencyMs: 5000\n`,
    );
    const run = await smoke(dir, ["--environment", "staging", "--url", base]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(row(run.stdout, "health")).toMatch(/health\s+PASS\s+200 in \d+ ms/);
    expect(run.stdout).toContain("1 of 1 smoke checks passed on staging");
  });

  it.each([
    ["status", json(503, { status: "down" }), "expect: { status: 200 }", "status 503, expected 200"],
    [
      "JSON path",
      json(200, { status: "degraded" }),
      "expect: { json: { $.status: ok } }",
      'status is "degraded", expected "ok"',
    ],
    [
      "missing JSON path",
      json(200, {}),
      "expect: { json: { data.version: 3 } }",
      "data.version is missing, expected 3",
    ],
    ["body text", json(200, { status: "ok" }), "expect: { bodyContains: healthy }", 'body does not contain "healthy"'],
    [
      "latency",
      ((_req, res) => setTimeout(() => json(200, {})(_req, res, ""), 300)) as Handler,
      "expect: { maxLatencyMs: 50 }",
      "more than 50 ms",
    ],
  ])("fails on %s with exit 1 and says why", async (_what, handler, expectation, detail) => {
    routes["GET /healthz"] = handler;
    const dir = project(
      `${FAST}  checks:\n    - name: health\n      request: { path: /healthz }\n      ${expectation}\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "health")).toContain("FAIL");
    expect(row(run.stdout, "health")).toContain(detail);
  });

  it("fails a check whose server does not answer within the global timeout", async () => {
    routes["GET /slow"] = () => {}; // never answers
    const dir = project(
      `  retries: 2\n  backoff: 0.1\n  timeout: 1\n  checks:\n    - name: slow\n      request: { path: /slow }\n`,
    );
    const started = Date.now();
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "slow")).toContain("no response within the global timeout (1 s, smoke.timeout)");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("retries a failing check with backoff until the deploy settles, then passes", async () => {
    let calls = 0;
    routes["GET /healthz"] = (req, res, body) => {
      calls++;
      (calls < 3 ? json(503, { status: "starting" }) : json(200, { status: "ok" }))(req, res, body);
    };
    const dir = project(
      `  retries: 3\n  backoff: 0.05\n  checks:\n    - name: health\n      request: { path: /healthz }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(run.status).toBe(0);
    expect(calls).toBe(3);
    expect(row(run.stdout, "health")).toContain("(attempt 3)");
    expect(run.stderr).toContain("health: attempt 1 failed (GET /healthz: status 503, expected 2xx); retrying in");
  });

  it("gives up after the configured retries", async () => {
    routes["GET /healthz"] = json(503, {});
    const dir = project(
      `  retries: 2\n  backoff: 0.01\n  checks:\n    - name: health\n      request: { path: /healthz }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(run.status).toBe(1);
    expect(hits.filter((h) => h === "GET /healthz")).toHaveLength(3);
  });

  it("follows redirects by default; followRedirects: false makes the 30x the result", async () => {
    routes["GET /old"] = (_req, res) => res.writeHead(302, { location: "/healthz" }).end();
    routes["GET /healthz"] = json(200, { status: "ok" });
    const check = (name: string, extra: string) => `    - name: ${name}\n      request: { path: /old }\n${extra}`;
    const dir = project(
      `${FAST}  checks:\n${check("followed", "      expect: { json: { status: ok } }\n")}${check("kept", "      followRedirects: false\n      expect: { status: 302 }\n")}${check("not-followed", "      followRedirects: false\n")}`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(row(run.stdout, "followed")).toContain("PASS");
    expect(row(run.stdout, "kept")).toMatch(/PASS\s+302/);
    expect(row(run.stdout, "not-followed")).toContain("status 302, expected 2xx (redirect to /healthz)");
    expect(run.status).toBe(1);
  });

  it("follows a redirect to another origin without the secret headers, keeping the literal ones", async () => {
    const other = base.replace("127.0.0.1", "localhost");
    let seen: Record<string, unknown> = {};
    routes["POST /go"] = (_req, res) => res.writeHead(303, { location: `${other}/landing` }).end();
    routes["GET /landing"] = (req, res, body) => {
      seen = { ...req.headers };
      json(200, {})(req, res, body);
    };
    const dir = project(
      `${FAST}  checks:\n    - name: away\n      request: { method: POST, path: /go, body: { a: 1 }, headers: { X-Key: { env: SMOKE_KEY }, Accept: application/json } }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base], { SMOKE_KEY: "key-6f1e" });
    expect(run.status).toBe(0);
    expect(hits).toEqual(["POST /go", "GET /landing"]);
    expect(seen["x-key"]).toBeUndefined();
    expect(seen.accept).toBe("application/json");
  });

  it("follows a redirect within the environment's origin with every header", async () => {
    let seen: Record<string, unknown> = {};
    routes["GET /old"] = (_req, res) => res.writeHead(301, { location: "/new" }).end();
    routes["GET /new"] = (req, res, body) => {
      seen = { ...req.headers };
      json(200, {})(req, res, body);
    };
    const dir = project(
      `${FAST}  checks:\n    - name: moved\n      request: { path: /old, headers: { X-Key: { env: SMOKE_KEY } } }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base], { SMOKE_KEY: "key-6f1e" });
    expect(run.status).toBe(0);
    expect(seen["x-key"]).toBe("key-6f1e");
  });

  it("carries a session token from one step to the next, and never prints it", async () => {
    const token = "sess-4f9a1c77e2b84d0a9d3e";
    routes["POST /login"] = (req, res, body) =>
      JSON.parse(body).user === "smoke" && req.headers["x-api-key"] === "key-from-env-93ab"
        ? json(200, { session: { token } })(req, res, body)
        : json(401, {})(req, res, body);
    routes["GET /me"] = (req, res, body) =>
      req.headers.authorization === `Bearer ${token}`
        ? json(200, { user: "smoke" })(req, res, body)
        : json(401, { error: `bad ${req.headers.authorization}` })(req, res, body);
    const steps = (me: string) =>
      `      steps:\n        - name: login\n          request: { method: POST, path: /login, headers: { X-Api-Key: { env: SMOKE_KEY } }, body: { user: smoke } }\n          capture: { token: { json: session.token } }\n        - request: { path: ${me}, headers: { Authorization: { from: token, prefix: "Bearer " } } }\n          expect: { json: { user: smoke } }\n`;
    const dir = project(`${FAST}  checks:\n    - name: login flow\n      kind: auth\n${steps("/me")}`);
    const run = await smoke(dir, ["-e", "staging", "--url", base], { SMOKE_KEY: "key-from-env-93ab" });
    expect(run.status).toBe(0);
    expect(row(run.stdout, "login flow")).toContain("2 steps passed");

    // The second request echoes the token back in a failure: it is masked in every line shown.
    routes["GET /me"] = (req, res, body) => json(200, { user: `not ${req.headers.authorization}` })(req, res, body);
    const failing = project(`${FAST}  checks:\n    - name: login flow\n      kind: auth\n${steps("/me")}`);
    const failed = await smoke(failing, ["-e", "staging", "--url", base, "-f", "json"], {
      SMOKE_KEY: "key-from-env-93ab",
    });
    expect(failed.status).toBe(1);
    expect(`${failed.stdout}${failed.stderr}`).not.toContain(token);
  });

  it("fails a step whose capture finds nothing", async () => {
    routes["POST /login"] = json(200, {});
    const dir = project(
      `${FAST}  checks:\n    - name: login\n      steps:\n        - request: { method: POST, path: /login }\n          capture: { token: { header: x-session } }\n        - request: { path: /me, headers: { Authorization: { from: token } } }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base]);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "login")).toContain("step 1: POST /login: nothing to capture as token at header x-session");
    expect(hits).not.toContain("GET /me");
  });

  // Short and plain, so only smoke's own masking (not the credential-shape masking) can hide it.
  const SECRET = "pw-7Qx9z";
  const ECHO: Handler = (req, res, body) =>
    json(500, { error: `unauthorised: ${req.headers.authorization}` })(req, res, body);

  it.each(["table", "stylish", "json", "junit", "github", "sarif", "gitlab", "markdown"])(
    "never prints a header's secret in the %s format, even when the server echoes it",
    async (format) => {
      routes["GET /api"] = ECHO;
      const dir = project(
        `${FAST}  checks:\n    - name: api\n      kind: integration\n      request: { path: /api, headers: { Authorization: { env: SMOKE_TOKEN, prefix: "Token " } } }\n      expect: { json: { error: none } }\n`,
      );
      const run = await smoke(dir, ["-e", "production", "--url", base, "--format", format], { SMOKE_TOKEN: SECRET });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/api|smoke\/integration/);
      expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
    },
  );

  it("keeps its own words readable when a secret is a common letter", async () => {
    routes["GET /api"] = json(503, { token: "x" });
    const dir = project(
      `${FAST}  checks:\n    - name: api\n      request: { path: /api, headers: { X-Key: { env: SMOKE_KEY } } }\n      expect: { json: { token: y } }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base], { SMOKE_KEY: "x" });
    expect(run.status).toBe(1);
    expect(row(run.stdout, "api")).toContain('status 503, expected 2xx; token is "****", expected "y"');
  });

  it("reports a failed check as a finding of smoke/<kind> at the check's line in the config", async () => {
    routes["GET /healthz"] = json(503, {});
    const dir = project(
      `${FAST}  checks:\n    - name: health\n      kind: health\n      request: { path: /healthz }\n`,
    );
    const run = await smoke(dir, ["-e", "staging", "--url", base, "--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string; file: string; line: number; message: string }[];
    };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: "smoke/health", file: "deploylint.config.yaml", line: 6 });
    expect(report.findings[0]?.message).toContain('Smoke check "health" failed on staging: GET /healthz: status 503');
  });

  it("takes the base URL from the manifest's environments.<env>.url and runs only the environment's checks", async () => {
    routes["GET /healthz"] = json(200, {});
    const dir = project(
      `${FAST}  checks:\n    - name: health\n      request: { path: /healthz }\n    - name: prod-only\n      environments: [production]\n      request: { path: /billing }\n`,
      `environments:\n  staging:\n    url: ${base}/\n  production:\n    url: https://shop.example\n`,
    );
    const run = await smoke(dir, ["-e", "staging"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`(environment: staging, ${base})`);
    expect(run.stdout).not.toContain("prod-only");
  });

  it.each([
    [
      "a header's variable is not set",
      `${FAST}  checks:\n    - name: api\n      request: { path: /api, headers: { Authorization: { env: SMOKE_TOKEN } } }\n`,
      ["--url"],
      "from the environment variable SMOKE_TOKEN, which is not set",
    ],
    ["no checks are declared", `${FAST}`, ["--url"], "no smoke checks are declared for staging"],
    [
      "no check applies to the environment",
      `${FAST}  checks:\n    - name: p\n      environments: [production]\n      request: { path: /x }\n`,
      ["--url"],
      "no smoke checks are declared for staging",
    ],
    [
      "the environment has no URL",
      `${FAST}  checks:\n    - name: h\n      request: { path: /healthz }\n`,
      [],
      "no base URL for staging",
    ],
    [
      "a step sends a value nothing captured",
      `${FAST}  checks:\n    - name: h\n      steps:\n        - request: { path: /a, headers: { A: { from: tok } } }\n`,
      ["--url"],
      'sends header A from "tok", which no earlier step captures',
    ],
    [
      "a JSON path is malformed",
      `${FAST}  checks:\n    - name: h\n      request: { path: /healthz }\n      expect: { json: { "data..id": 1 } }\n`,
      ["--url"],
      '"data..id" is not a JSON path',
    ],
    [
      "the config is invalid",
      `${FAST}  checks:\n    - name: h\n      kind: vibes\n      request: { path: /healthz }\n`,
      ["--url"],
      "kind",
    ],
  ])("exits 2 without a request when %s", async (_what, smokeYaml, urlArgs, message) => {
    const dir = project(smokeYaml);
    const args = urlArgs.length > 0 ? ["--url", base] : [];
    const run = await smoke(dir, ["-e", "staging", ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(hits).toEqual([]);
  });

  it("exits 2 on a base URL with credentials, without printing them", async () => {
    const dir = project(`${FAST}  checks:\n    - name: h\n      request: { path: /healthz }\n`);
    const run = await smoke(dir, ["-e", "staging", "--url", base.replace("//", "//admin:hunter2@")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("smoke: --url must not hold credentials");
    expect(`${run.stdout}${run.stderr}`).not.toContain("hunter2");
    expect(hits).toEqual([]);
  });

  it("exits 2 without --environment", async () => {
    const run = await smoke(project(FAST), ["--url", base]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--environment is required");
  });

  it("runs from tools/qa/smoke-test.sh with the environment first and the other arguments passed through", async () => {
    routes["GET /healthz"] = json(200, {});
    const dir = project(
      `${FAST}  checks:\n    - name: health\n      kind: health\n      request: { path: /healthz }\n`,
    );
    const script = join(ROOT, "tools", "qa", "smoke-test.sh");
    const run = await spawned("bash", [script, "staging", "--url", base, "--format", "json"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [], summary: { files: 1, errors: 0 } });
    routes["GET /healthz"] = json(500, {});
    expect((await spawned("bash", [script, "staging", "--url", base], dir)).status).toBe(1);
  });

  it("tools/qa/smoke-test.sh without an environment first exits 2 with its usage", async () => {
    const script = join(ROOT, "tools", "qa", "smoke-test.sh");
    for (const args of [[], ["--url", base]]) {
      const run = await spawned("bash", [script, ...args], project(FAST));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("usage: tools/qa/smoke-test.sh <environment>");
    }
    expect(hits).toEqual([]);
  });

  it("runs the example shop's declared checks against a shop that answers them, and pre-deploy counts them", async () => {
    const password = "shop-pw-1";
    const token = "shop-session-7";
    routes["GET /healthz"] = json(200, { status: "ok" });
    routes["POST /api/session"] = (req, res, body) =>
      req.headers["x-smoke-password"] === password
        ? json(201, { token })(req, res, body)
        : json(401, {})(req, res, body);
    routes["GET /api/me"] = (req, res, body) =>
      json(req.headers.authorization === `Bearer ${token}` ? 200 : 401, { email: "smoke@shop.example" })(
        req,
        res,
        body,
      );
    routes["GET /cart"] = (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>Checkout</h1>");
    routes["GET /api/health/payments"] = json(200, { provider: "reachable" });
    const dir = tempRepo({}, "example-shop");
    try {
      const run = await smoke(dir, ["-e", "production", "--url", base], { SMOKE_PASSWORD: password });
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("4 of 4 smoke checks passed on production");
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain(password);
      const staging = runCli(["pre-deploy", "-e", "staging"], { cwd: dir });
      expect(staging.stdout).toMatch(/smoke checks declared +PASS +3 for staging/);
      // The shop adopts the strategy preset: pre-deploy judges its pipeline and rollout too, and both pass.
      expect(staging.stdout).toMatch(/pipeline gates deploys +PASS/);
      expect(staging.stdout).toMatch(/rollout fits the model +PASS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
