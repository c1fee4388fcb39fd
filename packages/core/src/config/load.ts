// Loads and flattens a configuration: finds the file, validates it, resolves `extends`
// (presets, pack configs, other config files) and `plugins` (packs by path or npm name), checks
// every rule id and every rule's options, and returns what the engine runs with.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ENGINE_PACKS, FILE_NOT_CHECKED_ID, PARSE_ERROR_ID, UNUSED_SUPPRESSION_ID } from "../engine/core-rules.js";
import type { Pack, PackConfig, Rule, RuleSetting, Severity } from "../rule-api/types.js";
import { ConfigError, suggest } from "./errors.js";
import { findConfigFile } from "./find.js";
import { packProblem } from "./pack-shape.js";
import { requireDirectory } from "./paths.js";
import { type RawConfig, readConfigFile } from "./read.js";
import { checkSettingsPaths, type SettingsSource, validateSettings } from "./settings.js";
import type { LoadedPack, OverrideConfig, ResolvedConfig, RuleConfigEntry } from "./types.js";
import { formatPath, validateConfigShape, validateRuleOptions } from "./validate.js";

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface Builtins {
  /** Packs every run has (the CLI passes the four shipped ones). */
  packs: LoadedPack[];
  /** Named presets: "recommended", "strict" and the opt-in "strategy". */
  presets: Record<string, PackConfig>;
  /** What a run without a config file extends. */
  defaultExtends: string[];
}

export interface LoadConfigOptions {
  cwd: string;
  /** --config: an explicit file (relative to cwd); no search when given. */
  configFile?: string;
  builtins: Builtins;
}

interface UserConfig {
  extends?: string | string[];
  plugins?: string[];
  ignores?: string[];
  settings?: Record<string, unknown>;
  rules?: Record<string, RuleSetting>;
  overrides?: {
    files: string | string[];
    ignores?: string | string[];
    rules?: Record<string, RuleSetting>;
    settings?: Record<string, unknown>;
  }[];
  maxFileSize?: number;
}

interface Layer {
  source: RawConfig | { file: string; data: PackConfig; lineOf: RawConfig["lineOf"] };
  rules: Record<string, RuleSetting>;
  rulesPath: (string | number)[];
}

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  requireDirectory({ dir: options.cwd, label: "working directory", base: process.cwd() });
  const file = options.configFile ? resolve(options.cwd, options.configFile) : findConfigFile(options.cwd);
  if (options.configFile && (!file || !existsSync(file)))
    throw new ConfigError(`${options.configFile}: no such config file.`);
  const loader = new ConfigLoader(options.builtins, options.cwd);
  if (!file) return loader.resolveDefault();
  return loader.resolveFile(file);
}

class ConfigLoader {
  private readonly packs: LoadedPack[];
  private readonly layers: Layer[] = [];
  private readonly settings: Record<string, unknown> = {};
  private readonly ignores: string[] = [];
  private readonly overrides: { raw: NonNullable<UserConfig["overrides"]>[number]; file: RawConfig; index: number }[] =
    [];
  private maxFileSize = DEFAULT_MAX_FILE_SIZE;
  private readonly visiting = new Set<string>();
  /** Every `settings` block read, kept with its file so errors can name the line once all packs are loaded. */
  private readonly settingsSources: SettingsSource[] = [];

  constructor(
    private readonly builtins: Builtins,
    private readonly cwd: string,
  ) {
    this.packs = [...builtins.packs];
  }

  async resolveDefault(): Promise<ResolvedConfig> {
    for (const name of this.builtins.defaultExtends)
      await this.applyExtends(name, virtualSource("(default config)"), ["extends"]);
    return this.finish(null);
  }

  async resolveFile(file: string): Promise<ResolvedConfig> {
    await this.applyFile(file, { root: true });
    return this.finish(file);
  }

