// The text-only reads of scripts whose only environment use is plain member reads
// (src/extract/script/plain-reads.ts): each case the text settles must give the tree's facts to the
// byte, and each case it does not must go to the tree.
import type { ExtractorContext, ScriptSource, SourceFileInfo } from "@deploylint/core/rule-api";
import { createLineIndex, parseScript } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import readExtractor, { scriptLinksExtractor } from "../../src/extract/read.js";
import { plainReads } from "../../src/extract/script/plain-reads.js";
import { plainFacts, treeFacts } from "./plain-reads-support.js";

/** Read from the text: the same facts as the tree's, and no links. */
const SETTLED = [
  "const port = process.env.PORT;",
  'const port = process.env.PORT ?? "3000";',
  'const port = process.env.PORT || "3000";',
  "if (process.env.DEBUG) console.log(1);",
  'export const on = process.env.FEATURE === "true";',
  'const off = "false" !== process.env.FEATURE;',
  "const missing = !process.env.TOKEN;",
  "const ok = Boolean(process.env.TOKEN);",
  "const id = process.env.APPLE_CLIENT_ID || process.env.APPLE_ID;",
  "const id = process.env.A || process.env.B || process.env.C;",
  "const id = x && process.env.A || process.env.B;",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a script's template literal, as source text
  "const url = `${process.env.BASE_URL}/api`;",
  'const hosts = process.env.HOSTS.split(",");',
  "const big = 1 + process.env.SIZE * 2;",
  "send({ key: process.env.API_KEY, mode: cond ? process.env.MODE : undefined });",
  "const mode = import.meta.env.VITE_MODE;",
  "if (import.meta.env.DEV) debug(import.meta.env.VITE_API);",
  "function f() {\n  return process.env.LATE\n    ? 1\n    : 2;\n}",
  'const re = /["\']/g;\nconst name = "a // not a comment";\nconst key = process.env.KEY;',
  "const days = Math.floor(Date.now() / 1000);\nif (ok) /'/.test(s);\nconst key = process.env.KEY;",
  "export const secret = process.env.SECRET!;",
  "function f() {\n  const secret = process.env.SECRET!;\n}",
  "const trimmed = process.env.NAME!.trim();",
  "send({ address: process.env.EMAIL_FROM as string });",
  'const from = process.env.EMAIL_FROM as string || "a@b.c";',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a script's template literal, as source text
  "const scripts = `<script>${process.env.TAG}</script>`;",
  "// the environment, 'dotenv/config'\nconst port = process.env.PORT;",
  // Writes read nothing; reads in comments are no code.
  'process.env.NODE_ENV = "test";',
  "delete process.env.TOKEN;",
  'beforeEach(() => {\n  process.env.A = "1";\n  delete process.env.B;\n});',
  'process.env.MAX = process.env.MAX || "5";',
  'process.env.MAX ??= "5";\nprocess.env.COUNT += "1";',
  'const a = process.env.A = "v";',
  'if (x) {\n  process.env.A = "v";\n}\nprocess.env.B = "w";',
  "// process.env.OLD\nconst port = process.env.PORT;",
  "/* process.env.OLD || */ const port = process.env.PORT;",
  // Chains whose other operands are no reads.
  "if (!user.isAdmin || process.env.CLOUD_MODE) stop();",
  "const a = process.env.A || fallback.value || process.env.B;",
  // An import of process under its own name changes no read.
  'import * as process from "node:process";\nconst port = process.env.PORT;',
  "import process from 'process';\nconst port = process.env.PORT ?? 3000;",
];

