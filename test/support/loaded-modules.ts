// What a CLI run loaded, for tests that assert what a command did not load: the ES modules
// (recorded by record-imports.mjs) and the CommonJS files (the bin and the bundle are CommonJS, which
// module hooks do not see; NODE_DEBUG=module names each file require() loads).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, ROOT } from "./cli.js";

export interface LoadedRun {
  status: number | null;
  stdout: string;
  /** The URL of every module loaded (file: URLs for files, node: for built-ins), once each. */
  urls: string[];
  /** Those loaded as ES modules. With module hooks registered (as here), Node imports the entry file too. */
  imported: string[];
  /** The files loaded by require(). */
  required: string[];
}

export function loadedModules(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeout?: number },
): LoadedRun {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-imports-"));
  const log = join(dir, "loaded.txt");
  try {
    const run = spawnSync(process.execPath, ["--import", join(ROOT, "test/support/record-imports.mjs"), BIN, ...args], {
      cwd: options.cwd,
      encoding: "utf8",
      env: { ...process.env, ...options.env, DEPLOYLINT_RECORD_IMPORTS: log, NODE_DEBUG: "module" },
      timeout: options.timeout ?? 120_000,
    });
    const imported = readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
    const required = [...run.stderr.matchAll(/^MODULE \d+: load "([^"]+)" for module /gm)].map(
      ([, file]) => pathToFileURL(file ?? "").href,
    );
    return {
      status: run.status,
      stdout: run.stdout,
      urls: [...new Set([...imported, ...required])],
      imported,
      required,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
