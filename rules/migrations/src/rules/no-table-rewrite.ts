// migrations/no-table-rewrite: statements that rewrite a whole table under an exclusive lock
// (a volatile default, a stored generated or serial column, VACUUM FULL, CLUSTER, MySQL COPY).
// A project rule: a default's function may be created by an earlier migration of the history, and
// is then as volatile as that declaration says (IMMUTABLE, STABLE, or VOLATILE by default).
import { defineRule, type SqlDialect } from "@deploylint/core/rule-api";
import {
  byVersion,
  callsVolatile,
  docsUrl,
  groupMigrations,
  isHistory,
  isMysql,
  isPostgres,
  MIGRATION_FACT,
  type MigrationFact,
  type MigrationGroup,
  parseDataType,
  startAfterOf,
  type Volatility,
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

/** Migrations by folder, each folder in the order its tool applies them. */
function historiesOf(groups: MigrationGroup[]): MigrationGroup[][] {
  const roots = new Map<string, MigrationGroup[]>();
  for (const group of groups) {
    const list = roots.get(group.root);
    if (list) list.push(group);
    else roots.set(group.root, [group]);
  }
  return [...roots.values()].map((list) => list.sort(byVersion));
}

export default defineRule({
  id: "no-table-rewrite",
  scope: "project",
  meta: {
    description: "Disallow statements that rewrite an existing table while locking it.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
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
  check(ctx) {
    // Migrations at or before settings.migrations.startAfter shipped long ago: history, not news.
    // Their CREATE FUNCTIONs still count for the migrations after them.
    const startAfter = startAfterOf(ctx.settings);
    const groups = groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT)).filter((g) => g.up?.up);
    for (const history of historiesOf(groups)) {
      // Functions the earlier migrations of this folder created, with the volatility they declared.
      const declaredBefore = new Map<string, Volatility>();
      for (const group of history) {
        const fact = group.up;
        const section = fact?.up;
        if (fact === null || section === null || section === undefined) continue;
        const own = Object.entries(fact.functions ?? {});
        // This migration's own CREATE FUNCTION counts too, and replaces an earlier one of that name.
        const declared = new Map([...declaredBefore, ...own]);
        // The fact keeps the dialect as the model named it (a SqlDialect, as plain JSON).
        const dialect = fact.dialect as SqlDialect;
        const postgres = isPostgres(dialect);
        const mysql = isMysql(dialect);
        // With --changed-since the engine keeps only the findings in changed files; the whole
        // history is still read here, for the functions it declares.
        const operations = isHistory(group.version, startAfter) ? [] : section.operations;
        for (const op of operations) {
          // A table created or emptied earlier in this migration has no rows to scan, rewrite or update.
          if (op.emptyTable) continue;
          const at = { file: fact.path, line: op.line, column: op.col, endLine: op.endLine, endColumn: op.endCol };
          const table = op.table ?? "";
          if (postgres && op.type === "add_column") {
            const data = { column: op.column ?? "", table };
            if (op.defaultCalls !== undefined && callsVolatile(op.defaultCalls, declared)) {
              const expr = op.defaultShown ?? "";
              ctx.report({ messageId: "volatileDefault", help: HELP.volatileDefault, data: { ...data, expr }, ...at });
            } else if (op.generated === "stored") {
              ctx.report({ messageId: "generatedColumn", data, help: HELP.generatedColumn, ...at });
            } else if (SERIAL.has(parseDataType(op.dataType ?? "").base)) {
              ctx.report({ messageId: "serialColumn", data, help: HELP.serialColumn, ...at });
            }
          } else if (postgres && op.type === "maintenance" && table !== "") {
            if (op.verb === "vacuum" && op.full === true) {
              ctx.report({ messageId: "vacuumFull", data: { table }, help: HELP.vacuumFull, ...at });
            } else if (op.verb === "cluster") {
              ctx.report({ messageId: "cluster", data: { table }, help: HELP.cluster, ...at });
            }
          } else if (mysql && op.type === "table_options") {
            const copy = op.algorithm === "COPY" || op.lock === "SHARED" || op.lock === "EXCLUSIVE";
            if (!copy) continue;
            ctx.report({
              messageId: "mysqlCopy",
              help: HELP.mysqlCopy,
              data: { algorithm: op.algorithm || "DEFAULT", lock: op.lock || "DEFAULT", table },
              ...at,
            });
          }
        }
        for (const [name, volatility] of own) declaredBefore.set(name, volatility);
      }
    }
  },
});