/** Forms the text does not settle: the tree reads them. */
const TO_THE_TREE: { why: string; code: string; path?: string }[] = [
  { why: "destructuring", code: "const { PORT } = process.env;" },
  { why: "an alias", code: "const env = process.env;\nconst port = env.PORT;" },
  { why: "a computed read", code: "const port = process.env[key];" },
  { why: "a destructuring target's default", code: "[process.env.A = 1] = list;" },
  { why: "a destructuring target after a comma", code: "[a, process.env.A = 1] = list;" },
  { why: "an object's property target", code: "({ a: process.env.A = 1 } = o);" },
  { why: "an assignment after a brace the text cannot place", code: "x = { process.env.A = 1 };" },
  { why: "an assignment after a closing brace on its line", code: "x = {} process.env.A = 1;" },
  { why: "an invalid assignment target", code: "a || process.env.A = 1;" },
  { why: "a delete of a member of the read", code: "delete process.env.A.b;" },
  { why: "a delete of an asserted read", code: "delete process.env.A!;" },
  { why: "an update", code: "process.env.A++;" },
  {
    why: "process under another name",
    code: 'import proc from "process";\nconst a = proc.env.A;\nconst b = process.env.B;',
  },
  {
    why: "env imported from process",
    code: 'import { env } from "node:process";\nconst a = env.A;\nconst b = process.env.B;',
  },
  { why: "env imported as process", code: 'import { env as process } from "process";\nconst b = process.env.B;' },
  { why: "a chain that starts with a call", code: "const a = f(x) || process.env.A;" },
  { why: "a chain beside ??", code: "const a = b ?? c;\nconst d = e || process.env.A;" },
  { why: "a chain whose left is in a comment", code: "a // process.env.OLD\n|| process.env.PORT;" },
  { why: "a cast to a type the text does not read", code: "const hosts = process.env.HOSTS as string[];" },
  { why: "a non-null assertion on a typed constant", code: "const secret: string = process.env.SECRET!;" },
  {
    why: "?? beside || (a syntax error the parser recovers from)",
    code: "const a = process.env.A ?? process.env.B || c;",
  },
  { why: "the right of for-in", code: "for (const k in process.env.A || d) {}" },
  { why: "a type query", code: "type Port = typeof process.env.PORT;" },
  { why: "a constructor that throws on undefined", code: "const url = new URL(process.env.URL);" },
  { why: "grouping parentheses", code: "const on = !(process.env.ON);" },
  { why: "a chain that starts with something else", code: 'const a = "d" || process.env.A;' },
  { why: "a call of the read", code: "process.env.HOOK();" },
  { why: "a read in a string", code: 'const a = "(process.env.OLD)";\nconst port = process.env.PORT;' },
  { why: "a line break ending the statement", code: "const a = process.env.A\nconst b = 1" },
  { why: "another use of the environment", code: "load(process.env);\nconst port = process.env.PORT;" },
  { why: "a name string", code: 'export const KEY = "API_URL";\nconst port = process.env.PORT;' },
  { why: "a division or a regex", code: "const a = {} / 2;\nconst port = process.env.PORT;" },
  { why: "a read in JSX", code: "const a = <p>{process.env.PORT}</p>;", path: "src/a.tsx" },
  { why: "JSX text", code: "const a = <p>process.env.PORT</p>;", path: "src/a.tsx" },
  { why: "JSX after an element", code: "const a = <p />;\nconst port = process.env.PORT;", path: "src/a.jsx" },
  {
    why: "a read after an attribute's string",
    code: 'const a = <p title="it\'s">{x}</p>;\nconst port = process.env.PORT;',
    path: "src/a.tsx",
  },
  { why: "a generic arrow in TSX", code: "const f = <T,>(x: T) => process.env.PORT;", path: "src/a.tsx" },
  { why: "an async generic arrow", code: "const f = async <T,>(x: T) => process.env.PORT;", path: "src/a.tsx" },
  {
    why: "a returned element",
    code: "function f() {\n  return <p />;\n}\nconst port = process.env.PORT;",
    path: "src/a.js",
  },
  { why: "an element after a control head", code: "if (a) <p />;\nconst port = process.env.PORT;", path: "src/a.jsx" },
  { why: "a build config", code: "export default { port: process.env.PORT };", path: "vite.config.ts" },
];

/** Files read with JSX: what stands before the first `<` that may open an element is settled from the text. */
const SETTLED_WITH_JSX: { code: string; path: string }[] = [
  { code: "const a = b < c;\nconst port = process.env.PORT;", path: "src/a.js" },
  { code: "const port = process.env.PORT;\nexport const A = () => <p>{port}</p>;", path: "src/a.tsx" },
  {
    code: "export default function Page() {\n  const url = process.env.NEXT_PUBLIC_URL;\n  return <a href={url}>link</a>;\n}",
    path: "src/page.jsx",
  },
  {
    code: 'const Page: React.FC<Props> = () => {\n  const [a] = useState<string>(process.env.A ?? "");\n  return <p>{a}</p>;\n};',
    path: "src/a.tsx",
  },
  { code: "const big = list[0] < 3 && process.env.DEBUG;", path: "src/a.mjs" },
];

