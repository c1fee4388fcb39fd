// Which parsers a batch of files needs: the parsed kinds its files have that some enabled rule or
// extractor reads, plus the embedded languages (SQL in ORM migrations) when a file that can hold
// one is among them. Parsers for anything else stay unloaded.
import type { Extractor } from "../rule-api/types.js";
import { classifyPath } from "../sources/classify.js";

export interface KindPlan {
  kinds: ReadonlySet<string>;
  embedded: ReadonlySet<string>;
  embeddingKinds: ReadonlySet<string>;
}

export function neededKinds(paths: Iterable<string>, plan: KindPlan): Set<string> {
  const needed = new Set<string>();
  for (const path of paths) {
    const kind = classifyPath(path);
    if (plan.kinds.has(kind)) needed.add(kind);
  }
  if ([...needed].some((kind) => plan.embeddingKinds.has(kind))) for (const kind of plan.embedded) needed.add(kind);
  return needed;
}

/** Awaits the `load` of each extractor that reads one of the batch's kinds (the pack loads once; later calls return at once). */
export async function loadExtractors(kinds: ReadonlySet<string>, extractors: readonly Extractor[]): Promise<void> {
  const wanted = extractors.filter((extractor) => extractor.load && extractor.kinds.some((kind) => kinds.has(kind)));
  await Promise.all(wanted.map((extractor) => extractor.load?.()));
}
