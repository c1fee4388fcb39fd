// A worker_threads pool for the per-file phase of big runs. Workers import the packs by module
// specifier (or find built-in ones registered) and rebuild the same planner from plain config data,
// then take files in batches.
import { Worker } from "node:worker_threads";
import type { SkippedFile } from "../findings.js";
import { builtinWorkerEntry } from "./builtin-packs.js";
import type { FileResult } from "./lint-file.js";
import type { PlanConfig } from "./planner.js";

export interface PoolOptions {
  /** Files with `text` were already read (staged content, cache misses); workers read the rest. */
  files: { path: string; absolutePath: string; text?: string; size?: number }[];
  workers: number;
  specifiers: string[];
  planConfig: PlanConfig;
  lintPaths: string[] | null;
  maxFileSize: number;
  /** Where workers read companion files; `preloaded` texts (staged content) come first. */
  root: string | null;
  preloaded: Record<string, string>;
  /** The run's key for hashing secrets in facts: every thread must hash alike. */
  secretKey: string;
  /**
   * Lints a batch on the main thread, which takes batches from the same queue as the workers
   * (a failed read it records itself); absent, the main thread only hands out batches.
   */
  lintHere?: (batch: PoolOptions["files"]) => Promise<FileResult[]>;
}

export type WorkerInit = Omit<PoolOptions, "files" | "workers" | "lintHere">;

export type WorkerReply =
  | { type: "batch"; results: FileResult[]; skipped: SkippedFile[] }
  | { type: "error"; message: string; ruleId?: string; file?: string };

const BATCH_SIZE = 25;

export async function runPool(options: PoolOptions): Promise<{ results: FileResult[]; skipped: SkippedFile[] }> {
  const batches: PoolOptions["files"][] = [];
  for (let i = 0; i < options.files.length; i += BATCH_SIZE) batches.push(options.files.slice(i, i + BATCH_SIZE));
  const init: WorkerInit = {
    specifiers: options.specifiers,
    planConfig: options.planConfig,
    lintPaths: options.lintPaths,
    maxFileSize: options.maxFileSize,
    root: options.root,
    preloaded: options.preloaded,
    secretKey: options.secretKey,
  };
  // Built-in packs live in the thread that registered them; their own entry registers them again.
  const entry = builtinWorkerEntry() ?? new URL("./worker.js", import.meta.url);
  const results: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  let next = 0;
  const workers: Worker[] = [];
  // Between its own batches the main thread yields, so replies are taken and workers fed again.
  const lintOnMainThread = async (lintHere: NonNullable<PoolOptions["lintHere"]>) => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      results.push(...(await lintHere(batch)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      ...(options.lintHere ? [lintOnMainThread(options.lintHere)] : []),
      ...Array.from({ length: Math.min(options.workers, batches.length) }, () => {
        const worker = new Worker(entry, { workerData: init });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const feed = () => {
            const batch = batches[next++];
            if (batch) worker.postMessage(batch);
            else resolve();
          };
          worker.on("message", (reply: WorkerReply) => {
            if (reply.type === "error") {
              reject(new Error(reply.message));
              return;
            }
            results.push(...reply.results);
            skipped.push(...reply.skipped);
            feed();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`A lint worker exited with code ${code}.`));
          });
          feed();
        });
      }),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Batches finish in any order; the run's order must not depend on scheduling.
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, skipped };
}
