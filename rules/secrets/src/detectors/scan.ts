// One pass over a file for the whole catalogue: the keyword matcher finds where any detector's
// keyword occurs, and only those detectors run, only on the line around the occurrence. Detectors
// of credential files (`files`) need no keyword: they run over the whole file when its path matches.
import { shannonEntropy } from "../shared/entropy.js";
import { isPlaceholder, isStandIn } from "../shared/placeholders.js";
import { isReference } from "../shared/references.js";
import { GENERIC_WORDS } from "../shared/secret-words.js";
import { anchorKeywords } from "./anchors.js";
import { anyMatches } from "./any-match.js";
import { catalogue } from "./catalogue/index.js";
import { credentialFiles } from "./credential-files/index.js";
import { type KeywordHits, KeywordMatcher } from "./keywords.js";
import type { Detector, SecretMatch } from "./types.js";

const NONE: readonly SecretMatch[] = [];

/** A match and the catalogue order of its detector (the earlier detector names an overlap). */
interface Candidate {
  match: SecretMatch;
  order: number;
}

/** What the scan of one file keeps between hits. */
interface FileScan {
  text: string;
  options: ScanOptions;
  /** The file's base name, for detectors limited to some names. */
  base: string;
  line: (offset: number) => [number, number];
  done: Set<number>;
  lastWindow: Int32Array;
  candidates: Candidate[];
}

/** Lines longer than this (minified code, data blobs) are searched only near the keyword. */
const MAX_WINDOW = 4096;
const BEFORE_KEYWORD = 256;

export interface ScanOptions {
  /** Relative path of the file, for detectors limited to credential files (`.netrc`, `.pgpass`). */
  path: string;
  /** Values matching any of these are allowed (the rule's `allow` option). */
  allow?: readonly RegExp[];
}

export class Scanner {
  private readonly matcher: KeywordMatcher;
  /** For each keyword, the detectors (by index) that it triggers. */
  private readonly triggers: number[][];
  /** 1 for each keyword that triggers some detector (the others are `words`). */
  private readonly triggered: Uint8Array;
  /**
   * Each detector's expression, compiled when the detector first runs: a run over a few small
   * files meets a handful of the ~320 detectors, and compiling them all cost every run its time.
   */
  private readonly patterns: (RegExp | undefined)[];

  /**
   * `words`: more keywords, triggering no detector, for other readers of the same text (the generic
   * layer's secret-like words): `keywordPass` finds them in the same pass as the catalogue's.
   */
  constructor(
    readonly detectors: readonly Detector[],
    words: readonly string[] = [],
  ) {
    const keywordIndex = new Map<string, number>();
    const keywords: string[] = [];
    this.triggers = [];
    const idOf = (keyword: string) => {
      let id = keywordIndex.get(keyword);
      if (id === undefined) {
        id = keywords.length;
        keywordIndex.set(keyword, id);
        keywords.push(keyword);
        this.triggers.push([]);
      }
      return id;
    };
    detectors.forEach((detector, index) => {
      for (const keyword of detector.keywords) this.triggers[idOf(keyword)]?.push(index);
    });
    for (const word of words) idOf(word);
    this.matcher = new KeywordMatcher(keywords);
    this.triggered = Uint8Array.from(this.triggers, (orders) => (orders.length > 0 ? 1 : 0));
    this.patterns = detectors.map(() => undefined);
    this.sticky = detectors.map(() => undefined);
    this.sources = detectors.map(() => undefined);
    this.anchors = detectors.map(() => undefined);
    this.keywordIndex = keywordIndex;
    this.fileLevel = detectors.flatMap((d, index) => (d.files ? [index] : []));
    this.pathLimited = detectors.flatMap((d, index) => (d.paths ? [index] : []));
    this.anyFileLevel = anyMatches(detectors.flatMap((d) => (d.files ? [d.files] : [])));
    this.anyPathLimited = anyMatches(detectors.flatMap((d) => (d.paths ? [d.paths] : [])));
    this.commonMask = this.maskFor([]);
  }

  /** How many keywords the scanner finds (their indexes run from 0 to this, excluded). */
  get keywordCount(): number {
    return this.triggers.length;
  }

