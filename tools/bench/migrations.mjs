// The benchmark's PostgreSQL migration history: golang-migrate up/down pairs that evolve one schema
// model, so statements name tables and columns that exist, with the mix a real history has.

const NOUNS = [
  "users",
  "accounts",
  "orders",
  "order_items",
  "invoices",
  "payments",
  "refunds",
  "products",
  "prices",
  "carts",
  "shipments",
  "addresses",
  "sessions",
  "api_keys",
  "webhooks",
  "events",
  "coupons",
  "reviews",
  "tenants",
  "teams",
  "memberships",
  "subscriptions",
  "plans",
  "audit_entries",
  "notifications",
  "files",
  "tags",
  "comments",
  "jobs",
  "ledger_entries",
];

const COLUMN_TYPES = [
  ["text", "''"],
  ["varchar(255)", "''"],
  ["integer", "0"],
  ["bigint", "0"],
  ["boolean", "false"],
  ["timestamptz", "now()"],
  ["numeric(12,2)", "0"],
  ["jsonb", "'{}'::jsonb"],
  ["uuid", "gen_random_uuid()"],
];

const COLUMN_WORDS = [
  "status",
  "label",
  "notes",
  "external_ref",
  "amount_cents",
  "currency",
  "priority",
  "archived",
  "processed_at",
  "metadata",
  "locale",
  "region",
  "source",
  "score",
  "attempts",
  "expires_at",
  "checksum",
  "display_name",
  "country_code",
  "version",
];

/**
 * @param {{ random: ReturnType<typeof import("./random.mjs").createRandom>, count: number }} options
 * @returns {Map<string, string>} path -> SQL, in version order
 */
export function migrationHistory({ random, count }) {
  const schema = { tables: [], functions: 0, views: 0, types: 0, serial: 0 };
  const pendingValidations = [];
  const files = new Map();
  for (let version = 1; version <= count; version++) {
    const step =
      schema.tables.length < 3 ? createTable(random, schema) : nextStep({ random, schema, pendingValidations });
    const stem = `db/migrations/${String(version).padStart(6, "0")}_${step.name}`;
    const header = random.chance(0.3) ? `-- ${step.name.replaceAll("_", " ")}\n` : "";
    files.set(`${stem}.up.sql`, `${header}${step.up.join("\n\n")}\n`);
    // A few histories lose their down file or leave it empty, as real ones do.
    const roll = random.next();
    if (roll < 0.01) continue;
    files.set(`${stem}.down.sql`, roll < 0.03 ? "-- irreversible\n" : `${step.down.join("\n\n")}\n`);
  }
  return files;
}

function nextStep({ random, schema, pendingValidations }) {
  const pending = pendingValidations.shift();
  if (pending && random.chance(0.8)) return pending;
  const kind = random.weighted([
    [12, createTable],
    [16, addColumn],
    [14, createIndex],
    [8, addForeignKey],
    [6, addCheck],
    [6, createFunction],
    [10, updateData],
    [5, insertRows],
    [3, createEnum],
    [4, createView],
    [5, alterColumn],
    [3, commentOn],
    [2, dropColumn],
    [1, renameColumn],
    [2, changeType],
  ]);
  return kind(random, schema, pendingValidations);
}

function uniqueName(schema, base) {
  schema.serial++;
  return `${base}_${schema.serial}`;
}

function lockTimeout(random) {
  return random.chance(0.35) ? ["SET lock_timeout = '5s';"] : [];
}

function createTable(random, schema) {
  const base = NOUNS[schema.tables.length % NOUNS.length];
  const name = schema.tables.length < NOUNS.length ? base : uniqueName(schema, base);
  const columns = ["id", "created_at", "updated_at"];
  const lines = ["  id bigserial PRIMARY KEY"];
  const parent = schema.tables.length > 0 && random.chance(0.6) ? random.pick(schema.tables) : null;
  if (parent) {
    const fk = `${parent.name.replace(/s(_\d+)?$/, "")}_id`;
    lines.push(`  ${fk} bigint NOT NULL REFERENCES ${parent.name} (id) ON DELETE CASCADE`);
    columns.push(fk);
  }
  for (let i = random.int(2, 7); i > 0; i--) {
    const column = random.pick(COLUMN_WORDS);
    if (columns.includes(column)) continue;
    const [type, fallback] = random.pick(COLUMN_TYPES);
    const required = random.chance(0.4);
    lines.push(`  ${column} ${type}${required ? ` NOT NULL DEFAULT ${fallback}` : ""}`);
    columns.push(column);
  }
  lines.push("  created_at timestamptz NOT NULL DEFAULT now()", "  updated_at timestamptz NOT NULL DEFAULT now()");
  schema.tables.push({ name, columns });
  return {
    name: `create_${name}`,
    up: [`CREATE TABLE ${name} (\n${lines.join(",\n")}\n);`],
    down: [`DROP TABLE IF EXISTS ${name};`],
  };
}

