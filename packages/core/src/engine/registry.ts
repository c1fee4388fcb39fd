// Indexes the rules and extractors of the loaded packs by their full ids.
import type { Extractor, FileRule, Pack, ProjectRule, Rule, Settings, SqlDialectContext } from "../rule-api/types.js";
import { ENGINE_PACKS } from "./core-rules.js";

export interface RuleEntry {
  /** "<pack>/<id>" */
  id: string;
  pack: string;
  rule: Rule;
}

export interface Registry {
  rules: Map<string, RuleEntry>;
  /** Extractors by fact type. */
  extractors: Map<string, Extractor[]>;
  /** The packs' SQL dialect hints, in pack order: the first that names a dialect wins. */
  sqlDialectHints: ((file: SqlDialectContext) => string | null)[];
  /** The packs that say which files they are responsible for (Pack.owns), in pack order. */
  owners: { pack: string; owns: (path: string, settings: Settings) => boolean }[];
}

export function isProjectRule(rule: Rule): rule is ProjectRule {
  return rule.scope === "project";
}

export function isFileRule(rule: Rule): rule is FileRule {
  return rule.scope !== "project";
}

export function buildRegistry(packs: readonly Pack[]): Registry {
  const rules = new Map<string, RuleEntry>();
  const extractors = new Map<string, Extractor[]>();
  const sqlDialectHints: Registry["sqlDialectHints"] = [];
  const owners: Registry["owners"] = [];
  for (const pack of [...ENGINE_PACKS, ...packs]) {
    for (const rule of pack.rules) {
      const id = `${pack.name}/${rule.id}`;
      if (rules.has(id)) throw new Error(`Two rules are named ${id}; a pack may be loaded only once.`);
      rules.set(id, { id, pack: pack.name, rule });
    }
    for (const extractor of pack.extractors ?? []) {
      const list = extractors.get(extractor.id) ?? [];
      list.push(extractor);
      extractors.set(extractor.id, list);
    }
    if (pack.sqlDialect) sqlDialectHints.push(pack.sqlDialect);
    if (pack.owns) owners.push({ pack: pack.name, owns: pack.owns });
  }
  return { rules, extractors, sqlDialectHints, owners };
}
