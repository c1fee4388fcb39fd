// Extractor "env-docs:documented": one fact per entry of each example file, with its
// documentation and position but never its value.
import { defineExtractor } from "@deploylint/core/rule-api";
import { exampleEntries } from "../example/read-example.js";
import { DOCUMENTED_FACT, type DocumentedFact } from "../facts.js";
import { envDocsSettings, isExampleFile } from "../settings.js";

export default defineExtractor({
  id: DOCUMENTED_FACT,
  kinds: ["dotenv"],
  create(ctx) {
    if (!isExampleFile(ctx.file.path, envDocsSettings(ctx.settings).examples)) return null;
    return {
      dotenv(source) {
        for (const entry of exampleEntries(ctx, source)) {
          const { decorators } = entry.documentation;
          const fact: DocumentedFact = {
            name: entry.name,
            key: entry.name,
            required: decorators.required && !decorators.optional,
            sensitive: decorators.sensitive,
            line: entry.line,
            column: entry.column,
            endLine: entry.line,
            endColumn: entry.endColumn,
            description: entry.documentation.description,
            decorators: {
              required: decorators.required,
              optional: decorators.optional,
              sensitive: decorators.sensitive,
              type: decorators.type,
              rotation: decorators.rotation,
              hasDefault: decorators.default !== null,
              hasExample: decorators.example !== null && decorators.example !== "",
            },
            empty: entry.value.trim() === "",
            commented: entry.commented,
            references: entry.references,
          };
          ctx.emit(fact);
        }
      },
    };
  },
});
