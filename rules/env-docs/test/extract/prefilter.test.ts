// The text prefilter that decides which scripts env-docs parses (src/extract/script/prefilter.ts).
// Each case is checked against what the parser and scriptFacts really give, so a "keep" case is
// one that gives the fact named, and a "drop" case one that gives none (a look-alike).
import type { ExtractorContext, SourceFileInfo } from "@deploylint/core/rule-api";
import { createLineIndex, parseScript } from "@deploylint/core/sources";
import { describe, expect, it, vi } from "vitest";
import readExtractor, { scriptLinksExtractor } from "../../src/extract/read.js";
import { mayGiveLinks, mayGiveReads } from "../../src/extract/script/prefilter.js";
import { scriptFacts } from "../../src/extract/script-reads.js";

/** "reads", or a ScriptLinks key: what scriptFacts gives for a script. */
function factKinds(code: string, path: string): string[] {
  const parsed = parseScript(code, path);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const lines = createLineIndex(code);
  const facts = scriptFacts(parsed.source.program, (offset) => lines.positionAt(offset), path);
  const kinds = facts.reads.length > 0 ? ["reads"] : [];
  for (const [key, value] of Object.entries(facts.links))
    if (value !== undefined && (!Array.isArray(value) || value.length > 0)) kinds.push(key);
  return kinds;
}

interface Case {
  fact: string;
  path?: string;
  code: string;
}

