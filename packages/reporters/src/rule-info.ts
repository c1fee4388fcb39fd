// What the machine formats say about a rule: its docs link, its description and the rules a
// result mentions, looked up in the reporter context with safe fallbacks for unknown ids.
import type { Finding, ReporterContext, ReporterRuleInfo } from "@deploylint/core";

/** Where the rule docs live when neither the rule nor the context names a URL. */
export const DEFAULT_DOCS_BASE = "https://github.com/deploylint/deploylint/blob/main/docs/rules";

export const INFORMATION_URI = "https://github.com/deploylint/deploylint";

export function ruleInfo(context: ReporterContext, ruleId: string): ReporterRuleInfo {
  return context.rules[ruleId] ?? { description: ruleId };
}

export function ruleDocsUrl(context: ReporterContext, ruleId: string): string {
  const own = context.rules[ruleId]?.url;
  if (own) return own;
  const base = (context.docsBaseUrl ?? DEFAULT_DOCS_BASE).replace(/\/+$/, "");
  return `${base}/${ruleId}.md`;
}

/** The distinct rule ids of the findings, sorted, so rule indexes are stable. */
export function mentionedRules(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
