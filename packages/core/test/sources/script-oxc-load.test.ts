// oxc-parser through the CLI bundle's CommonJS build of its loader (OXC_LOADER_FILE, made by
// tools/build/bundle.mjs), which spares a run Node's ES module loader: used only as oxc-parser's own
// entry would behave, else the package is loaded as before.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCommonJsOxc, loadOxcParser, OXC_LOADER_FILE } from "../../src/sources/script-oxc.js";

const require = createRequire(import.meta.url);
const installed = (require("oxc-parser/package.json") as { version: string }).version;
const options = { lang: "ts", range: true, preserveParens: false, astType: "ts" } as const;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A loader file with these exports, and a require that resolves it (and oxc-parser) from beside it. */
function loaderFile(body: string): { require: NodeJS.Require; specifier: string } {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-oxc-loader-"));
  dirs.push(dir);
  writeFileSync(join(dir, OXC_LOADER_FILE), body);
  const fromHere = createRequire(join(dir, "x.cjs"));
  // oxc-parser/package.json is resolved from this repository's node_modules, as the real file's is.
  const resolving = Object.assign((id: string) => (id.startsWith("./") ? fromHere(id) : require(id)), require);
  return { require: resolving as NodeJS.Require, specifier: `./${OXC_LOADER_FILE}` };
}

describe("loadCommonJsOxc", () => {
  it("parses as oxc-parser's entry does: the binding's parse, then wrap", () => {
    const { require: r, specifier } = loaderFile(`
      module.exports = {
        version: ${JSON.stringify(installed)},
        parseSync: (file, text) => ({ native: file + ":" + text }),
        wrap: (native) => ({ program: native.native, comments: [], errors: [] }),
      };`);
    const parse = loadCommonJsOxc(r, specifier);
    expect(parse).not.toBeNull();
    expect(parse?.("a.ts", "x", options).program).toBe("a.ts:x");
  });

  it("is not used when built from another oxc-parser version than the installed one", () => {
    const { require: r, specifier } = loaderFile(`
      module.exports = { version: "0.0.1", parseSync: () => ({}), wrap: (n) => n };`);
    expect(loadCommonJsOxc(r, specifier)).toBeNull();
  });

  it("is not used when missing (a plain tsc build), incomplete, or failing to load its binding", () => {
    const missing = loaderFile("module.exports = {};");
    expect(loadCommonJsOxc(missing.require, "./no-such-file.cjs")).toBeNull();
    expect(loadCommonJsOxc(missing.require, missing.specifier)).toBeNull();
    const failing = loaderFile('throw new Error("Cannot find native binding.");');
    expect(loadCommonJsOxc(failing.require, failing.specifier)).toBeNull();
  });

  it("outside the CLI bundle, loadOxcParser loads the package as before", () => {
    const parse = loadOxcParser();
    const direct = (require("oxc-parser") as { parseSync: typeof parse & object }).parseSync;
    expect(parse?.("a.ts", "const a = 1n; /x/u;", options).program).toEqual(
      direct("a.ts", "const a = 1n; /x/u;", options).program,
    );
  });
});
