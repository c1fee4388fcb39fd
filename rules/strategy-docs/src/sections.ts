// THE SECTION CONTRACT: the H2 headings `deploylint strategy` writes, and the other names a person
// may give the same section. Matched case-insensitively at any heading level from 2 down.
import type { Settings } from "@deploylint/core/rule-api";
import { asRecord } from "./paths.js";

export type SectionId = "ladder" | "pipeline" | "rollout" | "rollback" | "migrations" | "env" | "smoke";

export interface StrategySection {
  id: SectionId;
  /** The heading the command writes. */
  heading: string;
  /** Other headings accepted for the same section (lower case). */
  synonyms: readonly string[];
}

export const STRATEGY_SECTIONS: readonly StrategySection[] = [
  {
    id: "ladder",
    heading: "Environment ladder",
    synonyms: ["environments", "environment tiers", "deployment environments", "environment overview"],
  },
  {
    id: "pipeline",
    heading: "Deployment pipeline",
    synonyms: ["pipeline", "ci/cd pipeline", "ci/cd", "release pipeline", "ci pipeline", "continuous delivery"],
  },
  {
    id: "rollout",
    heading: "Rollout strategy",
    synonyms: ["rollout", "rollout strategies", "release strategy", "rollout plan", "progressive delivery"],
  },
  {
    id: "rollback",
    heading: "Rollback procedure",
    synonyms: ["rollback", "rollbacks", "rollback plan", "rolling back", "rollback runbook"],
  },
  {
    id: "migrations",
    heading: "Database migration safety",
    synonyms: ["migration safety", "database migrations", "migrations", "schema migrations", "migration rules"],
  },
  {
    id: "env",
    heading: "Environment variable management",
    synonyms: [
      "environment variables",
      "env vars",
      "environment configuration",
      "configuration and secrets",
      "secrets and configuration",
      "configuration management",
    ],
  },
  {
    id: "smoke",
    heading: "Smoke tests",
    synonyms: [
      "smoke testing",
      "smoke test integration",
      "smoke checks",
      "post-deploy checks",
      "post-deployment verification",
    ],
  },
];

export const SECTION_IDS: readonly SectionId[] = STRATEGY_SECTIONS.map((section) => section.id);

/** Every name of a section: its heading, its synonyms and the ones `settings.strategyDocs.headings` adds. */
export function namesOf(id: SectionId, settings: Settings): string[] {
  const section = STRATEGY_SECTIONS.find((each) => each.id === id);
  const extra = asRecord(asRecord(settings.strategyDocs).headings)[id];
  const added = Array.isArray(extra) ? extra.filter((name): name is string => typeof name === "string") : [];
  return [section?.heading ?? id, ...(section?.synonyms ?? []), ...added].map(normaliseHeading);
}

/**
 * A heading as compared: lower case, numbering ("2.", "3.1") and trailing punctuation dropped,
 * spaces collapsed, "&" read as "and".
 */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+/, "")
    .replaceAll("&", "and")
    .replace(/[\s:.\-–—]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** What may follow a section's name in its heading: "Rollback procedure (containers)", "Rollout: web", "Smoke tests for the API". */
const QUALIFIER = /^(?:\s*[:(–—-]|\s+(?:for|per|and|in)\b)/;

/**
 * Whether a heading names the section: one of its names, alone or followed by a qualifier. The
 * name is a prefix compared as text and the qualifier one regular expression made once: the
 * project rules ask this for every heading, name and section, and a RegExp built per question
 * made it the slowest step of their first run.
 */
export function headingMatches(heading: string, names: readonly string[]): boolean {
  const text = normaliseHeading(heading);
  return names.some((name) => text === name || (text.startsWith(name) && QUALIFIER.test(text.slice(name.length))));
}
