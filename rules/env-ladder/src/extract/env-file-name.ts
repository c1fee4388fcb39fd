// Which environment a dotenv file is for, judged by its path alone: `.env.<name>`,
// `deploy/<name>.env`, `config/<name>.env`, or a file inside a kustomize `overlays/<name>/`.
import { isExampleFileName } from "@deploylint/core/rule-api";

// `.env.test` and `.env.ci` hold values for a test run, not for an environment of the ladder.
const NOT_ENVIRONMENTS = new Set(["test", "ci"]);
const ENV_DIRS = new Set(["deploy", "config", "env", "envs", "environments", ".deploy"]);

/** The environment name a dotenv file's path gives, or null (`.env`, templates, other paths). */
export function environmentOfPath(path: string): string | null {
  const segments = path.split("/");
  const base = segments.at(-1) ?? "";
  const overlay = segments.lastIndexOf("overlays");
  if (isTemplatePath(path)) return null;
  if (overlay >= 0 && overlay + 1 < segments.length - 1) return segments[overlay + 1] ?? null;
  if (base.startsWith(".env.")) {
    // .env.production.local holds local overrides of production's values; it is still production's file.
    const name = base.slice(".env.".length).replace(/\.local$/, "");
    return name === "" || NOT_ENVIRONMENTS.has(name.toLowerCase()) ? (base === ".env.local" ? "local" : null) : name;
  }
  if (base.endsWith(".env") && base.length > ".env".length) {
    const dir = segments.at(-2);
    if (dir !== undefined && ENV_DIRS.has(dir.toLowerCase())) return base.slice(0, -".env".length);
  }
  return null;
}

/**
 * Template files (`.env.example`, …) document variables; they belong to no environment. Core's
 * definition, shared with env-docs and secrets, so the file env-docs reads as documentation is
 * never read here as an environment's values.
 */
export function isTemplatePath(path: string): boolean {
  return isExampleFileName(path);
}
