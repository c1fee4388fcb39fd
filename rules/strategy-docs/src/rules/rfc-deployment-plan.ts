// strategy-docs/rfc-deployment-plan: an RFC whose feature adds a migration, an environment variable
// or a feature flag has a deployment plan that says how it ships: migration order, flag gating
// (progressive steps, time at each, cleanup date), rollback triggers (metric, threshold, time),
// and canary criteria when the platform runs canaries.
import { defineRule } from "@deploylint/core/rule-api";
import type { PlatformFileFact } from "@deploylint/rules-rollout";
import { DOCS, rfcDocuments, sectionsNamed, textOf } from "../document.js";
import { type Block, DOCUMENT_FACT, PATHS_FACT, PLATFORM_FILE_FACT } from "../facts.js";
import { type Touch, touchesOf, touchesOfPaths } from "../rfc-scope.js";
import { TIME_LIMIT } from "./rollback-procedure.js";

const PLAN_NAMES = ["deployment plan", "rollout plan", "release plan", "deploy plan", "deployment"];

const DURATION = /\b\d+\s*(minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w)\b/i;
const METRIC =
  /\b(error rate|errors?|latency|p9\d|p50|5\d\dx?|5xx|apdex|failure rate|crash(es| rate)?|saturation|cpu|memory|timeouts?|conversion|success rate)\b/i;
const THRESHOLD = /(\d+(\.\d+)?\s*(%|ms|s\b|x\b|per)|[<>≥≤]=?\s*\d)/i;

interface Missing {
  part: string;
  what: string;
}

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS = { minFlagSteps: 3 };

