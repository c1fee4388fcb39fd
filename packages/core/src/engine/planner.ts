// Decides, per file, which rules run at which severity with which options and settings
// (base config + matching overrides + --only), and which extractors the project rules need.
// Built from plain data so a worker thread can rebuild the same planner.
import picomatch from "picomatch";
import type { RuleConfigEntry } from "../config/types.js";
import type { Extractor, FileRule, ProjectRule, ReportedSeverity, Severity } from "../rule-api/types.js";
import { CORE_CHECKS_PACK, FILE_NOT_CHECKED_ID, PARSE_ERROR_ID } from "./core-rules.js";
import { type FilePlan, RuleCrash } from "./lint-file.js";
import { isFileRule, isProjectRule, type Registry } from "./registry.js";

/** The plain-data part of a resolved config that planning needs. */
export interface PlanConfig {
  rules: Record<string, RuleConfigEntry>;
  overrides: {
    files: string[];
    ignores?: string[];
    rules: Record<string, RuleConfigEntry>;
    settings?: Record<string, unknown>;
  }[];
  settings: Record<string, unknown>;
  /** --only: rule ids or "<pack>/*" patterns; null runs every enabled rule. */
  only: string[] | null;
  /**
   * Ids of the extractors whose `runsWhen` is false for this run (see run-scope.ts): decided once
   * over the whole run and handed here as data, so a worker's planner and a shard agree with it.
   */
  idleExtractors?: string[];
}

export interface ActiveProjectRule {
  id: string;
  rule: ProjectRule;
  severity: ReportedSeverity;
  options: unknown;
}

export interface Planner {
  planFile(path: string): FilePlan;
  /**
   * The pack responsible for this file (Pack.owns) among the packs with a rule enabled for it, or
   * null: such a file is read past maxFileSize, and one that cannot be read is a finding.
   */
  ownerOf(path: string): string | null;
  /** The effective severity of a rule for a file (for project findings); "off" drops them. */
  severityFor(ruleId: string, path: string): Severity;
  projectRules: ActiveProjectRule[];
  /** Every loaded rule's severity in the base config (no overrides, no --only), for ProjectRuleContext.ruleSeverities. */
  configuredSeverities: Record<string, Severity>;
  /** Kinds any enabled rule or needed extractor reads (parsers to load). */
  kinds: Set<string>;
  /** The extractors the enabled project rules need (their `load` is awaited before files of their kinds). */
  extractors: Extractor[];
  /** Kinds enabled rules parse out of other files' literals: loaded whatever the run's files are. */
  embedded: Set<string>;
  /** Kinds of the files those embedded languages are found in (the kinds of the rules that embed). */
  embeddingKinds: Set<string>;
}

function matchesOnly(only: string[] | null, id: string): boolean {
  if (!only) return true;
  return only.some((pattern) => pattern === id || (pattern.endsWith("/*") && id.startsWith(pattern.slice(0, -1))));
}

