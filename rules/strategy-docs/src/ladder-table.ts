// The strategy's environment table and what its cells claim, in the manifest's terms: a database
// engine family, a data policy, whether the environment is monitored, who has access. A cell that
// claims nothing recognisable is not compared (only what can be told apart is judged).
import type { Block, Cell } from "./facts.js";

export type Column = "environment" | "database" | "data" | "monitoring" | "access";

const COLUMN_NAMES: Record<Column, RegExp> = {
  environment: /^(environment|env|name|tier|stage)s?$/,
  database: /^(database|db|database engine|engine|datastore)s?$/,
  data: /^(data|data policy|test data|dataset)s?$/,
  monitoring: /^(monitoring|observability|alerting|alerts)$/,
  access: /^(access|who has access|who can access|permissions)$/,
};

export interface LadderTable {
  header: Cell[];
  columns: Partial<Record<Column, number>>;
  rows: Cell[][];
}

/** The first table of the blocks with an environment column, its columns told by header names. */
export function ladderTable(blocks: readonly Block[]): LadderTable | null {
  for (const block of blocks) {
    if (block.type !== "table") continue;
    const columns: Partial<Record<Column, number>> = {};
    block.header.forEach((cell, index) => {
      const name = cell.text.toLowerCase().replace(/\s+/g, " ").trim();
      for (const [column, pattern] of Object.entries(COLUMN_NAMES) as [Column, RegExp][])
        if (pattern.test(name) && columns[column] === undefined) columns[column] = index;
    });
    if (columns.environment !== undefined) return { header: block.header, columns, rows: block.rows };
  }
  return null;
}

const ENGINES: readonly [string, RegExp][] = [
  ["PostgreSQL", /\b(postgres(ql)?|pg|psql|aurora postgres(ql)?|neon|supabase)\b/i],
  ["MySQL", /\b(mysql|aurora mysql|planetscale)\b/i],
  ["MariaDB", /\bmariadb\b/i],
  ["SQLite", /\b(sqlite3?|libsql|turso|d1)\b/i],
  ["MongoDB", /\bmongo(db)?\b/i],
  ["SQL Server", /\b(sql server|mssql)\b/i],
];

/** The engine families a text names. */
export function enginesIn(text: string): string[] {
  return ENGINES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

const DATA_POLICIES: readonly [string, RegExp][] = [
  ["real", /\b(real|live|production|prod|customer)\b/i],
  ["anonymized", /\b(anonymi[sz]ed|masked|scrubbed|sanitised|sanitized|pseudonymi[sz]ed|redacted)\b/i],
  ["synthetic", /\b(seed(ed|s)?|synthetic|fake|fixtures?|generated|mock|dummy|sample|test data)\b/i],
];

/** The data policies a text names ("real", "anonymized", "synthetic"). Anonymized production data is not real. */
export function dataPoliciesIn(text: string): string[] {
  const found = DATA_POLICIES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  return found.includes("anonymized") ? found.filter((name) => name !== "real") : found;
}

/** Whether a cell says the environment is not monitored ("none", "-", "no"). */
export function saysNone(text: string): boolean {
  return /^(none|no|n\/a|-|—|–|not monitored|nothing)\.?$/i.test(text.trim());
}

const GROUPS: readonly [string, RegExp][] = [
  ["developers", /\b(developers?|devs?|engineers?|engineering)\b/i],
  ["qa", /\b(qa|testers?|quality assurance)\b/i],
  ["ci", /\b(ci|ci\/cd|pipeline|deploy bot|automation)\b/i],
  ["ops", /\b(ops|sre|on-?call|operations|platform team|admins?)\b/i],
  ["public", /\b(public|anyone|everyone|users|customers)\b/i],
];

/** The access groups a text names, in the vocabulary above (manifest entries go through it too). */
export function groupsIn(text: string): string[] {
  return GROUPS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
