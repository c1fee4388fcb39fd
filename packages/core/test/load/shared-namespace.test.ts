// requireSharingNamespace: a CommonJS package compiled by TypeScript binds a dependency's exports
// themselves (not a copy per `import * as`), and the dependency is left unmarked afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { requireSharingNamespace } from "../../src/load/shared-namespace.js";
import { parseScript } from "../../src/sources/script.js";

// The interop helpers tsc emits (esModuleInterop), as typescript-estree's files carry them.
const CONSUMER = `"use strict";
var __importStar = function (mod) {
  if (mod && mod.__esModule) return mod;
  var result = {};
  if (mod != null) Object.getOwnPropertyNames(mod).forEach(function (k) {
    if (k !== "default") Object.defineProperty(result, k, { enumerable: true, get: function () { return mod[k]; } });
  });
  result.default = mod;
  return result;
};
const star = __importStar(require("dep"));
exports.star = star;
exports.version = () => star.version;
`;

// A bundled dependency that imports the same module by default, read lazily (esbuild's __toESM).
const BUNDLED = `"use strict";
var __toESM = function (mod) {
  var target = {};
  if (!mod || !mod.__esModule) Object.defineProperty(target, "default", { value: mod, enumerable: true });
  Object.getOwnPropertyNames(mod).forEach(function (k) {
    if (k !== "default") Object.defineProperty(target, k, { enumerable: true, get: function () { return mod[k]; } });
  });
  return target;
};
var dep = __toESM(require("dep"));
exports.version = () => dep.default.version;
`;

const root = mkdtempSync(join(tmpdir(), "dl-shared-namespace-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let made = 0;
/** A fresh dependency and consumer package pair (require caches by path). */
function packages(): { consumer: string; dependency: string; bundled: string } {
  const dir = join(root, `case-${made++}`);
  mkdirSync(join(dir, "node_modules", "dep"), { recursive: true });
  mkdirSync(join(dir, "node_modules", "consumer"), { recursive: true });
  mkdirSync(join(dir, "node_modules", "bundled"), { recursive: true });
  writeFileSync(join(dir, "node_modules", "bundled", "index.js"), BUNDLED);
  writeFileSync(join(dir, "node_modules", "dep", "index.js"), 'exports.version = "1.2.3";\nexports.kind = { A: 1 };\n');
  writeFileSync(join(dir, "node_modules", "consumer", "index.js"), CONSUMER);
  return {
    consumer: join(dir, "node_modules", "consumer", "index.js"),
    dependency: "dep",
    bundled: join(dir, "node_modules", "bundled", "index.js"),
  };
}

describe("requireSharingNamespace", () => {
  it("lets the consumer's namespace imports bind the dependency's exports, not copies, and unmarks them", () => {
    const { consumer, dependency } = packages();
    const require = createRequire(consumer);
    const loaded = requireSharingNamespace({
      requireConsumer: () => require(consumer) as { star: unknown; version: () => string },
      requireDependency: () => require(dependency),
    });
    const exports = require(dependency) as Record<string, unknown>;
    expect(loaded.star).toBe(exports);
    expect(loaded.version()).toBe("1.2.3");
    // Nobody loading the dependency later sees the mark.
    expect("__esModule" in exports).toBe(false);
  });

  it("loads the preloaded default importers unmarked, so their lazy reads still work", () => {
    const { consumer, dependency, bundled } = packages();
    const require = createRequire(consumer);
    requireSharingNamespace({
      requireConsumer: () => require(consumer),
      requireDependency: () => require(dependency),
      preload: () => require(bundled),
    });
    expect((require(bundled) as { version: () => string }).version()).toBe("1.2.3");
  });

  it("removes the mark when the consumer throws while loading", () => {
    const { consumer, dependency } = packages();
    const require = createRequire(consumer);
    expect(() =>
      requireSharingNamespace({
        requireConsumer: () => {
          throw new Error("broken package");
        },
        requireDependency: () => require(dependency),
      }),
    ).toThrow("broken package");
    expect(Object.getOwnPropertyNames(require(dependency))).toEqual(["version", "kind"]);
  });

  it("falls back to a plain require when the exports cannot be marked", () => {
    const frozen = Object.freeze({ version: "1" });
    const loaded = requireSharingNamespace({ requireConsumer: () => "plain", requireDependency: () => frozen });
    expect(loaded).toBe("plain");
  });

  it("leaves typescript's own exports unmarked once the script parser has loaded", () => {
    const result = parseScript("const answer: number = 42;\n", "src/a.ts");
    expect(result.ok).toBe(true);
    const estree = createRequire(import.meta.url).resolve("@typescript-eslint/typescript-estree", {
      paths: [join(import.meta.dirname, "../../src/sources")],
    });
    const typescript = createRequire(estree)("typescript") as object;
    expect("__esModule" in typescript).toBe(false);
  });
});
