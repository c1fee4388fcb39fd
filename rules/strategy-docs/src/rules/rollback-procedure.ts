// strategy-docs/rollback-procedure: the rollback procedure is a numbered list with every step an
// incident needs (detect, decide within a time limit, execute, verify, communicate, investigate)
// and names the rollback command of the platform the repository deploys to.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCS, writtenSection } from "../document.js";
import { DOCUMENT_FACT, PATHS_FACT, PLATFORM_FILE_FACT } from "../facts.js";
import { detectedPlatforms, ROLLBACK_COMMANDS } from "../platforms.js";

const STEPS: readonly [string, RegExp][] = [
  ["detect", /\b(detect(ed|ion|s)?|alert(s|ed)?|notice|identify|spot|symptoms?|page[sd]?|monitor(s|ing)?)\b/i],
  ["decide", /\b(decid(e|es|ed|ing)|decision|go\/no-go|call it|choose|judge)\b/i],
  ["execute", /\b(roll(ing)? ?back|revert|redeploy|undo|execute|flag off|turn (the )?flag off|down migration)\b/i],
  ["verify", /\b(verify|verif(ies|ied|ication)|smoke|confirm|check that)\b/i],
  ["communicate", /\b(communicat(e|ion)|notify|announce|status ?page|inform|tell|post (in|to)|stakeholders)\b/i],
  ["investigate", /\b(investigat(e|ion)|post-?mortem|root cause|retro(spective)?|incident review|blameless)\b/i],
];

/** A time limit: "15 minutes", "10 min", "within 1 hour", "30m". */
export const TIME_LIMIT = /\b\d+\s*(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h)\b/i;

// "If it is not fixed within 15 minutes, roll back" decides without the word.
function decidesByTime(text: string): boolean {
  return TIME_LIMIT.test(text) && /\b(if|unless|within|after)\b/i.test(text);
}

export default defineRule({
  id: "rollback-procedure",
  scope: "project",
  meta: {
    description: "Require a numbered rollback procedure with every step and the platform's real rollback command.",
    kinds: ["markdown", "yaml", "json", "text"],
    facts: [DOCUMENT_FACT, PATHS_FACT, PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      notNumbered:
        "The rollback procedure is not a numbered list: in an incident, steps in a fixed order are what people follow.",
      missingStep:
        "The rollback procedure has no {{step}} step: an incident reaches that point with nobody told what to do.",
      noTimeLimit:
        'The decide step sets no time limit ("roll back if not fixed within 15 minutes"): without one, a degraded release stays out while people debug.',
      command:
        "The rollback procedure does not name {{platform}}'s rollback ({{command}}): the step that matters most is left to memory.",
    },
    help: "Write the procedure as numbered steps: detect, decide (with a time limit), execute (the platform's rollback, down migration, flag off), verify (smoke tests), communicate, investigate.",
    docs: { url: `${DOCS}/rollback-procedure.md` },
  },
  check(context) {
    const written = writtenSection(context, "rollback");
    if (!written) return;
    const { doc, section } = written;
    const at = { file: doc.file, ...section.heading.at };
    const steps = section.blocks.filter((block) => block.type === "item" && block.ordered);
    if (steps.length === 0) context.report({ messageId: "notNumbered", ...at });
    else {
      for (const [step, pattern] of STEPS) {
        const item = steps.find(
          (block) => "text" in block && (pattern.test(block.text) || (step === "decide" && decidesByTime(block.text))),
        );
        if (!item) context.report({ messageId: "missingStep", data: { step }, ...at });
        else if (step === "decide" && "text" in item && !TIME_LIMIT.test(item.text))
          context.report({ messageId: "noTimeLimit", file: doc.file, ...item.at });
      }
    }
    for (const platform of detectedPlatforms(context)) {
      const { say, patterns } = ROLLBACK_COMMANDS[platform];
      if (!patterns.some((pattern) => pattern.test(section.text)))
        context.report({ messageId: "command", data: { platform, command: say }, ...at });
    }
  },
});
