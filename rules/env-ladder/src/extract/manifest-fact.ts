// Builds the manifest fact from the parsed manifest: every environment and feature flag with the
// position of each key, so that project rules can point at the key a finding is about.
import type { Fact, LineIndex, OffsetRange } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { ManifestEnvironment, ManifestFact, ManifestField, ManifestFlag, Spot } from "../facts.js";
import { nodeRangeAt, type YamlPath } from "../yaml-paths.js";

export function manifestFact(document: Document, lines: LineIndex): ManifestFact {
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const spotAt = (path: YamlPath): Spot | null => toSpot(nodeRangeAt(document, path), lines);
  const field = (path: YamlPath, value: unknown): ManifestField | null => {
    const spot = spotAt(path);
    return spot ? { ...spot, value: redact(toFact(value), String(path.at(-1))) } : null;
  };

  const environments: ManifestEnvironment[] = [];
  for (const [name, body] of Object.entries(asRecord(root.environments))) {
    const spot = spotAt(["environments", name]);
    if (!spot) continue;
    const fields: Record<string, ManifestField> = {};
    for (const [key, value] of Object.entries(asRecord(body))) {
      const found = field(["environments", name, key], value);
      if (found) fields[key] = found;
    }
    environments.push({ ...spot, name, fields });
  }

  const featureFlags: ManifestFlag[] = [];
  for (const [name, body] of Object.entries(asRecord(root.feature_flags))) {
    const spot = spotAt(["feature_flags", name]);
    if (!spot) continue;
    const values: Record<string, ManifestField> = {};
    for (const [environment, value] of Object.entries(asRecord(body))) {
      const found = field(["feature_flags", name, environment], value);
      if (found) values[environment] = found;
    }
    featureFlags.push({ ...spot, name, values });
  }

  const branching = asRecord(root.branching);
  const main = branching.main ?? asRecord(root.ci).main_branch;
  return {
    environmentsKey: "environments" in root ? spotAt(["environments"]) : null,
    environments,
    featureFlagsKey: "feature_flags" in root ? spotAt(["feature_flags"]) : null,
    featureFlags,
    mainBranch: typeof main === "string" && main.trim() !== "" ? main.trim() : null,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function toSpot(range: OffsetRange | null, lines: LineIndex): Spot | null {
  if (!range) return null;
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

// YAML values may be dates or other non-JSON values; JSON round-tripping keeps facts plain.
function toFact(value: unknown): Fact {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Fact;
}

// Manifest values are configuration, but a manifest can hold a pasted password, token or
// connection string, and facts reach the cache: such values are replaced before the fact is
// emitted (secret-named fields, URL passwords, random-looking strings). No rule reads a credential
// from the manifest; a replaced value reads as an unknown one.
const SECRET_KEY = /pass(word)?|passwd|secret|token|api[_-]?key|private[_-]?key|credential/i;
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:@/?#\s]*:)[^@/?#\s]*@/i;
export const REDACTED = "[redacted]";

function redact(value: Fact, key: string): Fact {
  if (typeof value === "string") {
    if (SECRET_KEY.test(key) || looksRandom(value)) return REDACTED;
    return value.replace(URL_PASSWORD, `$1${REDACTED}@`);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redact(item, name)]));
  return value;
}

/** A token-like string: one word of 12+ characters mixing letters and digits, with high entropy. */
function looksRandom(value: string): boolean {
  if (value.length < 12 || /\s/.test(value) || !/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / value.length) * Math.log2(count / value.length);
  return entropy >= 3.3;
}
