// Worker thread entry of the pool: lints the batches of files the main thread sends. Built-in packs
// come from the registry their entry module filled (see builtin-packs.ts), custom packs by file URL.
import { parentPort, workerData } from "node:worker_threads";
import { readSourceSync } from "../discovery/index.js";
import type { SkippedFile } from "../findings.js";
import type { Pack } from "../rule-api/types.js";
import { createParserLoader } from "../sources/registry.js";
import { importPack } from "./builtin-packs.js";
import { createCompanionReader } from "./companions.js";
import { readOptionsFor, unreadOutcome } from "./file-not-checked.js";
import { type FileResult, lintPlannedFile, RuleCrash } from "./lint-file.js";
import { loadExtractors, neededKinds } from "./needed-kinds.js";
import { createPlanner } from "./planner.js";
import type { WorkerInit, WorkerReply } from "./pool.js";
import { buildRegistry } from "./registry.js";

const init = workerData as WorkerInit;
const packs: Pack[] = [];
for (const specifier of init.specifiers) packs.push(await importPack(specifier));
const planner = createPlanner({ config: init.planConfig, registry: buildRegistry(packs) });
// Parsers load with the first batch that needs them: a worker given only SQL never compiles `typescript`.
const loader = createParserLoader();
const parsers = loader.parsers;
const lintPaths = init.lintPaths ? new Set(init.lintPaths) : null;
const readCompanion = createCompanionReader({ root: init.root, preloaded: new Map(Object.entries(init.preloaded)) });

parentPort?.on("message", async (batch: { path: string; absolutePath: string; text?: string; size?: number }[]) => {
  const results: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  try {
    const needed = neededKinds(
      batch.map((file) => file.path),
      planner,
    );
    await Promise.all([loader.ensure(needed), loadExtractors(needed, planner.extractors)]);
    for (const file of batch) {
      if (file.text !== undefined) {
        results.push(
          lintPlannedFile({
            path: file.path,
            text: file.text,
            ...(file.size !== undefined ? { size: file.size } : {}),
            planner,
            lintPaths,
            parsers,
            readCompanion,
            secretKey: init.secretKey,
          }),
        );
        continue;
      }
      // The same limits and the same judgement of a failed read as on the main thread (run.ts).
      const { owner, read: how } = readOptionsFor({ path: file.path, planner, maxFileSize: init.maxFileSize });
      const read = readSourceSync(file, how);
      if (!read.ok) {
        const linted = lintPaths === null || lintPaths.has(file.path);
        const outcome = unreadOutcome({ path: file.path, failure: read, owner, planner, linted });
        if ("result" in outcome) results.push(outcome.result);
        else skipped.push(outcome.skipped);
        continue;
      }
      results.push(
        lintPlannedFile({
          path: file.path,
          text: read.text,
          ...(read.size !== undefined ? { size: read.size } : {}),
          planner,
          lintPaths,
          parsers,
          readCompanion,
          secretKey: init.secretKey,
        }),
      );
    }
    parentPort?.postMessage({ type: "batch", results, skipped } satisfies WorkerReply);
  } catch (error) {
    const reply: WorkerReply =
      error instanceof RuleCrash
        ? { type: "error", message: error.message, ruleId: error.ruleId, file: error.file }
        : { type: "error", message: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  }
});
