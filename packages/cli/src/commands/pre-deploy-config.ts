// Reads what pre-deploy needs from the config file and the ladder manifest: `preDeploy.commands`
// (validated with the rest of the config by loadConfig) and `branching.main` / the environments.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, type ResolvedConfig } from "@deploylint/core";
import { parse as parseYaml } from "yaml";

async function rawConfig(file: string): Promise<Record<string, unknown>> {
  const name = basename(file);
  let data: unknown;
  if (name.endsWith(".js") || name.endsWith(".mjs")) {
    data = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } else {
    data = parseYaml(readFileSync(file, "utf8"));
    if (name === "package.json") data = (data as Record<string, unknown> | null)?.deploylint;
  }
  return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
}

/** `preDeploy.commands` of the config file itself (extended files do not contribute commands). */
export async function preDeployCommands(config: ResolvedConfig): Promise<string[]> {
  if (!config.configFile) return [];
  const preDeploy = (await rawConfig(config.configFile)).preDeploy as { commands?: unknown } | undefined;
  const commands = preDeploy?.commands;
  if (commands === undefined) return [];
  if (!Array.isArray(commands) || !commands.every((c) => typeof c === "string")) {
    throw new ConfigError(`${config.configFile}: preDeploy.commands must be a list of shell commands.`);
  }
  return commands;
}

export interface Manifest {
  path: string;
  mainBranch: string | null;
  environments: string[];
}

/** The ladder manifest named by settings.ladder.manifest, else company.config.y(a)ml; null when absent. */
export function readManifest(config: ResolvedConfig, cwd: string): Manifest | null {
  const ladder = config.settings.ladder as { manifest?: unknown } | undefined;
  const candidates =
    typeof ladder?.manifest === "string" ? [ladder.manifest] : ["company.config.yaml", "company.config.yml"];
  for (const path of candidates) {
    let text: string;
    try {
      text = readFileSync(join(cwd, path), "utf8");
    } catch {
      // Not there: try the next name; no manifest at all is a valid answer.
      continue;
    }
    let data: { branching?: { main?: unknown }; environments?: unknown } | null;
    try {
      data = parseYaml(text) as typeof data;
    } catch (error) {
      throw new ConfigError(`${path}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
    const environments =
      data?.environments && typeof data.environments === "object" ? Object.keys(data.environments) : [];
    return {
      path,
      mainBranch: typeof data?.branching?.main === "string" ? data.branching.main : null,
      environments,
    };
  }
  return null;
}
