// The example files of a run as scopes: which example documents a read (the nearest one above
// the reading file, with the root one as fallback) and which reads an entry may be used by.
import type { FactRecord } from "@deploylint/core/rule-api";
import type { DocumentedFact } from "../facts.js";
import type { EnvDocsSettings } from "../settings.js";
import { scopeOf } from "../settings.js";

export interface ExampleFile {
  path: string;
  /** The directory it documents ("" for the whole repository). */
  scope: string;
  names: Set<string>;
}

export interface ExampleIndex {
  examples: ExampleFile[];
  /** The examples a read in `path` is checked against: the nearest, then the root one (unless disabled). */
  examplesFor(path: string): ExampleFile[];
}

export function indexExamples(documented: FactRecord<DocumentedFact>[], settings: EnvDocsSettings): ExampleIndex {
  const byPath = new Map<string, ExampleFile>();
  for (const record of documented) {
    let example = byPath.get(record.file);
    if (!example) {
      example = { path: record.file, scope: scopeOf(record.file, settings.examples), names: new Set() };
      byPath.set(record.file, example);
    }
    example.names.add(record.data.name);
  }
  const byScope = new Map<string, ExampleFile[]>();
  for (const example of byPath.values()) byScope.set(example.scope, [...(byScope.get(example.scope) ?? []), example]);

  return {
    examples: [...byPath.values()],
    examplesFor(path) {
      let nearest: ExampleFile[] = [];
      for (const dir of ancestors(path)) {
        const found = byScope.get(dir);
        if (found) {
          nearest = found;
          break;
        }
      }
      const root = byScope.get("") ?? [];
      return settings.fallback === "root" && nearest !== root ? [...nearest, ...root] : nearest;
    },
  };
}

/** Whether `path` lies in the directory `scope` ("" holds everything). */
export function inScope(path: string, scope: string): boolean {
  return scope === "" || path.startsWith(`${scope}/`);
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
