// Empties a PostgreSQL database in place (every user schema, every extension, the roles migrations
// created), which is much cheaper than starting a new PGlite instance when verify rebuilds from scratch.
type Exec = (sql: string) => Promise<void>;
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const quote = (name: unknown) => `"${String(name).replace(/"/g, '""')}"`;

/** The roles that exist now, to keep when cleaning. */
export async function currentRoles(query: Query): Promise<Set<string>> {
  return new Set((await query("SELECT rolname FROM pg_roles")).map((row) => String(row.rolname)));
}

export async function cleanPostgres(exec: Exec, query: Query, keepRoles: ReadonlySet<string>): Promise<void> {
  for (const row of await query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'")) {
    await exec(`DROP EXTENSION IF EXISTS ${quote(row.extname)} CASCADE`);
  }
  const schemas = await query(
    "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp_%'",
  );
  for (const row of schemas) await exec(`DROP SCHEMA IF EXISTS ${quote(row.nspname)} CASCADE`);
  await exec("CREATE SCHEMA public");
  for (const row of await query("SELECT rolname FROM pg_roles")) {
    if (keepRoles.has(String(row.rolname))) continue;
    await exec(`DROP OWNED BY ${quote(row.rolname)} CASCADE`);
    await exec(`DROP ROLE ${quote(row.rolname)}`);
  }
  await exec("GRANT ALL ON SCHEMA public TO public");
}
