// strategy-docs/require-strategy: the deployment strategy document exists and has every required
// section written (a section still holding the fill-in marker is not written yet).
import { defineRule } from "@deploylint/core/rule-api";
import { DOCS, pathsOf, sectionOf, strategyDocument } from "../document.js";
import { DOCUMENT_FACT, PATHS_FACT } from "../facts.js";
import { SECTION_IDS, type SectionId, STRATEGY_SECTIONS } from "../sections.js";

interface Options {
  /** The sections the document must have, by id. */
  sections: SectionId[];
}

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS: Options = { sections: [...SECTION_IDS] };

export default defineRule({
  id: "require-strategy",
  scope: "project",
  meta: {
    description: "Require the deployment strategy document, with every required section written.",
    kinds: ["markdown", "yaml"],
    facts: [DOCUMENT_FACT, PATHS_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      missing:
        "The deployment strategy document {{path}} does not exist: how this product is deployed, rolled out and rolled back is written nowhere a reviewer or an on-call engineer can find it.",
      missingSection:
        'The deployment strategy has no "{{heading}}" section: the part of the deployment it covers is left to whoever deploys.',
      unwritten:
        'The "{{heading}}" section is not written yet (it still holds the fill-in marker): replace the marker with what is true of this product.',
    },
    help: "Run `deploylint strategy` to write the document from what deploylint knows, then fill in the marked sections.",
    options: {
      type: "object",
      additionalProperties: false,
      properties: {
        sections: {
          description: "The sections the document must have, by id.",
          type: "array",
          items: { enum: [...SECTION_IDS] },
          uniqueItems: true,
        },
      },
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/require-strategy.md` },
  },
  check(context) {
    const doc = strategyDocument(context);
    if (!doc) {
      const { strategy } = pathsOf(context);
      context.report({ messageId: "missing", data: { path: strategy }, file: strategy, line: 1, column: 1 });
      return;
    }
    const { sections } = { ...DEFAULTS, ...context.options };
    for (const id of sections) {
      const heading = STRATEGY_SECTIONS.find((section) => section.id === id)?.heading ?? id;
      const section = sectionOf(doc, id, context.settings);
      if (!section) {
        context.report({ messageId: "missingSection", data: { heading }, file: doc.file, ...doc.top });
        continue;
      }
      // At every mark, not only the first: each is a place a person still has to write, and a
      // finding at each is how an editor or a review shows them all.
      for (const block of section.blocks) {
        if (block.type !== "marker") continue;
        context.report({
          messageId: "unwritten",
          data: { heading: section.heading.text },
          file: doc.file,
          ...block.at,
        });
      }
    }
  },
});
