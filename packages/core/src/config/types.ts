// The shape of a loaded, validated and flattened configuration: what the engine runs with.
import type { Pack, Severity } from "../rule-api/types.js";

export interface RuleConfigEntry {
  severity: Severity;
  /** Options after validation, with the rule's defaultOptions merged in. */
  options: unknown;
}

export interface OverrideConfig {
  files: string[];
  ignores?: string[];
  rules: Record<string, RuleConfigEntry>;
  settings?: Record<string, unknown>;
}

export interface LoadedPack {
  pack: Pack;
  /** Module specifier (file URL) workers import the pack from; null for packs given as objects. */
  specifier: string | null;
}

export interface ResolvedConfig {
  /** Absolute path of the config file, or null for the zero-config default. */
  configFile: string | null;
  packs: LoadedPack[];
  rules: Record<string, RuleConfigEntry>;
  overrides: OverrideConfig[];
  settings: Record<string, unknown>;
  ignores: string[];
  /** Files larger than this are skipped (bytes). */
  maxFileSize: number;
}
