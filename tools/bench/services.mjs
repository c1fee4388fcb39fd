// One generated service of the benchmark monorepo: TypeScript sources (a few reading env vars),
// YAML/JSON config, its .env.example and deploy env files, a workflow, and any planted secrets.
import { plantedSecret } from "./secrets.mjs";

const MODULES = ["handlers", "models", "repositories", "services", "jobs", "utils", "clients", "middleware"];
const ENTITIES = ["order", "invoice", "customer", "payment", "refund", "product", "cart", "shipment", "coupon", "user"];
const VERBS = ["create", "update", "find", "list", "archive", "sync", "validate", "render", "publish", "reconcile"];
const SHARED_VARS = ["DATABASE_URL", "LOG_LEVEL", "SENTRY_DSN", "APP_ENV"];
const SERVICE_VAR_SUFFIXES = [
  ["API_URL", "url", "http://localhost:8080"],
  ["TIMEOUT_MS", "number", "5000"],
  ["MAX_RETRIES", "number", "3"],
  ["QUEUE_NAME", "string", "default"],
  ["REDIS_URL", "url", "redis://localhost:6379"],
  ["FEATURE_FLAGS", "string", "beta-checkout,new-search"],
  ["API_TOKEN", "secret", "replace-me"],
  ["WEBHOOK_SECRET", "secret", "change-me"],
  ["BATCH_SIZE", "number", "500"],
  ["CACHE_TTL_SECONDS", "number", "300"],
];

/**
 * @param {{ random: ReturnType<typeof import("./random.mjs").createRandom>, name: string, index: number,
 *   sources: number, plants: Map<string, string[]> }} options
 * @returns {Map<string, string>}
 */
export function serviceFiles({ random, name, index, sources, plants }) {
  const root = `services/${name}`;
  const prefix = name.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const vars = serviceVars(random, prefix);
  const files = new Map();
  files.set(`${root}/package.json`, packageJson(name, index));
  files.set(`${root}/tsconfig.json`, tsconfig());
  files.set(`${root}/README.md`, `# ${name}\n\nOwns the ${name} domain. Configuration: see \`.env.example\`.\n`);
  files.set(`${root}/Dockerfile`, dockerfile(name));
  files.set(`${root}/.env.example`, envExample(random, vars));
  files.set(`${root}/config/default.yaml`, defaultYaml(random, name));
  files.set(`${root}/config/staging.yaml`, envYaml(random, "staging"));
  files.set(`${root}/config/features.json`, featuresJson(random));
  files.set(`${root}/deploy/staging.env`, deployEnv(random, { vars, env: "staging" }));
  files.set(`${root}/deploy/production.env`, deployEnv(random, { vars, env: "production" }));
  files.set(`.github/workflows/deploy-${name}.yml`, workflow(name));
  files.set(`${root}/src/config.ts`, configTs(vars));
  files.set(`${root}/src/index.ts`, indexTs(name));
  for (let i = 0; i < sources; i++) {
    const module = MODULES[i % MODULES.length];
    const entity = ENTITIES[Math.floor(i / MODULES.length) % ENTITIES.length];
    const round = Math.floor(i / (MODULES.length * ENTITIES.length));
    const stem = `${entity}-${module.replace(/ies$/, "y").replace(/s$/, "")}${round === 0 ? "" : `-${round}`}`;
    const isTest = random.chance(0.25);
    const path = isTest ? `${root}/test/${module}/${stem}.test.ts` : `${root}/src/${module}/${stem}.ts`;
    files.set(path, isTest ? testTs(random, entity) : sourceTs({ random, module, entity, vars }));
  }
  for (const kind of plants.get(name) ?? []) {
    const plant = plantedSecret({ random, kind, root });
    const existing = files.get(plant.path);
    files.set(plant.path, existing === undefined ? plant.text : `${existing}${plant.text}`);
  }
  return files;
}

function serviceVars(random, prefix) {
  const own = SERVICE_VAR_SUFFIXES.filter(() => random.chance(0.6)).map(([suffix, type, example]) => ({
    name: `${prefix}_${suffix}`,
    type,
    example,
  }));
  const shared = SHARED_VARS.filter(() => random.chance(0.7)).map((name) => ({ name, type: "shared", example: "" }));
  return [...own, ...shared];
}

