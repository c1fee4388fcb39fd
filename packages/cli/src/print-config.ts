// --print-config <file>: the rules, options and settings that apply to one file after extends,
// overrides and presets, as JSON.
import { relative, resolve } from "node:path";
import type { ResolvedConfig, RuleConfigEntry } from "@deploylint/core";
import picomatch from "picomatch";

export function printConfigFor(config: ResolvedConfig, file: string, cwd: string): Record<string, unknown> {
  const path = relative(cwd, resolve(cwd, file)).split("\\").join("/");
  const rules: Record<string, RuleConfigEntry> = { ...config.rules };
  let settings = { ...config.settings };
  for (const override of config.overrides) {
    const included = picomatch(override.files, { dot: true })(path);
    const excluded = override.ignores ? picomatch(override.ignores, { dot: true })(path) : false;
    if (!included || excluded) continue;
    Object.assign(rules, override.rules);
    if (override.settings) settings = { ...settings, ...override.settings };
  }
  const ignored = config.ignores.length > 0 && picomatch(config.ignores, { dot: true })(path);
  return {
    file: path,
    configFile: config.configFile,
    ignored,
    packs: config.packs.map((p) => p.pack.name),
    rules: Object.fromEntries(
      Object.entries(rules)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, entry]) => [id, entry.options === undefined ? entry.severity : [entry.severity, entry.options]]),
    ),
    settings,
  };
}
