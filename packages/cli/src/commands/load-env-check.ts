// Finds `deploylint env check` and `deploylint migrations verify` (commands written separately) at
// run time, so the CLI and pre-deploy work, and say a check is unavailable, in a build without it.
import { existsSync } from "node:fs";
import type { Io } from "../cli.js";

export type EnvCheck = (argv: string[], io: Io) => Promise<number>;

async function loadCommand(file: string, name: string): Promise<EnvCheck | null> {
  const url = new URL(file, import.meta.url);
  if (!existsSync(url)) return null;
  const module = (await import(url.href)) as Record<string, unknown>;
  if (typeof module[name] !== "function") throw new Error(`${url.pathname} does not export ${name}(argv, io).`);
  return module[name] as EnvCheck;
}

export function loadEnvCheck(): Promise<EnvCheck | null> {
  return loadCommand("./env-check.js", "envCheck");
}

export function loadMigrationsVerify(): Promise<EnvCheck | null> {
  return loadCommand("./migrations-verify.js", "migrationsVerify");
}
