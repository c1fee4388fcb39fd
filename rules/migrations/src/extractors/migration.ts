// The "migrations:migration" extractor: one plain-JSON summary per migration file (framework,
// version, sections, operations with positions) for the pack's project rules.
import { defineExtractor, type Fact } from "@deploylint/core/rule-api";
import { MIGRATION_FACT, MIGRATION_FILES, migrationFact, migrationOf } from "../model/index.js";

export default defineExtractor({
  id: MIGRATION_FACT,
  kinds: ["sql", "script"],
  prefilter: MIGRATION_FILES,
  create(ctx) {
    return {
      file() {
        const migration = migrationOf(ctx);
        if (migration === null) return;
        ctx.emit(migrationFact(migration, ctx.file.lines, ctx.file.text) as unknown as Fact);
      },
    };
  },
});
