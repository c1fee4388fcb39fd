// Reads what pre-deploy needs from the config file and the ladder manifest: `preDeploy.commands`
// (validated with the rest of the config by loadConfig) and `branching.main` / the environments.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, type ResolvedConfig } from "@deploylint/core";
import { parse as parseYaml } from "yaml";

/** The config file's own data (extended files contribute no commands or smoke checks). */
export async function rawConfig(file: string): Promise<Record<string, unknown>> {
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

/** How long a command may run when neither it nor preDeploy.timeout says (seconds). */
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 600;

export interface PreDeployCommand {
  /** The shell command; never shown as is (it may hold credentials). */
  run: string;
  /** What the table and JSON show: the user's name, or null to show the masked command. */
  name: string | null;
  timeoutSeconds: number;
}

/** `preDeploy.commands` of the config file itself (extended files do not contribute commands). */
export async function preDeployCommands(config: ResolvedConfig): Promise<PreDeployCommand[]> {
  if (!config.configFile) return [];
  const preDeploy = (await rawConfig(config.configFile)).preDeploy as
    | { commands?: unknown; timeout?: unknown }
    | undefined;
  const commands = preDeploy?.commands;
  if (commands === undefined) return [];
  const fallback = positive(preDeploy?.timeout) ?? DEFAULT_COMMAND_TIMEOUT_SECONDS;
  // loadConfig validated the shape against the config schema; this guards a caller that skipped it.
  if (!Array.isArray(commands)) throw new ConfigError(`${config.configFile}: preDeploy.commands must be a list.`);
  return commands.map((command, index) => {
    if (typeof command === "string" && command.trim() !== "")
      return { run: command, name: null, timeoutSeconds: fallback };
    const entry = command as { run?: unknown; name?: unknown; timeout?: unknown } | null;
    if (entry && typeof entry === "object" && typeof entry.run === "string" && entry.run.trim() !== "") {
      return {
        run: entry.run,
        name: typeof entry.name === "string" && entry.name.trim() !== "" ? entry.name : null,
        timeoutSeconds: positive(entry.timeout) ?? fallback,
      };
    }
    throw new ConfigError(
      `${config.configFile}: preDeploy.commands[${index}] must be a shell command or { run, name, timeout }.`,
    );
  });
}

function positive(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

export interface Manifest {
  path: string;
  mainBranch: string | null;
  environments: string[];
}

/**
 * The ladder manifest named by settings.ladder.manifest, else company.config.y(a)ml; null when
 * neither default exists. A configured manifest that cannot be read is a config error: the gate
 * would otherwise deploy to an environment nobody declared.
 */
export function readManifest(config: ResolvedConfig, cwd: string): Manifest | null {
  const ladder = config.settings.ladder as { manifest?: unknown } | undefined;
  const configured = typeof ladder?.manifest === "string" ? ladder.manifest : null;
  const candidates = configured !== null ? [configured] : ["company.config.yaml", "company.config.yml"];
  for (const path of candidates) {
    let text: string;
    try {
      text = readFileSync(join(cwd, path), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      // A default name that is not there: try the next; no manifest at all is a valid answer.
      if (configured === null && code === "ENOENT") continue;
      const setting = configured !== null ? "settings.ladder.manifest: " : "";
      throw new ConfigError(`${setting}cannot read the ladder manifest ${path} (${code}).`);
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
