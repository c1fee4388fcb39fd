// A real PostgreSQL server (--database-url postgres://…): verify creates a throwaway database,
// runs there, and drops it at the end, whatever happened.
import type { Client } from "pg";
import { postgresSnapshot } from "../snapshot/postgres.js";
import { type Engine, EngineError, EngineStoppedError } from "../types.js";
import { currentRoles } from "./clean-postgres.js";
import { NonEmptyDatabaseError, throwawayName } from "./throwaway.js";

type ClientClass = new (config: { connectionString: string }) => Client;

// SQLSTATE 57014 (query_canceled): what statement_timeout raises.
const QUERY_CANCELED = "57014";

function asEngineError(error: unknown, timeoutMs: number): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: unknown }).code === QUERY_CANCELED) {
    return new EngineStoppedError(message, "timeout", timeoutMs);
  }
  const position = (error as { position?: unknown }).position;
  return new EngineError(message, typeof position === "string" && /^\d+$/.test(position) ? Number(position) : null);
}

async function userTables(client: Client): Promise<number> {
  const result = await client.query(
    "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'",
  );
  return Number(result.rows[0]?.n ?? 0);
}

export async function openPostgres(options: {
  url: string;
  allowNonEmpty: boolean;
  timeoutMs: number;
}): Promise<Engine> {
  const pg = (await import("pg")).default as unknown as { Client: ClientClass };
  const admin = new pg.Client({ connectionString: options.url });
  await admin.connect();
  const name = throwawayName();
  const target = new URL(options.url);
  const adminDatabase = decodeURIComponent(target.pathname.slice(1)) || "postgres";
  target.pathname = `/${name}`;
  let client: Client | null = null;
  const create = async () => {
    await admin.query(`CREATE DATABASE "${name}"`);
    client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    // The server stops a statement that runs past the time a migration is given (--timeout).
    await client.query(`SET statement_timeout = ${Math.max(1, Math.round(options.timeoutMs))}`);
  };
  const drop = async () => {
    await (client as Client | null)?.end();
    client = null;
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  };
  const adminRows = async (sql: string) => (await admin.query(sql)).rows as Record<string, unknown>[];
  // Roles are the server's, not the database's: the ones migrations create are dropped at the end too.
  const roles = await currentRoles(adminRows);
  const dropNewRoles = async () => {
    for (const role of await currentRoles(adminRows)) {
      if (!roles.has(role)) await admin.query(`DROP ROLE IF EXISTS "${role.replace(/"/g, '""')}"`);
    }
  };
  try {
    const tables = await userTables(admin);
    if (tables > 0 && !options.allowNonEmpty) throw new NonEmptyDatabaseError(adminDatabase, tables);
    await create();
  } catch (error) {
    await drop().catch(() => undefined);
    await admin.end();
    throw error;
  }
  const current = (): Client => {
    if (client === null) throw new Error("The throwaway database is not connected.");
    return client;
  };
  return {
    name: "postgres",
    dialect: "postgresql",
    // statement_timeout bounds each statement on the server; there is no clock to start here.
    startTimer() {},
    async exec(sql) {
      try {
        await current().query(sql);
      } catch (error) {
        throw asEngineError(error, options.timeoutMs);
      }
    },
    async snapshot() {
      return postgresSnapshot(async (sql) => (await current().query(sql)).rows as Record<string, unknown>[]);
    },
    async reset() {
      await drop();
      await dropNewRoles();
      await create();
    },
    async close() {
      try {
        await drop();
        await dropNewRoles();
      } finally {
        await admin.end();
      }
    },
  };
}
