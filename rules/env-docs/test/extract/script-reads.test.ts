// scriptReads over every form of environment access it knows, with exact positions.
import { createLineIndex, parseScript } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { scriptReads } from "../../src/extract/script-reads.js";

function reads(code: string, path = "src/a.ts"): string[] {
  const parsed = parseScript(code, path);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const lines = createLineIndex(code);
  return scriptReads(parsed.source.program, (offset) => lines.positionAt(offset)).map(
    (read) => `${read.name ?? "<dynamic>"} ${read.line}:${read.column}-${read.endColumn} ${read.via}`,
  );
}

describe("scriptReads", () => {
  it("reads process.env by dot, bracket, template and optional chaining", () => {
    const code = [
      "const a = process.env.A;",
      'const b = process.env["B"];',
      "const c = process.env[`C`];",
      "const d = process.env?.D;",
      "const e = process?.env?.E ?? 'x';",
      "const f = globalThis.process.env.F;",
    ].join("\n");
    expect(reads(code)).toEqual([
      "A 1:23-24 process.env",
      "B 2:24-25 process.env",
      "C 3:24-25 process.env",
      "D 4:24-25 process.env",
      "E 5:25-26 process.env",
      "F 6:34-35 process.env",
    ]);
  });

  it("reads destructured keys, with defaults and renames, but not the rest element", () => {
    const code = 'const { LOG_LEVEL = "info", SENTRY_DSN, "QUOTED": q, RENAMED: r, ...rest } = process.env;';
    expect(reads(code)).toEqual([
      "LOG_LEVEL 1:9-18 process.env",
      "SENTRY_DSN 1:29-39 process.env",
      "QUOTED 1:42-48 process.env",
      "RENAMED 1:54-61 process.env",
    ]);
  });

  it("reads destructuring in assignments and parameter defaults", () => {
    const code = "let X;\n({ X } = process.env);\nfunction f({ Y } = process.env) { return Y; }";
    expect(reads(code)).toEqual(["X 2:4-5 process.env", "Y 3:14-15 process.env"]);
  });

  it("follows a parameter that defaults to the environment, typed or destructured from an options object (a const key names the read at its string)", () => {
    const code = [
      "export function load(env = process.env) { return env.PORT; }",
      'const NAME = "API_URL";',
      "export function url(env: NodeJS.ProcessEnv = process.env) { return env[NAME]; }",
      "export function root({ env = process.env } = {}) { return env.DATA_DIR; }",
    ].join("\n");
    expect(reads(code)).toEqual([
      "PORT 1:54-58 process.env",
      "API_URL 2:15-22 process.env",
      "DATA_DIR 4:63-71 process.env",
    ]);
  });

  it("follows aliases of process.env and of process", () => {
    const code = [
      'import proc, { env as nodeEnv } from "node:process";',
      "const env = process.env;",
      "const { env: e2 } = proc;",
      "env.A; nodeEnv.B; e2.C; proc.env.D;",
    ].join("\n");
    expect(reads(code)).toEqual([
      "A 4:5-6 process.env",
      "B 4:16-17 process.env",
      "C 4:22-23 process.env",
      "D 4:34-35 process.env",
    ]);
  });

  it("reads through a project's own env module, upper-case names only", () => {
    const code = 'import { env } from "~/env";\nenv.DATABASE_URL; env.isProduction;';
    expect(reads(code)).toEqual(["DATABASE_URL 2:5-17 env module"]);
  });

  it("does not read through an unrelated object named env", () => {
    expect(reads('import { env } from "some-package";\nenv.DATABASE_URL;')).toEqual([]);
    expect(reads("const env = { A: 1 };\nenv.A;")).toEqual([]);
  });

  it("reads import.meta.env, Bun.env and Deno.env.get, skipping Vite's own keys", () => {
    const code = [
      "import.meta.env.VITE_API_URL; import.meta.env.MODE; import.meta.env.DEV;",
      'Bun.env.BUN_VAR; Bun.env["BUN_BRACKET"];',
      'Deno.env.get("DENO_VAR"); Deno.env.has("DENO_HAS"); Deno.env.toObject();',
    ].join("\n");
    expect(reads(code)).toEqual([
      "VITE_API_URL 1:17-29 import.meta.env",
      "BUN_VAR 2:9-16 Bun.env",
      "BUN_BRACKET 2:27-38 Bun.env",
      "DENO_VAR 3:15-23 Deno.env",
      "DENO_HAS 3:41-49 Deno.env",
    ]);
  });

  it("reads envalid and t3-env schemas at their keys", () => {
    const code = [
      'import { cleanEnv, str, port } from "envalid";',
      "export const env = cleanEnv(process.env, { API_KEY: str(), 'PORT_NUMBER': port({ default: 3000 }) });",
      "export const t3 = createEnv({",
      "  server: { DATABASE_URL: z.string().url() },",
      "  client: { NEXT_PUBLIC_SITE: z.string() },",
      "  runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL },",
      "});",
    ].join("\n");
    expect(reads(code)).toEqual([
      "API_KEY 2:44-51 envalid",
      "PORT_NUMBER 2:61-72 envalid",
      "DATABASE_URL 4:13-25 t3-env",
      "NEXT_PUBLIC_SITE 5:13-29 t3-env",
      "DATABASE_URL 6:43-55 process.env",
    ]);
  });

  it("reads SvelteKit's $env modules", () => {
    const code = [
      'import { API_KEY, PUBLIC_URL as url } from "$env/static/private";',
      'import { env } from "$env/dynamic/private";',
      "env.SECRET;",
    ].join("\n");
    expect(reads(code)).toEqual([
      "API_KEY 1:10-17 $env/static",
      "PUBLIC_URL 1:19-29 $env/static",
      "SECRET 3:5-11 $env/dynamic",
    ]);
  });

  it('reads a presence check ("X" in process.env)', () => {
    expect(reads('if ("FEATURE_X" in process.env) {}')).toEqual(["FEATURE_X 1:6-15 process.env"]);
  });

  it("does not count writes, deletes or method calls as reads", () => {
    const code = [
      'process.env.WRITTEN = "1";',
      "delete process.env.DELETED;",
      'process.env.hasOwnProperty("X");',
      "const all = { ...process.env };",
      "Object.keys(process.env);",
    ].join("\n");
    expect(reads(code)).toEqual([]);
  });

  it("reports a computed name once per file", () => {
    const code = "const a = process.env[name];\nconst b = process.env[other];\nDeno.env.get(key);";
    expect(reads(code)).toEqual(["<dynamic> 1:11-28 process.env"]);
  });

  it("reads through TypeScript casts and non-null assertions, in TSX", () => {
    const code =
      "const a = (process.env as Record<string, string>).A;\nconst b = process.env!.B;\nconst el = <div>{process.env.C}</div>;";
    expect(reads(code, "src/a.tsx")).toEqual([
      "A 1:51-52 process.env",
      "B 2:24-25 process.env",
      "C 3:30-31 process.env",
    ]);
  });
});