const KEEP: Case[] = [
  { fact: "reads", code: "const port = process.env.PORT;" },
  { fact: "reads", code: "const port = process\n  // the listening port\n  .env.PORT;" },
  { fact: "reads", code: 'const key = process["env"].KEY;' },
  { fact: "reads", code: "const { env } = process;\nconst key = env.KEY;" },
  { fact: "reads", code: 'import { env } from "$env/dynamic/private";\nconst key = env.KEY;' },
  { fact: "reads", code: 'import Env from "./env";\nconst url = Env.API_URL;' },
  { fact: "reads", code: 'import { KEY } from "$env/static/private";' },
  { fact: "reads", code: 'import proc from "node:process";\nconst port = proc.env.PORT;' },
  { fact: "reads", code: "const port = (process as NodeJS.Process).env.PORT;" },
  { fact: "reads", code: "process.env.A = process.env.B;" },
  { fact: "reads", code: 'if (process.env.NODE_ENV == "test") start();' },
  { fact: "reads", code: "const debug = import.meta.env.DEV || import.meta.env.VITE_DEBUG;" },
  { fact: "reads", code: 'const url = "http://x"; // a comment\nconst key = process.env.KEY;' },
  { fact: "reads", code: "const url = import.meta.env.VITE_URL;" },
  { fact: "reads", code: "export const e = createEnv({ server: { DATABASE_URL: z.string() }, runtimeEnv: {} });" },
  { fact: "reads", code: 'import { getEnv } from "@silverhand/essentials";\nconst port = getEnv("PORT");' },
  {
    fact: "reads",
    path: "nuxt.config.ts",
    code: 'export default defineNuxtConfig({ runtimeConfig: { apiSecret: "" } });',
  },
  { fact: "memberReads", code: 'import { config } from "./config";\n// environment\nlisten(config.PORT);' },
  { fact: "memberReads", code: 'import config from "./config";\n// environment\nlisten(config!.PORT);' },
  { fact: "memberReads", code: 'import config from "./config";\n// environment\nlisten(config // the port\n  .PORT);' },
  { fact: "calls", code: 'import { getEnv } from "./helpers";\nconst a = new // a comment\n  getEnv;' },
  { fact: "calls", code: 'import { required } from "./settings";\nrequired("API_URL");' },
  { fact: "calls", code: 'import { getEnv } from "./helpers";\ngetEnv(name);' },
  { fact: "calls", code: 'import { getEnv } from "./helpers";\ngetEnv<string>(name);' },
  { fact: "calls", code: 'import { getEnv as read } from "./helpers";\nread(name);' },
  { fact: "calls", code: 'import * as helpers from "./helpers";\nhelpers.getEnv(name);' },
  { fact: "calls", code: 'import { EnvSet } from "#src/env-set/index.js";\nconst set = new EnvSet("main");' },
  { fact: "reExports", code: 'export * from "./env";' },
  { fact: "reExports", code: 'export { loadEnv as load } from "./env";' },
  { fact: "reExports", code: 'export type { EnvSet } from "./env-set";' },
  { fact: "constants", code: 'export const KEY = "API_URL";' },
  { fact: "constants", code: "export const KEY = 'API_URL';" },
  { fact: "constants", code: "// environment\nexport enum Keys { Url = `API_URL` }" },
  { fact: "schemas", code: "// environment\nexport const spec = { PORT: port(), HOST: str() };" },
  {
    fact: "schemas",
    code: "// environment\nexport const spec = { ...base, PORT: port() };\nconst base = { HOST: str() };",
  },
  // A string reaches a helper's argument or an exported constant through values only; each of
  // these is a value the prefilter must not mistake for a dead one.
  {
    fact: "calls",
    code: 'import { required } from "./settings";\nconst opts = { key: "API_URL" };\nrequired(opts.key);',
  },
  {
    fact: "calls",
    code: 'import { required } from "./settings";\nfunction read({ key }) {\n  return required(key);\n}\nread({ key: "API_URL" });',
  },
  { fact: "calls", code: 'import * as settings from "./settings";\nsettings.required("API_URL");' },
  { fact: "calls", code: 'import * as settings from "./settings";\n(settings).required("API_URL");' },
  {
    fact: "calls",
    code: 'import { required } from "./settings";\nclass A {\n  get(k) { return required(k); }\n  run() { this.get("API_URL"); }\n}',
  },
  { fact: "calls", code: 'import { required } from "./settings";\nrequired(flag ? "API_URL" : "DB_URL");' },
  { fact: "calls", code: 'import { required } from "./settings";\nconst old = "DB_URL";\nrequired(old || "API_URL");' },
  { fact: "calls", code: 'import { required } from "./settings";\nrequired("a //", "API_URL");' },
  { fact: "calls", code: 'import { required } from "./settings";\nconst key = `API_URL`;\nrequired(key);' },
  {
    fact: "calls",
    path: "src/a.tsx",
    code: 'import { required } from "./settings";\nconst key="API_URL";\nrequired(key);',
  },
  { fact: "calls", code: 'import { requiredAll } from "./settings";\nrequiredAll(["API_URL", "DB_URL"]);' },
  { fact: "memberReads", code: 'import config from "./config";\n// environment\nlisten(config["API_PORT"]);' },
  { fact: "memberReads", code: 'import config from "./config";\n// environment\nconst port: number = config.PORT;' },
  { fact: "memberReads", code: 'import config from "./config";\n// environment\nconst a = { b: config.API_URL };' },
  { fact: "constants", code: '// environment\nexport const KEYS = { url: "API_URL" };' },
  { fact: "constants", code: '// environment\nconst KEYS = { url: "API_URL" };\nexport default KEYS;' },
  { fact: "constants", code: '// environment\nconst KEYS = ["API_URL", "DB_URL"];\nexport { KEYS as keys };' },
  { fact: "schemas", code: "// environment\nconst spec = { PORT: port() };\nexport { spec };" },
  {
    fact: "schemas",
    code: "// environment\nexport const spec = z.object({ PORT: z.string() }).extend({ HOST: z.string() });",
  },
  { fact: "schemas", code: "// environment\nexport const spec = <Spec>{ PORT: port() };" },
  { fact: "envExports", code: "export default process.env;" },
  { fact: "lookups", code: 'import { KEYS } from "./keys";\nconst url = process.env[KEYS.url];' },
  { fact: "helpers", code: "export function read(name: string) {\n  return process.env[name];\n}" },
  { fact: "schemaUses", code: 'import { envSchema } from "./schema";\nenvSchema.parse(process.env);' },
  { fact: "toolReads", code: 'import * as Sentry from "@sentry/node";\nSentry.init({});' },
  { fact: "buildEnv", path: "next.config.js", code: 'module.exports = { env: { basePath: "/x" } };' },
  { fact: "viteEnvPrefixes", path: "vite.config.ts", code: "export default {};" },
];