describe("plainReads", () => {
  for (const { code, path } of SETTLED_WITH_JSX) {
    it(`gives the tree's reads for ${JSON.stringify(code)} in ${path}`, () => {
      const tree = treeFacts(code, path);
      if (!tree) throw new Error(`does not parse: ${code}`);
      expect(Object.values(tree.links).every((list) => list === undefined || list.length === 0)).toBe(true);
      const text = plainFacts(code, path);
      expect(text).toBeDefined();
      expect(JSON.stringify(text)).toBe(JSON.stringify(tree.reads));
    });
  }
  for (const code of SETTLED) {
    it(`gives the tree's reads for ${JSON.stringify(code)}`, () => {
      const tree = treeFacts(code, "src/a.ts");
      if (!tree) throw new Error(`does not parse: ${code}`);
      expect(Object.values(tree.links).every((list) => list === undefined || list.length === 0)).toBe(true);
      expect(JSON.stringify(plainFacts(code, "src/a.ts"))).toBe(JSON.stringify(tree.reads));
    });
  }
  for (const { why, code, path = "src/a.ts" } of TO_THE_TREE) {
    it(`leaves ${why} to the tree`, () => {
      expect(plainReads(code, path)).toBeNull();
    });
  }
});

describe("env-docs reads plain reads without the script's tree", () => {
  /** Runs both extractors on a script as the engine does, counting the reads of the tree. */
  function run(code: string) {
    const file: SourceFileInfo = { path: "src/a.ts", kind: "script", text: code, lines: createLineIndex(code) };
    const parsed = parseScript(code, file.path);
    if (!parsed.ok) throw new Error(parsed.error.message);
    let treeReads = 0;
    let scriptVisits = 0;
    const source = {
      comments: [],
      get program() {
        treeReads++;
        return parsed.source.program;
      },
    } as unknown as ScriptSource;
    const memo = new Map<string, unknown>();
    const facts: unknown[] = [];
    const context = {
      file,
      settings: {},
      source: () => source,
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      emit: (data: unknown) => facts.push(data),
    } as unknown as ExtractorContext;
    for (const extractor of [scriptLinksExtractor, readExtractor]) {
      const visitors = extractor.create(context);
      // As the engine dispatches: `file` for every file, `script` (which parses it) only when asked for.
      visitors?.file?.(file);
      if (visitors?.script) {
        scriptVisits++;
        visitors.script(source);
      }
    }
    return { treeReads, scriptVisits, facts };
  }

  it("emits the reads without asking for the script: the file is never parsed", () => {
    const { treeReads, scriptVisits, facts } = run('const port = process.env.PORT ?? "3000";');
    expect(treeReads).toBe(0);
    expect(scriptVisits).toBe(0);
    expect(facts).toEqual([
      { name: "PORT", via: "process.env", hasFallback: true, line: 1, column: 26, endLine: 1, endColumn: 30 },
    ]);
  });

  it("settles writes, deletes and reads in comments without the tree", () => {
    const { treeReads, scriptVisits, facts } = run(
      'beforeEach(() => {\n  process.env.MODE = "test";\n  delete process.env.TOKEN;\n});\n// process.env.OLD\nconst port = process.env.PORT;',
    );
    expect(treeReads).toBe(0);
    expect(scriptVisits).toBe(0);
    expect(facts).toEqual([{ name: "PORT", via: "process.env", line: 6, column: 26, endLine: 6, endColumn: 30 }]);
  });

  it("reads the tree when the text does not settle the reads", () => {
    const { treeReads, scriptVisits, facts } = run("const { PORT } = process.env;");
    expect(scriptVisits).toBe(2);
    expect(treeReads).toBeGreaterThan(0);
    expect(facts).toHaveLength(1);
  });
});
