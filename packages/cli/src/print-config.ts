// --print-config <file>: the rules, options and settings that apply to one file after extends,
// overrides and presets, as JSON. Settings are printed with credentials masked: the output of a
// debugging flag ends up pasted into issues and CI logs.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { ResolvedConfig, RuleConfigEntry } from "@deploylint/core";
import { parseScript } from "@deploylint/core/sources";
import { detectMigrationOf } from "@deploylint/rules-migrations";
import { isHistory, startAfterOf } from "@deploylint/rules-migrations/model";
import picomatch from "picomatch";
import { isCredentialKey, MASK, maskCredentials } from "./credentials.js";

/**
 * What the lint detects for the file where the config is silent: its migration framework, dialect
 * and whether startAfter makes it history. Said to be detected, not configured.
 */
function detectedFor(path: string, cwd: string, settings: Record<string, unknown>): Record<string, unknown> {
  const configured = (settings.migrations ?? {}) as { paths?: string[]; framework?: string; dialect?: string };
  const read = (p: string) => {
    try {
      return readFileSync(join(cwd, p), "utf8");
    } catch {
      // Absent or unreadable: nothing to detect from it.
      return null;
    }
  };
  const found = detectMigrationOf(path, {
    read,
    parseScript: (text, at) => {
      const parsed = parseScript(text, at);
      return parsed.ok ? parsed.source.program : null;
    },
    ...(configured.paths ? { paths: configured.paths } : {}),
  });
  if (found === null) return { note: "detected, not configured", migration: null };
  const startAfter = startAfterOf({ migrations: configured });
  return {
    note: "detected, not configured: what the lint finds where the config is silent",
    migration: {
      framework: configured.framework
        ? { value: configured.framework, reason: "configured (settings.migrations.framework)" }
        : { value: found.framework, reason: "detected from the file's name, folder and markers" },
      dialect: configured.dialect
        ? { value: configured.dialect, reason: "configured (settings.migrations.dialect)" }
        : (found.dialect ?? { value: "postgresql", reason: "the default: no config, tool file or folder names one" }),
      version: found.version,
      history: isHistory(found.version, startAfter),
    },
  };
}

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
    settings: maskSettings(settings, null) as Record<string, unknown>,
    detected: detectedFor(path, cwd, settings),
  };
}

/** A copy of `value` where every string under a credential-named key, or that looks like a credential, is masked. */
function maskSettings(value: unknown, key: string | null): unknown {
  if (typeof value === "string") return key !== null && isCredentialKey(key) ? MASK : maskCredentials(value);
  if (Array.isArray(value)) return value.map((item) => maskSettings(item, key));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSettings(v, k)]));
  return value;
}
