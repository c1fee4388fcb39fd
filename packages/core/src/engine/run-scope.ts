// Extractors' run-level conditions (Extractor.runsWhen): decided once over every file of the run,
// before the per-file phase, so that an extractor whose facts no rule can use this run is created
// for no file and its files are not parsed for it.
import { RuleCrash } from "./lint-file.js";
import type { Planner } from "./planner.js";

/**
 * The ids of the planner's extractors whose `runsWhen` is false for a run of `files` (sorted). The
 * planner must be one built without `idleExtractors`, so that every needed extractor is asked.
 */
export function idleExtractors(options: { planner: Planner; files: readonly string[] }): string[] {
  const { planner, files } = options;
  const scope = { files, settingsFor: (path: string) => planner.planFile(path).settings };
  const idle = new Set<string>();
  for (const extractor of planner.extractors) {
    if (extractor.runsWhen === undefined) continue;
    let runs: boolean;
    try {
      runs = extractor.runsWhen(scope);
    } catch (error) {
      throw new RuleCrash(`${extractor.id} (Extractor.runsWhen)`, "the run's file list", error);
    }
    if (!runs) idle.add(extractor.id);
  }
  return [...idle].sort();
}
