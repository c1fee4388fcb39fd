// env-docs/require-rotation-note: every @sensitive entry says how often the secret is rotated,
// so that rotation is a stated policy rather than something nobody owns.
import { defineRule } from "@deploylint/core/rule-api";
import { exampleEntries } from "../example/read-example.js";
import { envDocsSettings, isExampleFile } from "../settings.js";

const messages = {
  missingRotation:
    "The entry {{name}} is @sensitive but has no @rotation; without a stated period the secret is never rotated, and a leaked value stays valid for as long as it exists. Add @rotation=90d (or your policy's period) to its comment.",
  invalidRotation:
    "The entry {{name}} has @rotation={{rotation}}, which is not a period such as 30d, 12w, 6m or 1y (or never); tools that remind owners to rotate cannot read it. Write the period as a number and a unit.",
} as const;

const PERIOD = /^(\d+[dwmy]|never)$/i;

export default defineRule<typeof messages>({
  id: "require-rotation-note",
  meta: {
    description: "Require a @rotation period on each @sensitive entry of the example file.",
    kinds: ["dotenv"],
    presets: { recommended: "off", strict: "warn" },
    messages,
    help: "Add @rotation=<period> (30d, 12w, 6m, 1y, or never) to the comment of each @sensitive entry.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/require-rotation-note.md" },
  },
  create(ctx) {
    if (!isExampleFile(ctx.file.path, envDocsSettings(ctx.settings).examples)) return null;
    return {
      dotenv(source) {
        for (const entry of exampleEntries(ctx, source)) {
          const { sensitive, rotation } = entry.documentation.decorators;
          if (!sensitive) continue;
          const location = { line: entry.line, column: entry.column, endColumn: entry.endColumn };
          if (rotation === null || rotation === "") {
            ctx.report({ messageId: "missingRotation", data: { name: entry.name }, ...location });
          } else if (!PERIOD.test(rotation)) {
            ctx.report({ messageId: "invalidRotation", data: { name: entry.name, rotation }, ...location });
          }
        }
      },
    };
  },
});