  /** The keyword's index in the hits `keywordPass` returns, or -1 when the scanner has no such keyword. */
  keywordId(keyword: string): number {
    return this.keywordIndex.get(keyword) ?? -1;
  }

  /**
   * Every occurrence of every keyword in `text` but those only detectors limited to some file names
   * read (`:` of .pgpass lines), in order of their end: one pass over a file shared by the rules that
   * read it (the catalogue scan, the generic layer's word searches), kept for the last text asked.
   */
  keywordPass(text: string): KeywordHits {
    if (this.lastPass?.text === text) return this.lastPass.hits;
    const found = this.matcher.collect(text, this.commonMask);
    const hits = {
      keywords: found.keywords.slice(0, found.count),
      starts: found.starts.slice(0, found.count),
      count: found.count,
    };
    this.lastPass = { text, hits };
    return hits;
  }

  /** The last keywordPass: most files are read by more than one rule, one after the other. */
  private lastPass: { text: string; hits: KeywordHits } | undefined;
  /** The mask of a file whose name no path-limited detector is for (most files). */
  private readonly commonMask: Uint8Array;

  /**
   * For a detector whose every match starts with a keyword (see anchors.ts), those keywords by
   * index: on a line it runs only when one of them starts a match where it stands.
   */
  private readonly anchors: (Set<number> | null | undefined)[];
  private readonly keywordIndex: ReadonlyMap<string, number>;
  /** Each detector's pattern source, read once when the detector is first needed (see lazy-catalogue tests). */
  private readonly sources: (string | undefined)[];
  /** The anchored detectors' expressions, sticky, to try at one occurrence; compiled when first needed. */
  private readonly sticky: (RegExp | undefined)[];

  /** Detectors that run over whole files by path (credential files), by index. */
  private readonly fileLevel: number[];
  /** Detectors limited to files of some base names (`paths`), by index. */
  private readonly pathLimited: number[];
  /** Whether some file-level detector's `files`, or some path-limited detector's `paths`, matches: one test for most files. */
  private readonly anyFileLevel: (path: string) => boolean;
  private readonly anyPathLimited: (base: string) => boolean;
  /** Keyword masks for the pass over a file, by which path-limited detectors the file's name lets run. */
  private readonly masks = new Map<string, Uint8Array>();

  /**
   * The keywords to pass over in a file named `base`: those whose every detector is limited to
   * other names. `:` triggers only the .pgpass line detector and is on most lines of most files.
   */
  private skipFor(base: string): Uint8Array {
    if (!this.anyPathLimited(base)) return this.commonMask;
    return this.maskFor(this.pathLimited.filter((order) => this.detectors[order]?.paths?.test(base)));
  }

  /** The keywords to pass over when these path-limited detectors (by index) run and no others. */
  private maskFor(running: readonly number[]): Uint8Array {
    const signature = running.join(",");
    let mask = this.masks.get(signature);
    if (!mask) {
      const idle = new Set(this.pathLimited.filter((order) => !running.includes(order)));
      // A keyword no detector reads (one of `words`) is another reader's: never passed over.
      mask = Uint8Array.from(this.triggers, (orders) =>
        orders.length > 0 && orders.every((order) => idle.has(order)) ? 1 : 0,
      );
      this.masks.set(signature, mask);
    }
    return mask;
  }

