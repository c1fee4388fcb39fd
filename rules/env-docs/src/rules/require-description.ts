// env-docs/require-description: every example entry has a comment saying what it is (its own, or
// the one heading its group), because the example is the only documentation a deployer reads.
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
    help: "Write the description as comment lines directly above the entry, or above its group (entries up to the next blank line), or open the file with a comment linking to where the variables are described; decorators such as @required may follow on their own line.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/require-description.md" },
  },
  create(ctx) {
    if (!isExampleFile(ctx.file.path, envDocsSettings(ctx.settings).examples)) return null;
    return {
      dotenv(source) {
        for (const entry of exampleEntries(ctx, source)) {
          // A commented-out entry (`# NAME=value`) is the usual way to list an optional variable: the
          // line itself shows what to set, and the group's comment says what it is for. A file that
          // opens by sending the reader to documentation at a URL has its descriptions there.
          if (
            entry.commented ||
            entry.documentation.description !== null ||
            entry.groupDescription !== null ||
            entry.fileDescription !== null
          )
            continue;
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
