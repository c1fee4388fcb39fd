// A rule's or extractor's text prefilter (RuleMeta.prefilter): decides, before anything is
// parsed, whether a file could give it anything to do. Most of a big run's time is parsing
// scripts, and most scripts hold nothing a rule reads: a test of the text is far cheaper.
import type { Prefilters, Settings, SourceKind } from "../rule-api/types.js";

/** Whether a file of `kind` with `text` passes the prefilter of its kind (true when there is none). */
export function passesPrefilter<O>(
  prefilters: Prefilters<O> | undefined,
  kind: SourceKind,
  file: { text: string; path: string },
  options: O,
  settings: Settings,
): boolean {
  const test = prefilters?.[kind];
  if (test === undefined) return true;
  if (test instanceof RegExp) {
    // A global or sticky expression keeps where it stopped; every file starts from the beginning.
    test.lastIndex = 0;
    return test.test(file.text);
  }
  return test(file.text, options, file.path, settings);
}