  /**
   * Credentials in `text`, in file order; overlapping candidates are named by the earlier detector
   * (a real one before a dummy). Dummies are flagged `dummy`; use `realMatches` to drop them.
   */
  scan(text: string, options: ScanOptions): SecretMatch[] {
    const base = options.path.slice(options.path.lastIndexOf("/") + 1);
    const candidates: Candidate[] = [];
    for (const order of this.anyFileLevel(options.path) ? this.fileLevel : []) {
      if (!this.detectors[order]?.files?.test(options.path)) continue;
      for (const match of this.run(order, text, 0)) {
        // A credential file has no provider shape to keep visible: only real values count there.
        if (this.judge(order, match.value, options) === "real") candidates.push({ match, order });
      }
    }
    const file: FileScan = {
      text,
      options,
      base,
      line: lineFinder(text),
      // The windows of long lines run, by detector and window start as one number (a string key for
      // each was most of the scan's garbage).
      done: new Set<number>(),
      // Each detector runs once per window. A line of at most MAX_WINDOW characters is one window and
      // hits come line by line, so the last window each detector ran on says whether it ran on this
      // one; a longer line has a window around each hit, remembered in `done`.
      lastWindow: new Int32Array(this.detectors.length).fill(-1),
      candidates,
    };
    // The hits first, then the detectors: the pass over the text stays a loop that calls nothing. A
    // file most detectors read shares its pass; a credential file's name adds keywords of its own.
    const mask = this.skipFor(base);
    const hits = mask === this.commonMask ? this.keywordPass(text) : this.matcher.collect(text, mask);
    const { triggered } = this;
    for (let i = 0; i < hits.count; i++) {
      const keyword = hits.keywords[i] ?? 0;
      // Another reader's word (the generic layer's): no detector to run, no line to find.
      if (triggered[keyword] === 1) this.onHit(file, keyword, hits.starts[i] ?? 0);
    }
    return resolveOverlaps(candidates);
  }

  /** Runs the detectors `keyword` triggers on the window around its occurrence at `start`. */
  private onHit(file: FileScan, keyword: number, start: number): void {
    const { text, done, lastWindow } = file;
    const detectorCount = this.detectors.length;
    const [lineStart, lineEnd] = file.line(start);
    const long = lineEnd - lineStart > MAX_WINDOW;
    const windowStart = long ? Math.max(lineStart, start - BEFORE_KEYWORD) : lineStart;
    const windowEnd = Math.min(lineEnd, windowStart + MAX_WINDOW);
    let window: string | undefined;
    for (const order of this.triggers[keyword] ?? []) {
      if (long) {
        // Windows of a long line start inside it, where a pattern's lookbehind sees the window's
        // edge: anchoring is kept to whole lines, where it sees what the line search sees.
        const key = windowStart * detectorCount + order;
        if (done.has(key)) continue;
        done.add(key);
      } else {
        if (lastWindow[order] === windowStart) continue;
        const anchors = this.anchorsOf(order);
        if (anchors !== null) {
          // Every match starts at an anchor keyword: the line is searched once one starts a match.
          if (!anchors.has(keyword)) continue;
          window ??= text.slice(windowStart, windowEnd);
          if (!this.matchesAt(order, window, start - windowStart)) continue;
        }
        lastWindow[order] = windowStart;
      }
      const detector = this.detectors[order];
      if (!detector || (detector.paths && !detector.paths.test(file.base))) continue;
      window ??= text.slice(windowStart, windowEnd);
      for (const match of this.run(order, window, windowStart)) {
        const verdict = this.judge(order, match.value, file.options);
        if (verdict === "dummy") file.candidates.push({ match: { ...match, dummy: true }, order });
        else if (verdict === "real") file.candidates.push({ match, order });
      }
    }
  }