  private async applyFile(file: string, options: { root: boolean } = { root: false }): Promise<void> {
    if (this.visiting.has(file)) throw new ConfigError(`${file}: extends itself (a cycle of config files).`);
    this.visiting.add(file);
    const raw = await readConfigFile(file);
    validateConfigShape(raw);
    const config = raw.data as UserConfig;
    for (const [index, plugin] of (config.plugins ?? []).entries()) await this.loadPlugin(plugin, raw, index);
    // A config that does not say what it extends builds on the default (recommended), so a file
    // that only sets `settings` does not silently turn every rule off; `extends: []` starts empty.
    const extendsList =
      typeof config.extends === "string"
        ? [config.extends]
        : (config.extends ?? (options.root ? this.builtins.defaultExtends : []));
    for (const [index, name] of extendsList.entries()) await this.applyExtends(name, raw, ["extends", index]);
    if (config.settings) {
      mergeSettings(this.settings, config.settings);
      this.settingsSources.push({ source: raw, settings: config.settings, path: ["settings"] });
    }
    if (config.ignores) this.ignores.push(...config.ignores);
    if (config.maxFileSize) this.maxFileSize = config.maxFileSize;
    if (config.rules) this.layers.push({ source: raw, rules: config.rules, rulesPath: ["rules"] });
    for (const [index, override] of (config.overrides ?? []).entries())
      this.overrides.push({ raw: override, file: raw, index });
    this.visiting.delete(file);
  }

  private async applyExtends(name: string, from: RawConfig, path: (string | number)[]): Promise<void> {
    const preset = this.builtins.presets[name.replace(/^deploylint:/, "")];
    if (preset) {
      this.applyPackConfig(preset, `preset ${name}`);
      return;
    }
    if (name.startsWith(".") || isAbsolute(name)) {
      await this.applyFile(resolve(dirname(from.file), name));
      return;
    }
    // "<pack>/<config>": a config a loaded pack ships.
    const slash = name.lastIndexOf("/");
    if (slash > 0) {
      const pack = this.packs.find((p) => p.pack.name === name.slice(0, slash));
      const packConfig = pack?.pack.configs?.[name.slice(slash + 1)];
      if (packConfig) {
        this.applyPackConfig(packConfig, `${name}`);
        return;
      }
    }
    const known = [
      ...Object.keys(this.builtins.presets),
      ...this.packs.flatMap((p) => Object.keys(p.pack.configs ?? {}).map((c) => `${p.pack.name}/${c}`)),
    ];
    const hint = suggest(name, known);
    const line = from.lineOf(path);
    throw new ConfigError(
      `${from.file}${line ? `:${line}` : ""}: ${formatPath(path)}: unknown config "${name}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${known.join(", ")}; or a relative path to a config file).`,
    );
  }

  private applyPackConfig(config: PackConfig, label: string): void {
    if (config.settings) {
      mergeSettings(this.settings, config.settings);
      this.settingsSources.push({ source: virtualSource(label), settings: config.settings, path: ["settings"] });
    }
    if (config.rules) this.layers.push({ source: virtualSource(label), rules: config.rules, rulesPath: ["rules"] });
  }

  private async loadPlugin(specifier: string, from: RawConfig, index: number): Promise<void> {
    const baseDir = dirname(from.file);
    let url: string;
    try {
      url =
        specifier.startsWith(".") || isAbsolute(specifier)
          ? pathToFileURL(resolve(baseDir, specifier)).href
          : pathToFileURL(createRequire(join(baseDir, "noop.js")).resolve(specifier)).href;
    } catch {
      const line = from.lineOf(["plugins", index]);
      throw new ConfigError(
        `${from.file}${line ? `:${line}` : ""}: plugins[${index}]: cannot find the pack "${specifier}" (a path relative to the config file, or an installed npm package).`,
      );
    }
    let module: { default?: unknown };
    try {
      module = (await import(url)) as { default?: unknown };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
      throw new ConfigError(`${from.file}: plugins[${index}]: the pack "${specifier}" failed to load: ${message}`);
    }
    const line = from.lineOf(["plugins", index]);
    const problem = packProblem(module.default);
    if (problem !== null) {
      throw new ConfigError(
        `${from.file}${line ? `:${line}` : ""}: plugins[${index}]: the pack "${specifier}" ${problem}`,
      );
    }
    // packProblem checked every member the engine reads.
    const pack = module.default as Pack;
    if (this.packs.some((p) => p.pack.name === pack.name)) {
      if (this.packs.some((p) => p.specifier === url)) return;
      throw new ConfigError(`${from.file}: plugins[${index}]: a pack named "${pack.name}" is already loaded.`);
    }
    this.packs.push({ pack, specifier: url });
  }