describe("scriptReads: whether a read has its own fallback (env check requires only `false`)", () => {
  function fallbacks(code: string): string[] {
    const parsed = parseScript(code, "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const lines = createLineIndex(code);
    return scriptReads(parsed.source.program, (offset) => lines.positionAt(offset)).map(
      (read) => `${read.name} ${read.hasFallback ?? "unsaid"}`,
    );
  }

  it("says true for ??, ||, destructuring defaults and presence tests", () => {
    const code = [
      'const a = process.env.A ?? "d";',
      'const b = process.env?.B || "d";',
      'const { C = "d", C2 } = process.env;',
      "if (process.env.D) {}",
      'const e = process.env.E === "true";',
      "const f = !process.env.F;",
      "const g = process.env.G ? 1 : 2;",
      "const h = Boolean(process.env.H);",
      'if ("I" in process.env) {}',
      'const j = (process.env.J as string) ?? "d";',
      "const k = process.env.K && start();",
    ].join("\n");
    expect(fallbacks(code)).toEqual([
      "A true",
      "B true",
      "C true",
      "C2 unsaid",
      "D true",
      "E true",
      "F true",
      "G true",
      "H true",
      "I true",
      "J true",
      "K true",
    ]);
  });

  it("says false only for a value asserted present or one `new URL` throws on, in code that surely runs", () => {
    const code = [
      "const a = process.env.A!;",
      "const b = new URL(process.env.B);",
      'const c = new URL("/x", process.env.C);',
      "const d = process.env.D;",
      "connect(process.env.E);",
      'const f = other ?? process.env["F"];',
      // Code that may never run: a provider built only when enabled, a branch, a guarded URL.
      "const build = () => provider({ id: process.env.G! });",
      "if (process.env.H) { const proxy = new URL(process.env.H); }",
      "const i = enabled ? process.env.I! : undefined;",
      "const j = enabled && new URL(process.env.J);",
      "class K { url = new URL(process.env.K); }",
      "for (const x of xs) use(process.env.L!);",
      "try { new URL(process.env.M); } catch { use(process.env.N!); }",
      "const providers = [oauth({ issuer: process.env.O! })];",
      "export const p = process.env.P!;",
      "let q = process.env.Q!;",
    ].join("\n");
    expect(fallbacks(code)).toEqual([
      "A false",
      "B false",
      "C unsaid",
      "D unsaid",
      "E unsaid",
      "F unsaid",
      "G unsaid",
      // Source order: the `if` test's read, then its branch's (oxc's keys come in source order).
      "H true",
      "H unsaid",
      "I unsaid",
      "J unsaid",
      "K unsaid",
      "L unsaid",
      "M false",
      "N unsaid",
      "O unsaid",
      "P false",
      "Q unsaid",
    ]);
  });

  it("follows @silverhand/essentials: getEnv with a default has one, assertEnv has none", () => {
    const code = [
      'import { assertEnv, getEnv } from "@silverhand/essentials";',
      'const a = getEnv("A", "d");',
      'const b = assertEnv("B");',
      'const c = getEnv("C");',
    ].join("\n");
    expect(fallbacks(code)).toEqual(["A true", "B false", "C unsaid"]);
  });
});