function packageJson(name, index) {
  const manifest = {
    name: `@bench/${name}`,
    version: `1.${index % 20}.0`,
    private: true,
    type: "module",
    main: "dist/index.js",
    scripts: { build: "tsc -b", test: "vitest run", start: "node dist/index.js" },
    dependencies: { pg: "^8.11.0", pino: "^9.0.0", zod: "^3.23.0" },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function tsconfig() {
  return `${JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { outDir: "dist", rootDir: "src" }, include: ["src"] }, null, 2)}\n`;
}

function dockerfile(name) {
  return `FROM node:20-slim\nWORKDIR /app\nCOPY services/${name} .\nRUN npm ci --omit=dev && npm run build\nUSER node\nCMD ["node", "dist/index.js"]\n`;
}

function envExample(random, vars) {
  const lines = [];
  for (const variable of vars) {
    if (variable.type === "shared") continue;
    // Most variables are documented; a few are left undocumented, as in real repositories.
    if (random.chance(0.08)) continue;
    const sensitive = variable.type === "secret" ? " @sensitive" : "";
    const rotation = variable.type === "secret" && random.chance(0.5) ? " @rotation=90d" : "";
    lines.push(
      `# ${describe(variable.name)}`,
      `# @required${sensitive}${rotation}`,
      `${variable.name}=${variable.example}`,
      "",
    );
  }
  return lines.length === 0
    ? "# This service reads only the shared variables documented at the root.\n"
    : lines.join("\n");
}

function describe(name) {
  const words = name.toLowerCase().split("_").join(" ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} for this service.`;
}

function deployEnv(random, { vars, env }) {
  const lines = [`# ${env} settings; secrets come from the vault at deploy time.`];
  for (const variable of vars) {
    if (variable.type === "secret" || variable.type === "shared") continue;
    const value = variable.type === "url" ? variable.example.replace("localhost", `${env}.internal`) : variable.example;
    lines.push(`${variable.name}=${value}`);
  }
  lines.push(`LOG_LEVEL=${env === "production" ? "warn" : random.pick(["info", "debug"])}`);
  return `${lines.join("\n")}\n`;
}

function defaultYaml(random, name) {
  return `# Defaults for ${name}; environment files override them.
server:
  port: ${random.int(3000, 9000)}
  host: 0.0.0.0
  request_timeout_ms: ${random.int(1, 30) * 1000}
database:
  pool:
    min: 2
    max: ${random.int(5, 40)}
  statement_timeout_ms: ${random.int(1, 10) * 1000}
logging:
  level: info
  format: json
queues:
${["default", "mail", "webhooks", "reports"]
  .filter(() => random.chance(0.7))
  .map((queue) => `  - name: ${queue}\n    concurrency: ${random.int(1, 16)}`)
  .join("\n")}
`;
}

function envYaml(random, env) {
  return `logging:\n  level: ${random.pick(["info", "debug"])}\nmetrics:\n  enabled: true\n  prefix: ${env}\n`;
}

function featuresJson(random) {
  const flags = {};
  for (const flag of ["new-checkout", "search-v2", "bulk-export", "dark-mode", "smart-retry"]) {
    flags[flag] = { enabled: random.chance(0.5), rollout: random.int(0, 100) };
  }
  return `${JSON.stringify({ flags }, null, 2)}\n`;
}

function workflow(name) {
  return `name: deploy-${name}
on:
  push:
    branches: [main]
    paths: ["services/${name}/**"]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci --workspace services/${name}
      - run: npm test --workspace services/${name}
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    env:
      DATABASE_URL: \${{ secrets.DATABASE_URL }}
      NODE_ENV: production
    steps:
      - uses: actions/checkout@v4
      - run: npm ci --workspace services/${name}
      - run: npm run build --workspace services/${name}
      - run: ./scripts/deploy.sh ${name}
`;
}

function configTs(vars) {
  const lines = ["// Runtime configuration, read once from the environment at start-up.", ""];
  const [destructured, dotted] = [vars.slice(0, 2), vars.slice(2)];
  if (destructured.length > 0) {
    const names = destructured.map((v, i) => (i === 0 ? v.name : `${v.name} = "${v.example}"`));
    lines.push(`const { ${names.join(", ")} } = process.env;`, "");
  }
  lines.push("export const config = {");
  for (const variable of destructured) lines.push(`  ${camel(variable.name)}: ${variable.name},`);
  for (const [i, variable] of dotted.entries()) {
    const read = i % 3 === 2 ? `process.env["${variable.name}"]` : `process.env.${variable.name}`;
    const value = variable.type === "number" ? `Number(${read} ?? "${variable.example}")` : read;
    lines.push(`  ${camel(variable.name)}: ${value},`);
  }
  lines.push("} as const;", "", "export type Config = typeof config;", "");
  return lines.join("\n");
}

function camel(name) {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, ch) => ch.toUpperCase());
}

function indexTs(name) {
  return `// Entry point of the ${name} service.
import { createServer } from "node:http";
import { config } from "./config.js";

const server = createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ service: "${name}", path: request.url }));
});

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.log("${name} listening", Object.keys(config).length);
});
`;
}

function sourceTs({ random, module, entity, vars }) {
  const type = `${entity.charAt(0).toUpperCase()}${entity.slice(1)}`;
  const parts = [`// ${type} ${module}: ${random.pick(VERBS)} and ${random.pick(VERBS)} ${entity} records.`];
  parts.push(`import type { Config } from "../config.js";`, "");
  parts.push(
    `export interface ${type} {\n  id: string;\n  status: "pending" | "active" | "archived";\n  createdAt: Date;\n  amountCents: number;\n  metadata: Record<string, string>;\n}`,
  );
  for (let i = random.int(2, 6); i > 0; i--) parts.push(functionBlock({ random, type, entity, module }));
  // About one source file in ten reads a variable directly rather than through config.ts.
  const direct = vars.filter((v) => v.type !== "shared");
  if (direct.length > 0 && random.chance(0.1)) {
    const variable = random.pick(direct);
    parts.push(`export const ${camel(variable.name)}Override = process.env.${variable.name} ?? "${variable.example}";`);
  }
  return `${parts.join("\n\n")}\n`;
}

function functionBlock({ random, type, entity, module }) {
  const verb = random.pick(VERBS);
  const name = `${verb}${type}${random.int(1, 999)}`;
  if (module === "repositories") {
    return `export async function ${name}(db: { query(sql: string, params: unknown[]): Promise<{ rows: ${type}[] }> }, id: string): Promise<${type} | undefined> {
  const result = await db.query(
    "SELECT id, status, created_at, amount_cents, metadata FROM ${entity}s WHERE id = $1 AND status <> 'archived'",
    [id],
  );
  return result.rows[0];
}`;
  }
  if (module === "handlers") {
    return `export async function ${name}(request: { params: Record<string, string> }, config: Config): Promise<{ status: number; body: unknown }> {
  const id = request.params.id;
  if (!id) return { status: 400, body: { error: "Missing ${entity} id." } };
  const limit = Math.min(Number(request.params.limit ?? 50), 200);
  return { status: 200, body: { id, limit, region: Object.keys(config).length } };
}`;
  }
  return `export function ${name}(items: readonly ${type}[], threshold = ${random.int(1, 5000)}): ${type}[] {
  const seen = new Set<string>();
  const out: ${type}[] = [];
  for (const item of items) {
    if (seen.has(item.id) || item.amountCents < threshold) continue;
    seen.add(item.id);
    out.push({ ...item, metadata: { ...item.metadata, checkedBy: "${module}" } });
  }
  return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}`;
}

function testTs(random, entity) {
  const cases = [];
  for (let i = random.int(2, 5); i > 0; i--) {
    cases.push(`  it("handles ${entity} case ${i}", () => {
    const items = [{ id: "${entity}-${i}", amountCents: ${random.int(1, 9999)} }];
    expect(items.filter((item) => item.amountCents > ${random.int(0, 5000)}).length).toBeLessThanOrEqual(1);
  });`);
  }
  return `import { describe, expect, it } from "vitest";\n\ndescribe("${entity}", () => {\n${cases.join("\n\n")}\n});\n`;
}
