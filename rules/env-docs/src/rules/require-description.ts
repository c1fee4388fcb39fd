// env-docs/require-description: every example entry has a comment saying what it is, because
// the example is the only documentation a deployer setting up an environment reads.
import { defineRule } from "@deploylint/core/rule-api";
import { exampleEntries } from "../example/read-example.js";
import { envDocsSettings, isExampleFile } from "../settings.js";

const messages = {
  missingDescription:
    "The entry {{name}} has no comment describing it; whoever sets up a new environment cannot tell what it is for, where its value comes from or whether it may stay empty. Add a comment line right above it that says so.",
} as const;

export default defineRule<typeof messages>({
  id: "require-description",
  meta: {
    description: "Require a comment describing each entry of the example file.",
    kinds: ["dotenv"],
    presets: { recommended: "warn", strict: "error" },
    messages,
    help: "Write the description as comment lines directly above the entry (no blank line between); decorators such as @required may follow on their own line.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/require-description.md" },
  },
  create(ctx) {
    if (!isExampleFile(ctx.file.path, envDocsSettings(ctx.settings).examples)) return null;
    return {
      dotenv(source) {
        for (const entry of exampleEntries(ctx, source)) {
          if (entry.documentation.description !== null) continue;
          ctx.report({
            messageId: "missingDescription",
            data: { name: entry.name },
            line: entry.line,
            column: entry.column,
            endColumn: entry.endColumn,
          });
        }
      },
    };
  },
});
