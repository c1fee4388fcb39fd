// The sound ladder of the platform fixtures, for rule tests to start from and break one thing in.
import { readFileSync } from "node:fs";

const read = (path: string) => readFileSync(new URL(`../fixtures/platforms/_base/${path}`, import.meta.url), "utf8");

/** A complete manifest: local (line 6), staging (line 13), production (line 20). */
export const SOUND = read("company.config.yaml");

/** A workflow that deploys production from main after the tests. */
export const SOUND_WORKFLOW = read(".github/workflows/deploy.yml");

/** SOUND with one piece of text replaced (the replaced text must exist). */
export function soundWith(search: string, replacement: string): string {
  if (!SOUND.includes(search)) throw new Error(`The sound manifest has no ${JSON.stringify(search)}.`);
  return SOUND.replace(search, replacement);
}
