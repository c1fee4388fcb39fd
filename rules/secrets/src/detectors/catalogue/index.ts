// The no-hardcoded-secret catalogue: every credential type, most specific first (when two
// detectors match the same text, the earlier one names it).
import type { Detector } from "../types.js";
import { ai } from "./ai.js";
import { cloud } from "./cloud.js";
import { comms } from "./comms.js";
import { devops } from "./devops.js";
import { hosting } from "./hosting.js";
import { jwt } from "./jwt.js";
import { observability } from "./observability.js";
import { payments } from "./payments.js";
import { registries } from "./registries.js";
import { saas } from "./saas.js";
import { vcs } from "./vcs.js";

export const catalogue: readonly Detector[] = [
  ...cloud,
  ...vcs,
  ...registries,
  ...payments,
  ...ai,
  ...comms,
  ...observability,
  ...devops,
  ...hosting,
  ...saas,
  ...jwt,
];
