// The rungs of the ladder and the names environments go by: aliases map onto local, staging and
// production so that "prod" in a workflow and "production" in the manifest are the same place.
export type Rung = "local" | "staging" | "production";

export const RUNGS: readonly Rung[] = ["local", "staging", "production"];

const ALIASES: Record<string, Rung> = {
  local: "local",
  dev: "local",
  development: "local",
  staging: "staging",
  stage: "staging",
  preprod: "staging",
  "pre-prod": "staging",
  "pre-production": "staging",
  production: "production",
  prod: "production",
  live: "production",
};

/** The rung an environment name stands for, or null for other names (qa, preview, uat, …). */
export function rungOf(name: string): Rung | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

/** Whether two environment names denote the same environment (same rung, or the same other name). */
export function sameEnvironment(a: string, b: string): boolean {
  const rungA = rungOf(a);
  const rungB = rungOf(b);
  if (rungA !== null || rungB !== null) return rungA === rungB;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Every name that denotes `name`'s environment (itself and its aliases). */
export function namesOf(name: string): string[] {
  const rung = rungOf(name);
  if (rung === null) return [name.toLowerCase()];
  return Object.entries(ALIASES)
    .filter(([, target]) => target === rung)
    .map(([alias]) => alias);
}
