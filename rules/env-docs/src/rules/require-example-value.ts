// env-docs/require-example-value: every example entry shows what a value looks like, either as
// its value or in @example; a @sensitive entry holds a placeholder, never nothing.
import { defineRule } from "@deploylint/core/rule-api";
import { exampleEntries } from "../example/read-example.js";
import { envDocsSettings, isExampleFile } from "../settings.js";

const messages = {
  emptyValue:
    "The entry {{name}} has an empty value and no @example; whoever sets up a new environment has to guess its format, and a wrong guess shows only after the deploy. Put a safe example value after the = or add @example=… to its comment.",
  sensitiveEmpty:
    "The entry {{name}} is @sensitive but holds no placeholder; an empty secret copied from the example deploys as an empty secret, and nothing shows where the real one goes. Put a placeholder such as replace-me after the =.",
} as const;

interface Options {
  /** Also report an empty value whose entry (or group) has a description; the strict preset sets it. */
  describedEntries?: boolean;
}

function described(entry: {
  documentation: { description: string | null };
  groupDescription: string | null;
  fileDescription: string | null;
}): boolean {
  return entry.documentation.description !== null || entry.groupDescription !== null || entry.fileDescription !== null;
}

export default defineRule<typeof messages, Options | undefined>({
  id: "require-example-value",
  meta: {
    description:
      "Require an example value (or @example) for each entry of the example file, and a placeholder for sensitive ones.",
    kinds: ["dotenv"],
    // An empty value under a comment that says what the variable is (its own or its group's) is the
    // usual way to list an optional or secret variable: asking for a value there is a documentation
    // style, so only strict does. An entry with neither a value nor a description tells the reader
    // nothing at all, which recommended reports.
    presets: { recommended: "warn", strict: "error" },
    options: {
      type: "object",
      properties: {
        describedEntries: {
          type: "boolean",
          description: "Also report an empty value when the entry or its group has a description (strict sets it).",
        },
      },
      additionalProperties: false,
    },
    presetOptions: { strict: { describedEntries: true } },
    messages,
    help: "Give each entry a safe example value (localhost URLs, test-mode keys, replace-me), or an @example=… decorator when the value must stay empty.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/require-example-value.md" },
  },
  create(ctx) {
    const describedToo = ctx.options?.describedEntries === true;
    if (!isExampleFile(ctx.file.path, envDocsSettings(ctx.settings).examples)) return null;
    return {
      dotenv(source) {
        for (const entry of exampleEntries(ctx, source)) {
          // A commented-out entry is optional by construction; it is shown, not loaded.
          if (entry.commented || entry.value.trim() !== "") continue;
          const { decorators } = entry.documentation;
          const location = { line: entry.line, column: entry.column, endColumn: entry.endColumn };
          if (decorators.sensitive) {
            ctx.report({ messageId: "sensitiveEmpty", data: { name: entry.name }, ...location });
          } else if (!decorators.example && decorators.default === null && (describedToo || !described(entry))) {
            ctx.report({ messageId: "emptyValue", data: { name: entry.name }, ...location });
          }
        }
      },
    };
  },
});