function addColumn(random, schema) {
  const table = random.pick(schema.tables);
  const column = uniqueName(schema, random.pick(COLUMN_WORDS));
  const [type, fallback] = random.pick(COLUMN_TYPES);
  const shape = random.weighted([
    [6, ""],
    [3, ` NOT NULL DEFAULT ${fallback}`],
    [1, " NOT NULL"],
  ]);
  table.columns.push(column);
  return {
    name: `add_${column}_to_${table.name}`,
    up: [...lockTimeout(random), `ALTER TABLE ${table.name} ADD COLUMN ${column} ${type}${shape};`],
    down: [`ALTER TABLE ${table.name} DROP COLUMN IF EXISTS ${column};`],
  };
}

function createIndex(random, schema) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns);
  const name = uniqueName(schema, `idx_${table.name}_${column}`);
  const concurrently = random.chance(0.6);
  const unique = random.chance(0.2) ? "UNIQUE " : "";
  const partial = random.chance(0.15) ? " WHERE archived IS NOT TRUE" : "";
  const how = concurrently ? "CONCURRENTLY " : "";
  return {
    name: `index_${table.name}_${column}`,
    up: [`CREATE ${unique}INDEX ${how}IF NOT EXISTS ${name} ON ${table.name} (${column})${partial};`],
    down: [`DROP INDEX ${how}IF EXISTS ${name};`],
  };
}

function addForeignKey(random, schema, pendingValidations) {
  const child = random.pick(schema.tables);
  const parent = random.pick(schema.tables);
  const column = uniqueName(schema, `${parent.name.replace(/s(_\d+)?$/, "")}_ref`);
  const constraint = `fk_${child.name}_${column}`;
  child.columns.push(column);
  const notValid = random.chance(0.6);
  const up = [
    ...lockTimeout(random),
    `ALTER TABLE ${child.name} ADD COLUMN ${column} bigint;`,
    `ALTER TABLE ${child.name}\n  ADD CONSTRAINT ${constraint} FOREIGN KEY (${column}) REFERENCES ${parent.name} (id)${notValid ? " NOT VALID" : ""};`,
  ];
  if (notValid) pendingValidations.push(validateStep(child.name, constraint));
  return {
    name: `add_${constraint}`,
    up,
    down: [
      `ALTER TABLE ${child.name} DROP CONSTRAINT IF EXISTS ${constraint};`,
      `ALTER TABLE ${child.name} DROP COLUMN IF EXISTS ${column};`,
    ],
  };
}

