// migrations/no-table-rewrite: statements that rewrite a whole table under an exclusive lock
// (a volatile default, a stored generated or serial column, VACUUM FULL, CLUSTER, MySQL COPY).
import { defineRule } from "@deploylint/core/rule-api";
import {
  docsUrl,
  functionsDeclaredIn,
  isMysql,
  isPostgres,
  isVolatileDefault,
  migrationToCheck,
  parseDataType,
  upOperations,
} from "../model/index.js";

const SERIAL = new Set(["serial", "bigserial", "smallserial"]);

// Each finding's own remedy: the meta help covers them all, for `explain` and the docs.
const BACKFILL_HELP =
  "Add the column without the default (or with a constant one), then fill it in batches after the deploy.";
const MAINTENANCE_HELP =
  "Run it (or pg_repack, which holds the lock only briefly) in a maintenance window, not in a deploy.";
const HELP: Record<string, string> = {
  volatileDefault: BACKFILL_HELP,
  generatedColumn:
    "Add a plain column, fill it in batches and keep it current with a trigger, or add the generated column in a maintenance window.",
  serialColumn:
    "Add the column as a plain bigint, fill it in batches, then attach a sequence default (or an identity) for new rows.",
  vacuumFull: MAINTENANCE_HELP,
  cluster: MAINTENANCE_HELP,
  mysqlCopy:
    "Use ALGORITHM=INPLACE (or INSTANT) with LOCK=NONE where MySQL supports it for this change, or an online schema change tool (gh-ost, pt-online-schema-change).",
};

export default defineRule({
  id: "no-table-rewrite",
  meta: {
    description: "Disallow statements that rewrite an existing table while locking it.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    presets: { recommended: "warn", strict: "error" },
    messages: {
      volatileDefault:
        "Column {{column}} is added to {{table}} with the volatile default {{expr}}, which PostgreSQL evaluates for every row: the whole table is rewritten under an ACCESS EXCLUSIVE lock.",
      generatedColumn:
        "Stored generated column {{column}} makes PostgreSQL compute it for every row of {{table}}: the table is rewritten under an ACCESS EXCLUSIVE lock.",
      serialColumn:
        "Serial column {{column}} on {{table}} fills every existing row from a sequence: the table is rewritten under an ACCESS EXCLUSIVE lock.",
      vacuumFull:
        "VACUUM FULL rewrites {{table}} under an ACCESS EXCLUSIVE lock, blocking reads and writes until it ends.",
      cluster: "CLUSTER rewrites {{table}} under an ACCESS EXCLUSIVE lock, blocking reads and writes until it ends.",
      mysqlCopy:
        "ALGORITHM={{algorithm}} / LOCK={{lock}} on {{table}} makes MySQL copy the table or block its writes for the whole change.",
    },
    help: "Add the column without the default and backfill it in batches; run VACUUM FULL/CLUSTER (or pg_repack) in a maintenance window, not in a deploy.",
    docs: { url: docsUrl("no-table-rewrite") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const postgres = isPostgres(migration.dialect);
        const mysql = isMysql(migration.dialect);
        // A function the migration creates is as volatile as it declares itself.
        const declared = functionsDeclaredIn(migration.statements);
        // A table created or emptied earlier in this migration has no rows to scan, rewrite or update.
        for (const { operation, emptyTable } of upOperations(migration)) {
          if (emptyTable) continue;
          const range = operation.range;
          if (postgres && operation.type === "add_column") {
            const data = { column: operation.column, table: operation.table };
            if (isVolatileDefault(operation.defaultExpr, declared)) {
              ctx.report({
                messageId: "volatileDefault",
                help: HELP.volatileDefault,
                data: { ...data, expr: withoutLiterals(operation.defaultExpr ?? "") },
                range,
              });
            } else if (operation.generated === "stored") {
              ctx.report({ messageId: "generatedColumn", data, help: HELP.generatedColumn, range });
            } else if (SERIAL.has(parseDataType(operation.dataType).base)) {
              ctx.report({ messageId: "serialColumn", data, help: HELP.serialColumn, range });
            }
          } else if (postgres && operation.type === "maintenance" && operation.table !== "") {
            if (operation.verb === "vacuum" && operation.full) {
              ctx.report({ messageId: "vacuumFull", data: { table: operation.table }, help: HELP.vacuumFull, range });
            } else if (operation.verb === "cluster") {
              ctx.report({ messageId: "cluster", data: { table: operation.table }, help: HELP.cluster, range });
            }
          } else if (mysql && operation.type === "table_options") {
            const copy =
              operation.algorithm === "COPY" || operation.lock === "SHARED" || operation.lock === "EXCLUSIVE";
            if (!copy) continue;
            ctx.report({
              messageId: "mysqlCopy",
              help: HELP.mysqlCopy,
              data: {
                algorithm: operation.algorithm ?? "DEFAULT",
                lock: operation.lock ?? "DEFAULT",
                table: operation.table,
              },
              range,
            });
          }
        }
      },
    };
  },
});

// The default is quoted to say which function is volatile; its string arguments may be a value that
// must not be printed (crypt('the password', gen_salt('bf'))), so every literal shows as '…'.
function withoutLiterals(expression: string): string {
  return expression.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|[eE]?'(?:[^'\\]|''|\\.)*'/g, "'…'");
}