/** Scripts that mention "env" (the old gate parsed them all) and give no fact. */
const DROP: Case[] = [
  {
    fact: "an app's EnvSet",
    code: 'import { EnvSet } from "#src/env-set/index.js";\nconst { isProduction } = EnvSet.values;',
  },
  { fact: "a word", code: 'const message = "enviar el formulario";' },
  { fact: "a word", code: "// Runs in every environment.\nexport const retries = 3;" },
  { fact: "a .env file's name", code: 'import dotenv from "dotenv";\ndotenv.config({ path: "../.env" });' },
  {
    fact: "a library's constant",
    code: 'import { z } from "zod";\n// environment\nconst big = Number.MAX_SAFE_INTEGER;',
  },
  { fact: "a call with a plain word", code: 'import { t } from "./i18n";\nt("enviar");' },
  {
    fact: "a local env-named function",
    code: 'import { x } from "./x";\nfunction EnvironmentVariables() {}\nEnvironmentVariables();',
  },
  { fact: "a library's env-named method", code: 'import { vi } from "vitest";\nvi.stubEnv("mode", "test");' },
  { fact: "an exported type", code: 'export type EnvName = "dev" | "prod";' },
  { fact: "an exported sentence", code: 'export const title = "L\'environnement";' },
  { fact: "an exported word", code: 'export const label = "Environment";' },
  { fact: "an exported object of settings", code: '// environment\nexport const theme = { primary: "#fff" };' },
  { fact: "a local export list", code: "const envName = 1;\nexport { envName };" },
  // UPPER strings where no name is built from them (the prefilter once parsed every script that
  // imports and holds one).
  { fact: "a comparison", code: 'import { send } from "./send";\n// env\nif (method === "POST") send();' },
  { fact: "a comparison", code: 'import { send } from "./send";\n// env\nif ("POST" !== method) send();' },
  { fact: "a case", code: 'import { send } from "./send";\n// env\nswitch (m) {\n  case "POST":\n    send();\n}' },
  { fact: "a union type", code: 'import { send } from "./send";\n// env\ntype Verb = "GET" | "POST";' },
  { fact: "a test's expectation", code: 'import { expect } from "vitest";\n// env\nexpect(code).toBe("ERR_CLOSED");' },
  { fact: "a method's argument", code: 'import { a } from "./a";\n// env\nres.headers.set("X_TRACE", a);' },
  { fact: "an object's key", code: 'import { send } from "./send";\n// env\nsend({ "API_URL": 1 });' },
  { fact: "a property never read", code: 'import { render } from "./render";\n// env\nrender({ country: "US" });' },
  { fact: "a return", code: 'import { a } from "./a";\n// env\nexport function key() {\n  return "API_URL";\n}' },
  { fact: "a line comment", code: 'import { a } from "./a";\n// env: set "API_URL"\na();' },
  { fact: "a block comment", code: 'import { a } from "./a";\n/**\n * Needs `API_URL` in the env.\n */\na();' },
  {
    fact: "a name quoted in a message",
    code: "import { a } from \"./a\";\nthrow new Error('Set `API_URL` in the env');",
  },
  {
    fact: "a JSX attribute",
    path: "src/a.tsx",
    code: 'import { Input } from "./input";\n// env\nexport const F = () => <Input placeholder="API_URL" />;',
  },
  {
    fact: "a frozen default export",
    code: '// env\nexport default Object.freeze({ settings: { title: "SETTINGS" } });',
  },
  // `env` where no environment object is read.
  { fact: "a test tool's env", code: 'cy.get("input").type(Cypress.env("user"));' },
  { fact: "a commented-out read", code: '// if (process.env.NODE_ENV === "development") {\nstart();' },
  { fact: "a write", code: 'process.env.CLIENT_IP_HEADER = "x-ip";\nprocess.env.MODE ??= "test";' },
  { fact: "one of Vite's own", code: "if (import.meta.env.DEV) start();" },
  {
    fact: "an UPPER export list",
    code: '// environment\nconst THEME_COLORS = { primary: "#fff" };\nexport { THEME_COLORS };',
  },
  {
    fact: "a returned object of UPPER keys",
    code: "// environment\nexport const getEnvData = () => {\n  return { DISABLE_REGISTRATION: flag(), PORT: 3 };\n};",
  },
  {
    fact: "a query's nested UPPER key",
    code: "// environment\nexport const count = () => db.count({ where: { OR: [{ a: 1 }, { AND: 2 }] } });",
  },
  {
    fact: "a declared variable's type",
    code: 'import React from "react";\n// environment\nexport const Page: React.FC<Props> = () => null;\nexport default Page;',
  },
  {
    fact: "an UPPER constant in a template's substitution",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a script's template literal, as source text
    code: "// environment\nconst FORMAT = 2;\nconst url = `/api?format=${FORMAT}`;\nexport default url;",
  },
];

