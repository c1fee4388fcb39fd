// The "binary" kind: key stores and the like are routed by path to rules that name the kind, with
// their size only; their bytes are never read, and "text" rules (every text file) never get them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { readSource } from "../../src/discovery/read.js";
import { runLint } from "../../src/engine/run.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";
import { classifyPath } from "../../src/sources/classify.js";

const seen: string[] = [];

const binarySize = defineRule({
  id: "binary-size",
  meta: {
    description: "Reports each binary file with its size.",
    kinds: ["binary"],
    presets: { recommended: "error", strict: "error" },
    messages: { size: "{{path}} has {{size}} bytes." },
  },
  create(ctx) {
    return {
      binary(file) {
        ctx.report({ messageId: "size", data: { path: file.path, size: file.size }, line: 1 });
      },
    };
  },
});

const everyText = defineRule({
  id: "every-text",
  meta: {
    description: "Records every file it is given.",
    kinds: ["text"],
    presets: { recommended: "error", strict: "error" },
    messages: { none: "Never." },
  },
  create(ctx) {
    seen.push(ctx.file.path);
    return null;
  },
});

const pack = definePack({ name: "t", rules: [binarySize, everyText] });

function config(): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: { "t/binary-size": { severity: "error" }, "t/every-text": { severity: "error" } },
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: 16,
  } as ResolvedConfig;
}

describe("binary kind", () => {
  it("classifies key and password stores by path", () => {
    for (const path of ["a/client.p12", "b.PFX", "k.jks", "release.keystore", "team.kdbx", "Default/Login Data"])
      expect(classifyPath(path), path).toBe("binary");
    expect(classifyPath("cert.pem")).toBe("text");
  });

  it("takes the size from the file system without reading, whatever maxFileSize says", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deploylint-binary-"));
    const path = join(dir, "client.p12");
    writeFileSync(path, Buffer.alloc(3000, 0));
    const read = await readSource({ absolutePath: path }, { maxBytes: 16, textExpected: true, binary: true });
    expect(read).toEqual({ ok: true, text: "", size: 3000 });
  });

  it("gives binary files to binary rules only, with path and size, on a disk run", async () => {
    seen.length = 0;
    const dir = mkdtempSync(join(tmpdir(), "deploylint-binary-"));
    writeFileSync(join(dir, "team.kdbx"), Buffer.alloc(4096, 0));
    writeFileSync(join(dir, "notes.txt"), "hello\n");
    const result = await runLint({
      config: config(),
      files: ["team.kdbx", "notes.txt"].map((p) => ({ path: p, absolutePath: join(dir, p) })),
      workers: 0,
      readText: (file, options) => readSource(file, options),
    });
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(["t/binary-size team.kdbx has 4096 bytes."]);
    expect(seen).toEqual(["notes.txt"]);
  });
});