function validateStep(table, constraint) {
  return {
    name: `validate_${constraint}`,
    up: [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${constraint};`],
    down: ["-- Validation has nothing to undo.", "SELECT 1;"],
  };
}

function addCheck(random, schema, pendingValidations) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns);
  const constraint = uniqueName(schema, `chk_${table.name}_${column}`);
  const notValid = random.chance(0.5);
  if (notValid) pendingValidations.push(validateStep(table.name, constraint));
  return {
    name: `check_${table.name}_${column}`,
    up: [
      `ALTER TABLE ${table.name}\n  ADD CONSTRAINT ${constraint} CHECK (${column} IS NOT NULL)${notValid ? " NOT VALID" : ""};`,
    ],
    down: [`ALTER TABLE ${table.name} DROP CONSTRAINT IF EXISTS ${constraint};`],
  };
}

function createFunction(random, schema) {
  const table = random.pick(schema.tables);
  schema.functions++;
  const fn = `touch_${table.name}_${schema.functions}`;
  const trigger = `trg_${fn}`;
  const body = random.chance(0.5)
    ? "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;"
    : `DECLARE\n  label text := 'it''s; not a terminator';\nBEGIN\n  IF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN\n    RAISE NOTICE 'touch %: %', TG_TABLE_NAME, label;\n  END IF;\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;`;
  return {
    name: `trigger_${fn}`,
    up: [
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger\nLANGUAGE plpgsql AS $$\n${body}\n$$;`,
      `CREATE TRIGGER ${trigger} BEFORE UPDATE ON ${table.name}\n  FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    ],
    down: [`DROP TRIGGER IF EXISTS ${trigger} ON ${table.name};`, `DROP FUNCTION IF EXISTS ${fn}();`],
  };
}

function updateData(random, schema) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns.filter((c) => c !== "id")) ?? "updated_at";
  const batched = random.chance(0.6);
  const start = random.int(0, 9) * 100_000;
  const up = batched
    ? `UPDATE ${table.name}\nSET ${column} = DEFAULT\nWHERE id >= ${start} AND id < ${start + 100_000} AND ${column} IS NULL;`
    : `UPDATE ${table.name} SET updated_at = now() WHERE ${column} IS NULL;`;
  return {
    name: `backfill_${table.name}_${column}`,
    up: [up],
    down: ["-- Data backfills are not reverted.", "SELECT 1;"],
  };
}

function insertRows(random, schema) {
  const table = random.pick(schema.tables);
  const rows = [];
  for (let i = random.int(1, 6); i > 0; i--) rows.push(`  (now(), now())`);
  return {
    name: `seed_${table.name}`,
    up: [`INSERT INTO ${table.name} (created_at, updated_at)\nVALUES\n${rows.join(",\n")}\nON CONFLICT DO NOTHING;`],
    down: [`DELETE FROM ${table.name} WHERE created_at < now() - interval '1 day' * 0;`],
  };
}

function createEnum(random, schema) {
  schema.types++;
  const type = `status_${schema.types}`;
  const values = ["pending", "active", "suspended", "closed"].slice(0, random.int(2, 4));
  return {
    name: `create_type_${type}`,
    up: [`CREATE TYPE ${type} AS ENUM (${values.map((v) => `'${v}'`).join(", ")});`],
    down: [`DROP TYPE IF EXISTS ${type};`],
  };
}

function createView(random, schema) {
  const table = random.pick(schema.tables);
  schema.views++;
  const view = `${table.name}_recent_${schema.views}`;
  return {
    name: `view_${view}`,
    up: [
      `CREATE OR REPLACE VIEW ${view} AS\nSELECT ${table.columns.slice(0, 4).join(", ")}\nFROM ${table.name}\nWHERE created_at > now() - interval '30 days';`,
    ],
    down: [`DROP VIEW IF EXISTS ${view};`],
  };
}

function alterColumn(random, schema) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns.filter((c) => !["id", "created_at", "updated_at"].includes(c)));
  if (!column) return commentOn(random, schema);
  const setNull = random.chance(0.5);
  return {
    name: `alter_${table.name}_${column}`,
    up: [
      ...lockTimeout(random),
      setNull
        ? `ALTER TABLE ${table.name} ALTER COLUMN ${column} DROP NOT NULL;`
        : `ALTER TABLE ${table.name} ALTER COLUMN ${column} DROP DEFAULT;`,
    ],
    down: [`-- Restoring the old ${setNull ? "constraint" : "default"} needs a backfill first.`, "SELECT 1;"],
  };
}

function commentOn(random, schema) {
  const table = random.pick(schema.tables);
  return {
    name: `comment_${table.name}`,
    up: [`COMMENT ON TABLE ${table.name} IS 'Owned by the ${table.name.split("_")[0]} team; see the runbook.';`],
    down: [`COMMENT ON TABLE ${table.name} IS NULL;`],
  };
}

function dropColumn(random, schema) {
  const table = random.pick(schema.tables);
  const candidates = table.columns.filter((c) => !["id", "created_at", "updated_at"].includes(c));
  if (candidates.length === 0) return commentOn(random, schema);
  const column = random.pick(candidates);
  table.columns = table.columns.filter((c) => c !== column);
  return {
    name: `drop_${column}_from_${table.name}`,
    up: [`ALTER TABLE ${table.name} DROP COLUMN ${column};`],
    down: [`ALTER TABLE ${table.name} ADD COLUMN ${column} text;`],
  };
}

function renameColumn(random, schema) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns.filter((c) => !["id", "created_at", "updated_at"].includes(c)));
  if (!column) return commentOn(random, schema);
  const renamed = uniqueName(schema, column);
  table.columns = table.columns.map((c) => (c === column ? renamed : c));
  return {
    name: `rename_${table.name}_${column}`,
    up: [`ALTER TABLE ${table.name} RENAME COLUMN ${column} TO ${renamed};`],
    down: [`ALTER TABLE ${table.name} RENAME COLUMN ${renamed} TO ${column};`],
  };
}

function changeType(random, schema) {
  const table = random.pick(schema.tables);
  const column = random.pick(table.columns.filter((c) => !["id", "created_at", "updated_at"].includes(c)));
  if (!column) return commentOn(random, schema);
  return {
    name: `retype_${table.name}_${column}`,
    up: [`ALTER TABLE ${table.name} ALTER COLUMN ${column} TYPE text USING ${column}::text;`],
    down: ["-- The old type may not hold every new value.", "SELECT 1;"],
  };
}