export function createPlanner(options: { config: PlanConfig; registry: Registry }): Planner {
  const { config, registry } = options;
  const overrideMatchers = config.overrides.map((override) => {
    const include = picomatch(override.files, { dot: true });
    const exclude = override.ignores?.length ? picomatch(override.ignores, { dot: true }) : null;
    return (path: string) => include(path) && !(exclude?.(path) ?? false);
  });

  // --only filters the run to the named rules. A rule named by its exact id runs at its
  // configured severity, or its preset one when the config leaves it off, so a CI step can run a
  // single check without a config of its own; "<pack>/*" keeps the pack's rules as configured.
  const baseEntry = (id: string): RuleConfigEntry | undefined => {
    const configured = config.rules[id];
    if (!config.only) return configured;
    if (!matchesOnly(config.only, id)) return { severity: "off", options: configured?.options };
    if (configured && configured.severity !== "off") return configured;
    if (!config.only.includes(id)) return configured;
    const rule = registry.rules.get(id)?.rule;
    if (!rule) return configured;
    const presets = rule.meta.presets;
    const severity =
      presets.recommended !== "off" ? presets.recommended : presets.strict !== "off" ? presets.strict : "error";
    return { severity, options: configured?.options ?? rule.meta.defaultOptions };
  };

  const entryFor = (id: string, matched: number[]): RuleConfigEntry | undefined => {
    let entry = baseEntry(id);
    for (const index of matched) {
      const override = config.overrides[index]?.rules[id];
      if (override && (!config.only || matchesOnly(config.only, id))) entry = override;
    }
    return entry;
  };

  const projectRules: ActiveProjectRule[] = [];
  const neededFacts = new Set<string>();
  for (const [id, { rule }] of registry.rules) {
    if (!isProjectRule(rule)) continue;
    const entry = baseEntry(id);
    if (!entry || entry.severity === "off") continue;
    projectRules.push({ id, rule, severity: entry.severity, options: entry.options });
    for (const fact of rule.meta.facts) neededFacts.add(fact);
  }
  const idle = new Set(config.idleExtractors ?? []);
  const extractors: Extractor[] = [...neededFacts]
    .flatMap((fact) => registry.extractors.get(fact) ?? [])
    .filter((extractor) => extractor.runsWhen === undefined || !idle.has(extractor.id));

  const kinds = new Set<string>();
  const embedded = new Set<string>();
  const embeddingKinds = new Set<string>();
  for (const extractor of extractors) for (const kind of extractor.kinds) kinds.add(kind);
  for (const [id, { rule }] of registry.rules) {
    const everywhere = [baseEntry(id), ...config.overrides.map((o) => o.rules[id])];
    if (!everywhere.some((entry) => entry && entry.severity !== "off")) continue;
    for (const kind of rule.meta.kinds) kinds.add(kind);
    for (const kind of rule.meta.embeds ?? []) {
      kinds.add(kind);
      embedded.add(kind);
      for (const host of rule.meta.kinds) embeddingKinds.add(host);
    }
  }

  const plans = new Map<string, FilePlan>();
  const matchedOverrides = (path: string) =>
    overrideMatchers.flatMap((matches, index) => (matches(path) ? [index] : []));
  const packOf = (id: string) => registry.rules.get(id)?.pack;
  const projectPacks = new Set(projectRules.map((r) => packOf(r.id)));
  // Like parse errors, an unchecked file shows under --only: the severity ignores the filter.
  const severityIgnoringOnly = (id: string, matched: number[]): Severity => {
    let severity = config.rules[id]?.severity ?? "error";
    for (const index of matched) severity = config.overrides[index]?.rules[id]?.severity ?? severity;
    return severity;
  };

  const configuredSeverities: Record<string, Severity> = {};
  for (const id of registry.rules.keys()) configuredSeverities[id] = config.rules[id]?.severity ?? "off";

  const planner: Planner = {
    projectRules,
    configuredSeverities,
    kinds,
    extractors,
    embedded,
    embeddingKinds,
    severityFor(ruleId, path) {
      return entryFor(ruleId, matchedOverrides(path))?.severity ?? "off";
    },
    ownerOf(path) {
      const plan = planner.planFile(path);
      for (const owner of registry.owners) {
        const active =
          owner.pack === CORE_CHECKS_PACK.name
            ? plan.fileNotCheckedSeverity !== "off"
            : plan.activePacks.has(owner.pack) || projectPacks.has(owner.pack);
        if (!active) continue;
        let owned: boolean;
        try {
          owned = owner.owns(path, plan.settings);
        } catch (error) {
          throw new RuleCrash(`${owner.pack} (Pack.owns)`, path, error);
        }
        if (owned) return owner.pack;
      }
      return null;
    },
    planFile(path) {
      const matched = matchedOverrides(path);
      const key = matched.join(",");
      const cached = plans.get(key);
      if (cached) return cached;
      const rules: FilePlan["rules"] = [];
      for (const [id, { rule }] of registry.rules) {
        if (!isFileRule(rule)) continue;
        const entry = entryFor(id, matched);
        if (!entry || entry.severity === "off") continue;
        rules.push({ id, rule: rule as FileRule, severity: entry.severity, options: entry.options });
      }
      rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let settings = config.settings;
      for (const index of matched) {
        const extra = config.overrides[index]?.settings;
        if (extra) settings = { ...settings, ...extra };
      }
      // Parse errors show under --only too: a file that cannot be read cannot be judged.
      const plan: FilePlan = {
        rules,
        extractors,
        settings,
        parseErrorSeverity: severityIgnoringOnly(PARSE_ERROR_ID, matched),
        fileNotCheckedSeverity: severityIgnoringOnly(FILE_NOT_CHECKED_ID, matched),
        activePacks: new Set(rules.map((r) => packOf(r.id) ?? "")),
        sqlDialectHints: registry.sqlDialectHints,
      };
      plans.set(key, plan);
      return plan;
    },
  };
  return planner;
}