describe("env-docs script prefilter", () => {
  for (const { fact, path = "src/a.ts", code } of KEEP) {
    it(`keeps a script giving ${fact}: ${JSON.stringify(code.slice(0, 60))}`, () => {
      expect(factKinds(code, path)).toContain(fact);
      const gate = fact === "reads" ? mayGiveReads : mayGiveLinks;
      expect(gate(code, path)).toBe(true);
    });
  }
  for (const { fact, path = "src/a.ts", code } of DROP) {
    it(`drops ${fact}: ${JSON.stringify(code.slice(0, 60))}`, () => {
      expect(/env/i.test(code)).toBe(true);
      expect(factKinds(code, path)).toEqual([]);
      expect(mayGiveReads(code, path)).toBe(false);
      expect(mayGiveLinks(code, path)).toBe(false);
    });
  }
});

describe("env-docs asks for a tree only for scripts that may give a fact", () => {
  /** How many of the scripts the extractors ask the engine to parse (create() returns visitors). */
  function treesAskedFor(cases: readonly Case[]): number {
    let count = 0;
    for (const { path = "src/a.ts", code } of cases) {
      const file: SourceFileInfo = { path, kind: "script", text: code, lines: createLineIndex(code) };
      const context = { file, settings: {}, memo: <T>(_key: string, compute: () => T) => compute() };
      const asks = [readExtractor, scriptLinksExtractor].some(
        (extractor) => extractor.create(context as unknown as ExtractorContext) !== null,
      );
      if (asks) count++;
    }
    return count;
  }

  it("scans a script's text for a mention of env once for both extractors", () => {
    // The scan reads the whole text of every script in the repository, most of which name nothing.
    const code = "export const retries = 3;";
    const file: SourceFileInfo = { path: "src/other.ts", kind: "script", text: code, lines: createLineIndex(code) };
    const context = { file, settings: {}, memo: <T>(_key: string, compute: () => T) => compute() };
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      for (const extractor of [scriptLinksExtractor, readExtractor])
        expect(extractor.create(context as unknown as ExtractorContext)).toBeNull();
      const scans = test.mock.contexts.filter((regex) => (regex as RegExp).source === "env|runtimeConfig");
      expect(scans).toHaveLength(1);
    } finally {
      test.mockRestore();
    }
  });

  it("parses every script that gives a fact and none of the look-alikes", () => {
    expect(treesAskedFor(KEEP)).toBe(KEEP.length);
    expect(treesAskedFor(DROP)).toBe(0);
  });
});

describe("the environment prefilter skips what the text cannot hold", () => {
  /** The sources of the regular expressions `work` tests. */
  function regexesTested(work: () => void): string[] {
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      work();
      return test.mock.contexts.map((regex) => (regex as RegExp).source);
    } finally {
      test.mockRestore();
    }
  }
  const envModule = (source: string) => source.startsWith("(?:import|as)");

  it("does not look for an env module in a text without an `env` word", () => {
    // The env-module pattern is tried at every "as" and "import": the dearest of the scans.
    for (const code of [
      'import { a as b } from "./c";\nexport const KEY = "API_URL";',
      "// the environment, as set\nimport x from 'y';\nx.run();",
    ]) {
      expect(mayGiveReads(code, "src/a.ts")).toBe(false);
      expect(regexesTested(() => mayGiveReads(`${code}\n`, "src/a.ts")).some(envModule)).toBe(false);
    }
  });

  it("still finds an env module", () => {
    expect(mayGiveReads('import Env from "@/env";\nEnv.PORT;', "src/a.ts")).toBe(true);
    expect(mayGiveReads('import * as ENV from "./config";', "src/a.ts")).toBe(true);
  });
});