export default defineRule({
  id: "rfc-deployment-plan",
  scope: "project",
  meta: {
    description:
      "Require a deployment plan in every RFC whose feature adds a migration, an environment variable or a flag.",
    kinds: ["markdown", "yaml", "json", "text"],
    facts: [DOCUMENT_FACT, PATHS_FACT, PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      noPlan:
        'This RFC\'s feature {{touches}}, and the RFC has no "Deployment plan" section: how it reaches production safely is decided on the day.',
      unwritten: "The deployment plan is not written yet (it still holds the fill-in marker).",
      incomplete: "The deployment plan has no {{part}}: {{what}}.",
    },
    help: 'Add a "Deployment plan" section: migration order, flag gating (0 → 5 → 25 → 50 → 100% with the time at each step and a cleanup date), rollback triggers (metric, threshold, time degraded), canary criteria when canaries are used. `deploylint strategy --rfc <file>` writes a skeleton.',
    options: {
      type: "object",
      additionalProperties: false,
      properties: {
        minFlagSteps: {
          description: "How many distinct percentages the flag rollout must name (0 → 5 → 25 → 50 → 100% names five).",
          type: "integer",
          minimum: 2,
        },
      },
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/rfc-deployment-plan.md` },
  },
  check(context) {
    const { minFlagSteps } = { ...DEFAULTS, ...context.options };
    const changed = context.changes ? [...context.changes.added, ...context.changes.modified] : [];
    const changeTouches = touchesOfPaths(changed);
    const canaries = context
      .facts<PlatformFileFact>(PLATFORM_FILE_FACT)
      .some((record) => record.data.workloads.some((workload) => workload.canary !== undefined));
    for (const doc of rfcDocuments(context)) {
      const touches = touchesOf(textOf(doc.blocks));
      // Under --changed-since, what the change set touches belongs to the RFCs it changes.
      if (changed.includes(doc.file)) for (const touch of changeTouches) touches.add(touch);
      if (touches.size === 0) continue;
      const plan = sectionsNamed(doc, PLAN_NAMES)[0];
      if (!plan) {
        context.report({ messageId: "noPlan", data: { touches: describe(touches) }, file: doc.file, ...doc.top });
        continue;
      }
      if (plan.marker) {
        context.report({ messageId: "unwritten", file: doc.file, ...plan.marker });
        continue;
      }
      const lines = plan.blocks.flatMap(linesOf);
      const stepCounts = plan.blocks.map(flagStepsOf);
      for (const { part, what } of missingParts({
        text: plan.text,
        lines,
        stepCounts,
        touches,
        canaries,
        minFlagSteps,
      }))
        context.report({ messageId: "incomplete", data: { part, what }, file: doc.file, ...plan.heading.at });
    }
  },
});

/**
 * The units a trigger or a canary criterion is read from: a paragraph or step, or one table row
 * (`deploylint strategy --rfc` writes the triggers as a table: metric | threshold | time).
 */
function linesOf(block: Block): string[] {
  if (block.type === "table") return block.rows.map((row) => row.map((cell) => cell.text).join(" | "));
  return "text" in block ? [block.text] : [];
}

const PERCENT = /\b(\d{1,3})\s*%/g;

/**
 * How many distinct percentages of one rollout sequence a block names. In a paragraph or a step,
 * those of its text; in a table, those of one column that climbs to 100% row by row (the "Users"
 * column of the skeleton), so a triggers table's thresholds ("above 1%", "below 50%") are no steps.
 */
function flagStepsOf(block: Block): number {
  if (block.type !== "table")
    return "text" in block ? new Set([...block.text.matchAll(PERCENT)].map((m) => m[1])).size : 0;
  const columns = Math.max(0, ...block.rows.map((row) => row.length));
  let best = 0;
  for (let column = 0; column < columns; column++) {
    const percents = block.rows.flatMap((row) => {
      const first = [...(row[column]?.text ?? "").matchAll(PERCENT)][0];
      return first ? [Number(first[1])] : [];
    });
    const climbs = percents.every((percent, index) => index === 0 || percent > (percents[index - 1] ?? 0));
    if (climbs && percents.at(-1) === 100) best = Math.max(best, percents.length);
  }
  return best;
}

// Triggers and canary criteria are judged within one paragraph, step or table row: a percentage
// from the flag steps and a metric named elsewhere do not make a trigger.
function missingParts(plan: {
  text: string;
  lines: string[];
  stepCounts: number[];
  touches: Set<Touch>;
  canaries: boolean;
  minFlagSteps: number;
}): Missing[] {
  const { text, lines, stepCounts, touches, canaries, minFlagSteps } = plan;
  const missing: Missing[] = [];
  if (
    touches.has("migration") &&
    !(/\bmigrat/i.test(text) && /\b(before|after|first|then|order|expand|contract)\b/i.test(text))
  )
    missing.push({
      part: "migration order",
      what: "say whether the migration runs before or after the code that needs it (expand, deploy, contract)",
    });
  if (touches.has("flag")) {
    // The steps are one sequence, in one step of the plan: a trigger's "1%" is not a rollout step.
    const steps = Math.max(0, ...stepCounts);
    if (steps < minFlagSteps)
      missing.push({ part: "progressive flag rollout", what: "name the steps (0 → 5 → 25 → 50 → 100%)" });
    else if (!DURATION.test(text))
      missing.push({ part: "time at each flag step", what: 'say how long each step holds ("24 hours at 5%")' });
    if (!/\b(clean ?up|remove (the )?flag|flag removal|delete (the )?flag)\b/i.test(text))
      missing.push({ part: "flag cleanup date", what: "say when the flag is removed once at 100%" });
  }
  const trigger = (line: string) =>
    METRIC.test(line) && THRESHOLD.test(line) && (TIME_LIMIT.test(line) || DURATION.test(line));
  if (!lines.some(trigger))
    missing.push({
      part: "rollback triggers",
      what: 'name the metric, its threshold and how long it may stay degraded ("error rate above 1% for 5 minutes")',
    });
  if (canaries && !lines.some((line) => /\bcanar(y|ies)\b/i.test(line) && METRIC.test(line)))
    missing.push({
      part: "canary criteria",
      what: "the platform runs canaries: say which metrics promote or abort this feature's canary",
    });
  return missing;
}

function describe(touches: Set<Touch>): string {
  const words: Record<Touch, string> = {
    migration: "adds a migration",
    env: "adds an environment variable",
    flag: "adds a feature flag",
  };
  return [...touches].map((touch) => words[touch]).join(", ");
}
