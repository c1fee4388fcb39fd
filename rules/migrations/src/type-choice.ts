// The shared check of the prefer-* rules: each reports the columns a PostgreSQL migration
// declares with a type that hurts later, with the data { table, column, type } (the type named
// the one way every message of the pack names it).
import type { FileRuleContext, FileVisitors, ReportDescriptor } from "@deploylint/core/rule-api";
import { type DeclaredColumn, declaredColumns, isPostgres, migrationToCheck, typeName } from "./model/index.js";

export function typeChoiceVisitors<M extends Record<string, string>>(
  ctx: FileRuleContext<M, unknown>,
  options: { messageId: keyof M & string; matches: (declared: DeclaredColumn) => boolean },
): FileVisitors {
  return {
    file() {
      const migration = migrationToCheck(ctx);
      if (migration === null || !isPostgres(migration.dialect)) return;
      for (const declared of declaredColumns(migration)) {
        if (!options.matches(declared)) continue;
        // Every prefer-* message has exactly the placeholders {{table}}, {{column}} and {{type}};
        // their tests assert the formatted messages.
        ctx.report({
          messageId: options.messageId,
          data: { table: declared.table, column: declared.column, type: typeName(declared.written) },
          range: declared.range,
        } as unknown as ReportDescriptor<M>);
      }
    },
  };
}
