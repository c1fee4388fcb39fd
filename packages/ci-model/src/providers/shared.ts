// What every provider reader gets and shares: the file, its line index, the command table, and
// the step reader that classifies a script or an action without keeping its text.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type CommandTable, classesOfAction, readScript } from "../commands.js";
import type { CiStep, Located } from "../model.js";

export interface ReadContext {
  file: string;
  lines: LineIndex;
  table: CommandTable;
  /** Reads another file of the repository (GitLab local includes); null when absent. */
  readFile?: (path: string) => string | null;
}

/** A model step from its script text and/or action, at `where`. */
export function stepOf(options: {
  where: Located;
  label: string;
  script: string | null;
  uses: string | null;
  mayFail: boolean;
  table: CommandTable;
}): CiStep {
  const { where, label, script, uses, mayFail, table } = options;
  const reading = script
    ? readScript(script, table)
    : { classes: [], afterDeploy: [], masked: [], deployTarget: null, watchSeconds: null, smokeTargets: [] };
  const classes = new Set([...reading.classes, ...(uses ? classesOfAction(uses, table) : [])]);
  return {
    ...where,
    label,
    uses,
    classes: [...classes],
    afterDeploy: reading.afterDeploy,
    masked: reading.masked,
    mayFail,
    deployTarget: reading.deployTarget,
    watchSeconds: reading.watchSeconds,
    smokeTargets: reading.smokeTargets,
  };
}