  /** The detector's matches in `window` (a plain array: most runs find nothing, and a generator per run cost more than the search). */
  private run(order: number, window: string, offset: number): readonly SecretMatch[] {
    const detector = this.detectors[order];
    if (!detector) return NONE;
    const pattern = this.patterns[order] ?? this.compile(order, detector);
    pattern.lastIndex = 0;
    let found: SecretMatch[] | undefined;
    for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
      if (m[0].length === 0) pattern.lastIndex++;
      // The first group that took part (a detector may offer alternatives), else the whole match.
      let group = 0;
      for (let i = 1; i < m.length && group === 0; i++) if (m[i] !== undefined) group = i;
      const span = m.indices?.[group];
      const value = m[group];
      if (!span || value === undefined) continue;
      found ??= [];
      found.push({ detector, value, start: offset + span[0], end: offset + span[1] });
    }
    return found ?? NONE;
  }

  private sourceOf(order: number, detector: Detector): string {
    let source = this.sources[order];
    if (source === undefined) {
      source = detector.pattern;
      this.sources[order] = source;
    }
    return source;
  }

  /** The detector's anchor keywords by index, or null when it is not anchored; worked out when first needed. */
  private anchorsOf(order: number): Set<number> | null {
    let anchors = this.anchors[order];
    if (anchors === undefined) {
      const detector = this.detectors[order];
      const keywords =
        detector && !detector.files ? anchorKeywords(this.sourceOf(order, detector), detector.keywords) : null;
      anchors = keywords ? new Set(keywords.map((keyword) => this.keywordIndex.get(keyword) ?? -1)) : null;
      this.anchors[order] = anchors;
    }
    return anchors;
  }

  /** Whether the detector's pattern matches starting at `at` of `window`. */
  private matchesAt(order: number, window: string, at: number): boolean {
    const detector = this.detectors[order];
    if (!detector) return false;
    let sticky = this.sticky[order];
    if (!sticky) {
      sticky = new RegExp(this.sourceOf(order, detector), `${(detector.flags ?? "").replace(/[gdy]/g, "")}y`);
      this.sticky[order] = sticky;
    }
    sticky.lastIndex = at;
    return sticky.test(window);
  }

  private compile(order: number, detector: Detector): RegExp {
    const pattern = new RegExp(this.sourceOf(order, detector), `${(detector.flags ?? "").replace(/[gd]/g, "")}gd`);
    this.patterns[order] = pattern;
    return pattern;
  }

  /**
   * "real" for a credential, "dummy" for the provider's shape around an obviously made-up body (a
   * documented example or a placeholder: reported as info, so a fixture stays visible without
   * failing CI), "none" for anything else (too little entropy, a failed checksum, an allowed value).
   */
  private judge(order: number, value: string, options: ScanOptions): "real" | "dummy" | "none" {
    const detector = this.detectors[order];
    if (!detector) return "none";
    if ((options.allow ?? []).some((allow) => allow.test(value))) return "none";
    // Credential files (`.pgpass`, `.netrc`) have no provider shape to keep visible: a placeholder there is nothing.
    const dummy = detector.paths ? "none" : "dummy";
    // A few documented examples per detector, read only for a value that matched its pattern.
    if (detector.examples?.includes(value)) return dummy;
    if (detector.placeholders === "references") {
      // Only a reference or a written stand-in (`<password>`, `changeme`) holds the place of a value
      // there: `postgres` in `.pgpass` is a real password.
      if (isReference(value) || isStandIn(value)) return "none";
    } else if (isPlaceholder(detector.repeats ? value.replace(/(.)\1{5,}/g, "$1") : value)) return dummy;
    if (detector.minEntropy !== undefined && shannonEntropy(value) < detector.minEntropy) return "none";
    if (detector.verify && !detector.verify(value)) return "none";
    return "real";
  }
}

/**
 * [start, end) of the line holding an offset, without its line break. Hits come in text order and
 * most files have few, so the line is found from the offset and kept for the next hit, rather
 * than indexing every line of every file first.
 */
function lineFinder(text: string): (offset: number) => [number, number] {
  let line: [number, number] = [0, -1];
  let breakAt = -1;
  return (offset) => {
    if (offset >= line[0] && offset <= breakAt) return line;
    // lastIndexOf clamps a negative start to 0, where a leading break would be found: offset 0 opens line one.
    const start = offset === 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
    const next = text.indexOf("\n", offset);
    breakAt = next === -1 ? text.length : next;
    let end = breakAt;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    line = [start, end];
    return line;
  };
}

/** The matches that are credentials, without the dummies (for rules that judge only real values). */
export function realMatches(matches: readonly SecretMatch[]): SecretMatch[] {
  return matches.filter((match) => !match.dummy);
}

function resolveOverlaps(candidates: Candidate[]): SecretMatch[] {
  const kept: SecretMatch[] = [];
  const rank = (c: Candidate) => (c.match.dummy ? 1 : 0);
  const sorted = [...candidates].sort(
    (a, b) => rank(a) - rank(b) || a.order - b.order || a.match.start - b.match.start,
  );
  for (const { match } of sorted) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

let shared: Scanner | undefined;

/** The scanner over the built-in catalogue, compiled once per process. */
export function catalogueScanner(): Scanner {
  // The catalogue first: where one of its detectors (a provider token, its own .pgpass entry) names a
  // credential, it keeps the name; credential-file detectors add what the catalogue's gates let pass.
  // The generic layer's words ride along (see shared/word-hits.ts): every file is read once for both.
  shared ??= new Scanner([...catalogue, ...credentialFiles], GENERIC_WORDS);
  return shared;
}
