// Tests of the script source kind: dialect by extension, comments, and syntax errors as offsets.
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { describe, expect, it, vi } from "vitest";
import { parseScript, SCRIPT_EXTENSIONS } from "../../src/sources/script.js";
import { langOf, nodeRunsOxc } from "../../src/sources/script-oxc.js";

function program(text: string, path: string): TSESTree.Program {
  const result = parseScript(text, path);
  if (!result.ok) throw new Error(`expected ${path} to parse: ${result.error.message}`);
  return result.source.program;
}

function firstInit(text: string, path: string): TSESTree.Expression | null {
  const statement = program(text, path).body[0];
  if (statement?.type !== "VariableDeclaration") throw new Error("expected a variable declaration");
  return statement.declarations[0]?.init ?? null;
}

describe("parseScript", () => {
  it("parses TypeScript with types, casts and ranges", () => {
    const text = "const port: number = <number>load();\nexport type Env = { url: string };\n";
    const init = firstInit(text, "src/config.ts");
    expect(init?.type).toBe("TSTypeAssertion");
    expect(init?.range).toEqual([21, 35]);
    expect(program(text, "src/config.ts").body[1]?.type).toBe("ExportNamedDeclaration");
  });

  it("parses .mts and .cts as TypeScript", () => {
    expect(firstInit("const a = <T,>(x: T) => x;", "a.mts")?.type).toBe("ArrowFunctionExpression");
    expect(firstInit("const a = x as string;", "a.cts")?.type).toBe("TSAsExpression");
  });

  it("parses TSX with JSX elements", () => {
    const init = firstInit("const el = <Button kind={k as Kind}>Go</Button>;", "src/app.tsx");
    expect(init?.type).toBe("JSXElement");
  });

  it("parses JSX in .js, .jsx and .mjs files", () => {
    for (const path of ["src/app.js", "src/app.jsx", "src/app.mjs"]) {
      expect(firstInit("const el = <div className={cls}>{process.env.API_URL}</div>;", path)?.type).toBe("JSXElement");
    }
  });

  it("parses plain JavaScript, including comparisons that look like tags", () => {
    const init = firstInit("const ok = a < b && c > d;", "lib/index.cjs");
    expect(init?.type).toBe("LogicalExpression");
  });

  it("rejects JSX in a .ts file with the offset of the error", () => {
    const text = "const el = <div/>;";
    const result = parseScript(text, "a.ts");
    expect(result.ok).toBe(false);
    // TypeScript reads `<div` as the start of a type assertion and fails at the `/`.
    if (!result.ok) expect(result.error.offset).toBe(text.indexOf("/"));
  });

  it("reports a syntax error with its message and offset instead of throwing", () => {
    const text = "const ok = 1;\nconst broken = ;\n";
    const result = parseScript(text, "src/broken.ts");
    expect(result).toEqual({ ok: false, error: { message: "Unexpected token", offset: text.indexOf(";\n", 14) } });
  });

  it("reports an unclosed block at the end of the file", () => {
    const text = "function f() {\n  return 1;\n";
    const result = parseScript(text, "a.js");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe("Expected `}` but found `EOF`");
      expect(result.error.offset).toBe(text.length);
    }
  });

  it("keeps line and block comments with their ranges", () => {
    const text = "// deploylint-disable-next-line secrets/no-private-key -- fixture\nconst k = 1; /* why */\n";
    const result = parseScript(text, "a.ts");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const comments = result.source.comments.map((c) => ({ type: c.type, value: c.value, range: c.range }));
    expect(comments).toEqual([
      { type: "Line", value: " deploylint-disable-next-line secrets/no-private-key -- fixture", range: [0, 65] },
      { type: "Block", value: " why ", range: [79, 88] },
    ]);
  });

  it("does not build tokens or locations", () => {
    const p = program("const a = 1;", "a.ts");
    expect(p.tokens).toBeUndefined();
    expect(p.body[0]?.loc).toBeUndefined();
  });

  it("lists every script extension", () => {
    expect([...SCRIPT_EXTENSIONS].sort()).toEqual([".cjs", ".cts", ".js", ".jsx", ".mjs", ".mts", ".ts", ".tsx"]);
  });
});

describe("parseScript comments on demand", () => {
  it("parses without comments and gives the same comments as a parse with them when asked", () => {
    const text = "// deploylint-disable-next-line x\nconst a = 1; /* b */\n";
    const result = parseScript(text, "a.ts");
    if (!result.ok) throw new Error("parse failed");
    // The tree rules walk carries no comments: collecting them is left to the getter.
    expect((result.source.program as { comments?: unknown }).comments).toBeUndefined();
    expect(result.source.comments.map((c) => c.value)).toEqual([" deploylint-disable-next-line x", " b "]);
    expect(result.source.comments).toBe(result.source.comments);
  });
});

describe("oxc-parser's dialects and engines", () => {
  it("reads each extension in the dialect TypeScript gives it", () => {
    const paths = ["a.ts", "a.mts", "a.cts", "a.d.ts", "a.d.mts", "A.TSX", "a.js", "a.jsx", "a.mjs", "a.cjs", "a.vue"];
    expect(paths.map(langOf)).toEqual(["ts", "ts", "ts", "dts", "dts", "tsx", "jsx", "jsx", "jsx", "jsx", "ts"]);
  });

  it("runs only on the Node versions oxc-parser's engines accept (^20.19.0 || >=22.12.0)", () => {
    const versions = ["18.20.4", "20.18.3", "20.19.0", "21.7.3", "22.11.0", "22.12.0", "24.1.0"];
    expect(versions.filter(nodeRunsOxc)).toEqual(["20.19.0", "22.12.0", "24.1.0"]);
  });
});

describe("parseScript builds the tree on first read", () => {
  it("tells a file parses without building its tree, and builds it once when read", () => {
    // oxc hands the tree over as JSON: making it into objects is most of a parse's cost.
    const parse = vi.spyOn(JSON, "parse");
    try {
      const parsed = parseScript('const port = process.env.PORT ?? "3000";\n', "src/a.ts");
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parse).not.toHaveBeenCalled();
      const { program } = parsed.source;
      expect(program.body).toHaveLength(1);
      expect(parsed.source.program).toBe(program);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it("still decodes JSX entities in a tree built late", () => {
    const parsed = parseScript("const a = <p>&amp;</p>;\n", "src/a.tsx");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const statement = parsed.source.program.body[0] as TSESTree.VariableDeclaration;
    const element = statement.declarations[0]?.init as TSESTree.JSXElement;
    expect((element.children[0] as TSESTree.JSXText).value).toBe("&");
  });
});
