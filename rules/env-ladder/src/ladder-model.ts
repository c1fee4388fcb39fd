// The ladder as project rules see it: the manifest's environments, each with the values found
// for it in env files (env_files, else by name) and platform files. Built from facts only.
import type { FactRecord } from "@deploylint/core/rule-api";
import {
  MANIFEST_FACT,
  type ManifestEnvironment,
  type ManifestFact,
  VALUES_FACT,
  type ValueEntry,
  type ValueSource,
  type ValuesFact,
} from "./facts.js";
import { type Rung, rungOf, sameEnvironment } from "./ladder.js";

export interface LadderEnvironment extends ManifestEnvironment {
  rung: Rung | null;
}

/** The values one file gives one environment. */
export interface EnvironmentValues {
  file: string;
  source: ValueSource;
  /** True for values a file gives every deployed environment (`"*"`). */
  shared: boolean;
  entries: ValueEntry[];
}

export interface Ladder {
  /** The manifest file (relative path). */
  file: string;
  manifest: ManifestFact;
  environments: LadderEnvironment[];
  /** The first environment on a rung, by manifest order. */
  onRung(rung: Rung): LadderEnvironment | undefined;
  /** Every value source of an environment: its env files first, then platform and CI files. */
  valuesOf(environment: LadderEnvironment): EnvironmentValues[];
  /** The env files (dotenv) of an environment. */
  envFilesOf(environment: LadderEnvironment): string[];
}

interface FactSource {
  facts<T>(type: string): FactRecord<T>[];
}

/** The ladder, or null when the repository has no manifest (the ladder rules then do nothing). */
export function readLadder(context: FactSource): Ladder | null {
  const manifests = context.facts<ManifestFact>(MANIFEST_FACT);
  const first = [...manifests].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))[0];
  if (!first) return null;
  const manifest = first.data;
  const environments = manifest.environments.map((environment) => ({ ...environment, rung: rungOf(environment.name) }));
  const values = context.facts<ValuesFact>(VALUES_FACT);
  const declared = new Map<string, string>();
  for (const environment of environments) {
    for (const file of declaredEnvFiles(environment)) declared.set(file, environment.name);
  }

  const envFilesOf = (environment: LadderEnvironment): string[] => {
    const own = declaredEnvFiles(environment);
    const dotenv = values.filter((record) => record.data.source === "dotenv").map((record) => record.file);
    if (own.length > 0) return dotenv.filter((file) => own.includes(file));
    return dotenv.filter((file) => {
      const record = values.find((each) => each.file === file && each.data.source === "dotenv");
      const named = record?.data.environment;
      return named != null && !declared.has(file) && sameEnvironment(named, environment.name);
    });
  };

  return {
    file: first.file,
    manifest,
    environments,
    onRung: (rung) => environments.find((environment) => environment.rung === rung),
    envFilesOf,
    valuesOf(environment) {
      const files = new Set(envFilesOf(environment));
      const result: EnvironmentValues[] = [];
      for (const record of values) {
        const { source, environment: named, entries } = record.data;
        const shared = named === "*";
        const mine =
          source === "dotenv"
            ? files.has(record.file)
            : shared
              ? environment.rung !== "local"
              : named !== null && sameEnvironment(named, environment.name);
        if (mine) result.push({ file: record.file, source, shared, entries });
      }
      return result.sort((a, b) => Number(b.source === "dotenv") - Number(a.source === "dotenv"));
    },
  };
}

/** An environment's `env_files`, normalised to repository-relative `/` paths. */
export function declaredEnvFiles(environment: ManifestEnvironment): string[] {
  const value = environment.fields.env_files?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((file) =>
    typeof file === "string"
      ? [
          file
            .trim()
            .replaceAll("\\", "/")
            .replace(/^(\.\/)+/, ""),
        ]
      : [],
  );
}

/** A manifest field's value as a string, or null. */
export function textField(environment: ManifestEnvironment, field: string): string | null {
  const value = environment.fields[field]?.value;
  return typeof value === "string" ? value : null;
}

/** A manifest field's value as a plain object, or null. */
export function objectField(environment: ManifestEnvironment, field: string): Record<string, unknown> | null {
  const value = environment.fields[field]?.value;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}

/** The position of a manifest field's key, else of the environment's key. */
export function spotOf(environment: ManifestEnvironment, field?: string) {
  const spot = (field ? environment.fields[field] : undefined) ?? environment;
  return { line: spot.line, column: spot.column, endLine: spot.endLine, endColumn: spot.endColumn };
}
