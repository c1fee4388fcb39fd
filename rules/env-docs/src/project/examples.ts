// The example files of a run as scopes: which example documents a read (the nearest one above
// the reading file, then one elsewhere in its workspace package, then the root one) and which
// reads an entry may be used by.
import type { FactRecord } from "@deploylint/core/rule-api";
import type { DocumentedFact } from "../facts.js";
import type { EnvDocsSettings } from "../settings.js";
import { isExampleFile, scopeOf } from "../settings.js";
import { inTestFolder } from "./test-files.js";

/** Files that make their directory a package of its own (a workspace package, a Go module, …). */
const PACKAGE_MANIFESTS = new Set([
  "package.json",
  "go.mod",
  "pyproject.toml",
  "Cargo.toml",
  "composer.json",
  "Gemfile",
]);

export interface ExampleFile {
  path: string;
  /** The directory it documents ("" for the whole repository). */
  scope: string;
  /**
   * Where a read makes its entries used: the workspace package it lies in (`packages/api` for
   * packages/api/docker/.env.example, whose entries packages/api/src reads), which holds `scope`.
   */
  usedIn: string;
  names: Set<string>;
}

export interface ExampleIndex {
  examples: ExampleFile[];
  /**
   * The examples a read in `path` is checked against, the one to add it to first: the nearest
   * above it; failing that, those elsewhere in its workspace package (`apps/api/docker/.env.example`
   * for a read in `apps/api/src/`), shallowest first; then the root one (unless the fallback is disabled).
   */
  examplesFor(path: string): ExampleFile[];
}

/**
 * Both env-docs project rules index the examples of a run, and the facts list and file list are
 * the same arrays for both: the index, a pass over every file of the run, is built once.
 */
const indexes = new WeakMap<object, { files: readonly string[]; settings: string; index: ExampleIndex }>();

/**
 * `files` are the run's files: an example that documents nothing (or does not parse) emits no
 * fact, yet it is still the repository's example, the one --fix must add to.
 */
export function indexExamples(
  documented: FactRecord<DocumentedFact>[],
  settings: EnvDocsSettings,
  files: readonly string[] = [],
): ExampleIndex {
  const settingsKey = JSON.stringify(settings);
  const known = indexes.get(documented);
  if (known && known.files === files && known.settings === settingsKey) return known.index;
  const index = buildExampleIndex(documented, settings, files);
  indexes.set(documented, { files, settings: settingsKey, index });
  return index;
}

function buildExampleIndex(
  documented: FactRecord<DocumentedFact>[],
  settings: EnvDocsSettings,
  files: readonly string[],
): ExampleIndex {
  const byPath = new Map<string, ExampleFile>();
  const packageRootOf = packageRoots(files);
  const packageOf = (path: string) => packageRootOf(path) ?? "";
  const exampleAt = (path: string): ExampleFile => {
    let example = byPath.get(path);
    if (!example) {
      const scope = scopeOf(path, settings.examples);
      // A configured path documents the whole repository; otherwise its package holds its folder
      // (a repository without manifests has no packages: the folder it documents is the unit).
      const usedIn = scope === "" ? "" : (packageRootOf(path) ?? scope);
      example = { path, scope, usedIn, names: new Set() };
      byPath.set(path, example);
    }
    return example;
  };
  for (const file of files) if (isExampleFile(file, settings.examples)) exampleAt(file);
  for (const record of documented) exampleAt(record.file).names.add(record.data.name);
  const byScope = new Map<string, ExampleFile[]>();
  for (const example of byPath.values()) byScope.set(example.scope, [...(byScope.get(example.scope) ?? []), example]);

  return {
    examples: [...byPath.values()],
    examplesFor(path) {
      const own = packageOf(path);
      let nearest: ExampleFile[] = [];
      // Above the package's own directory only the root counts, and only as the fallback.
      const inPackage = (dir: string) => own === "" || dir === own || dir.startsWith(`${own}/`);
      for (const dir of ancestors(path)) {
        if (!inPackage(dir)) break;
        const found = byScope.get(dir);
        if (found) {
          nearest = found;
          break;
        }
      }
      // Only inside a workspace package: at the root, a subfolder's example (podman/env.sample,
      // docker/.env.example) is the template of one way to deploy, not the list of the whole
      // repository. An example in a test folder (linkwarden's apps/web/e2e/.env.example) lists
      // what the tests need, not what the package reads.
      if (nearest.length === 0 && own !== "") {
        nearest = [...byPath.values()]
          .filter((example) => packageOf(example.path) === own && !inTestFolder(example.path))
          .sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
      }
      const root = (byScope.get("") ?? []).filter((example) => !nearest.includes(example));
      return settings.fallback === "root" ? [...nearest, ...root] : nearest;
    },
  };
}

/** Whether `path` lies in the directory `scope` ("" holds everything). */
export function inScope(path: string, scope: string): boolean {
  return scope === "" || path.startsWith(`${scope}/`);
}

/**
 * The package a path belongs to: the nearest directory above it holding a manifest ("" for the
 * root), or null when no directory above it holds one.
 */
function packageRoots(files: readonly string[]): (path: string) => string | null {
  const roots = new Set<string>();
  for (const file of files) {
    const slash = file.lastIndexOf("/");
    if (PACKAGE_MANIFESTS.has(file.slice(slash + 1))) roots.add(slash === -1 ? "" : file.slice(0, slash));
  }
  return (path) => ancestors(path).find((dir) => roots.has(dir)) ?? null;
}

function depth(path: string): number {
  return path.split("/").length;
}

/** The directories above a file, nearest first, ending with "" (the root). */
function ancestors(path: string): string[] {
  const dirs: string[] = [];
  for (let slash = path.lastIndexOf("/"); slash !== -1; slash = path.lastIndexOf("/", slash - 1)) {
    dirs.push(path.slice(0, slash));
  }
  dirs.push("");
  return dirs;
}