  private finish(configFile: string | null): ResolvedConfig {
    this.checkSettings();
    const rulesById = new Map<string, Rule>();
    for (const { pack } of [...ENGINE_PACKS.map((pack) => ({ pack })), ...this.packs]) {
      for (const rule of pack.rules) rulesById.set(`${pack.name}/${rule.id}`, rule);
    }
    const rules: Record<string, RuleConfigEntry> = {
      [PARSE_ERROR_ID]: { severity: "error", options: undefined },
      [UNUSED_SUPPRESSION_ID]: { severity: "warn", options: undefined },
      [FILE_NOT_CHECKED_ID]: { severity: "error", options: undefined },
    };
    for (const layer of this.layers) Object.assign(rules, this.resolveRules(layer, rulesById));
    const overrides: OverrideConfig[] = this.overrides.map(({ raw, file, index }) => ({
      files: toList(raw.files),
      ...(raw.ignores ? { ignores: toList(raw.ignores) } : {}),
      rules: raw.rules
        ? this.resolveRules({ source: file, rules: raw.rules, rulesPath: ["overrides", index, "rules"] }, rulesById)
        : {},
      ...(raw.settings ? { settings: raw.settings } : {}),
    }));
    return {
      configFile,
      packs: this.packs,
      rules,
      overrides,
      settings: this.settings,
      ignores: this.ignores,
      maxFileSize: this.maxFileSize,
    };
  }

  // Each block is checked on its own (so an error names its file and line); paths are checked on
  // what the blocks merge into, because a later file may replace an earlier file's path.
  private checkSettings(): void {
    const overrides = this.overrides.flatMap(({ raw, file, index }) =>
      raw.settings ? [{ source: file, settings: raw.settings, path: ["overrides", index, "settings"] }] : [],
    );
    const packs = this.packs.map((p) => p.pack);
    for (const block of [...this.settingsSources, ...overrides]) validateSettings({ block, packs });
    checkSettingsPaths({ cwd: this.cwd, packs, settings: this.settings, sources: this.settingsSources });
    for (const block of overrides)
      checkSettingsPaths({ cwd: this.cwd, packs, settings: block.settings, sources: [block] });
  }

  private resolveRules(layer: Layer, rulesById: Map<string, Rule>): Record<string, RuleConfigEntry> {
    const out: Record<string, RuleConfigEntry> = {};
    const { file, lineOf } = layer.source;
    for (const [id, setting] of Object.entries(layer.rules)) {
      const rule = rulesById.get(id);
      const path = [...layer.rulesPath, id];
      if (!rule) {
        const hint = suggest(id, rulesById.keys());
        const line = lineOf(path);
        throw new ConfigError(
          `${file}${line ? `:${line}` : ""}: ${formatPath(path)}: unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ""} (deploylint rules lists them all).`,
        );
      }
      const [severity, userOptions] = Array.isArray(setting) ? [setting[0], setting[1]] : [setting, undefined];
      if (userOptions !== undefined) {
        validateRuleOptions({
          ruleId: id,
          schema: rule.meta.options,
          value: userOptions,
          file,
          path: [...path, 1],
          lineOf,
        });
      }
      const options = mergeOptions(rule.meta.defaultOptions, userOptions);
      const problem = userOptions !== undefined ? (rule.meta.checkOptions?.(options) ?? null) : null;
      if (problem) {
        const line = lineOf([...path, 1]);
        throw new ConfigError(
          `${file}${line ? `:${line}` : ""}: ${formatPath([...path, 1])}: ${problem} (options of ${id})`,
        );
      }
      out[id] = { severity: severity as Severity, options };
    }
    return out;
  }
}

function virtualSource(label: string): RawConfig {
  return { file: label, data: {}, lineOf: () => null };
}

function toList(value: string | string[]): string[] {
  return typeof value === "string" ? [value] : value;
}

function mergeOptions(defaults: unknown, user: unknown): unknown {
  if (user === undefined) return defaults;
  if (isPlainObject(defaults) && isPlainObject(user)) return { ...defaults, ...user };
  return user;
}

function mergeSettings(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [section, value] of Object.entries(source)) {
    const current = target[section];
    target[section] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
