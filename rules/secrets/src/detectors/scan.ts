// One pass over a file for the whole catalogue: the keyword matcher finds where any detector's
// keyword occurs, and only those detectors run, only on the line around the occurrence. Detectors
// of credential files (`files`) need no keyword: they run over the whole file when its path matches.

import { PRIVATE_KEY_MARKERS } from "../private-keys/markers.js";
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
  /** For each keyword, the detectors (by index) it runs in this file (see PassPlan). */
  runs: readonly (readonly number[])[];
  line: (offset: number) => [number, number];
  done: Set<number>;
  lastWindow: Int32Array;
  candidates: Candidate[];
}

/**
 * How the pass over a file goes, by which path-limited detectors (`.pgpass`, `.netrc` lines) the
 * file's name lets run: most files have the same plan, with all of them idle.
 */
interface PassPlan {
  /**
   * 1 for each keyword to pass over: those whose every detector is limited to other names (`:`
   * triggers only the .pgpass line detector and is on most lines of most files).
   */
  skip: Uint8Array;
  /**
   * For each keyword, the detectors (by index) it runs, without the path-limited ones idle here:
   * the scan never asks a detector's `paths` on a hit.
   */
  runs: readonly (readonly number[])[];
  /** 1 for each keyword that runs some detector here (the others are idle or another reader's `words`). */
  triggered: Uint8Array;
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

/**
 * A detector as the scanner's hot path reads it, one shape for all: the catalogue's detectors are
 * object literals of many shapes, and reading their properties on every hit made V8 drop the
 * optimised code of the loop each time it met a new one.
 */
class Prepared {
  constructor(
    /**
     * For a detector whose every match starts with a keyword (see anchors.ts), those keywords by
     * index: on a line it runs only when one of them starts a match where it stands. Empty otherwise.
     */
    readonly anchors: ReadonlySet<number>,
    /** The anchored detector's expression, sticky, to try at one occurrence; null for one not anchored. */
    readonly sticky: RegExp | null,
  ) {}
}

export class Scanner {
  private readonly matcher: KeywordMatcher;
  /** For each keyword, the detectors (by index) that it triggers. */
  private readonly triggers: number[][];
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
    this.patterns = detectors.map(() => undefined);
    this.sources = detectors.map(() => undefined);
    this.prepared = detectors.map(() => undefined);
    this.keywordIndex = keywordIndex;
    this.fileLevel = detectors.flatMap((d, index) => (d.files ? [index] : []));
    this.pathLimited = detectors.flatMap((d, index) => (d.paths ? [index] : []));
    this.anyFileLevel = anyMatches(detectors.flatMap((d) => (d.files ? [d.files] : [])));
    this.anyPathLimited = anyMatches(detectors.flatMap((d) => (d.paths ? [d.paths] : [])));
    this.commonPlan = this.planFor([]);
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
    const found = this.matcher.collect(text, this.commonPlan.skip);
    const hits = {
      keywords: found.keywords.slice(0, found.count),
      starts: found.starts.slice(0, found.count),
      count: found.count,
    };
    this.lastPass = { text, hits };
    return hits;
  }

  /**
   * The hits of keywordPass over `text` when it is the last text passed over, else undefined: for a
   * reader that has a cheaper way of its own when no other rule has paid for the pass.
   */
  passDoneFor(text: string): KeywordHits | undefined {
    return this.lastPass?.text === text ? this.lastPass.hits : undefined;
  }

  /** The last keywordPass: most files are read by more than one rule, one after the other. */
  private lastPass: { text: string; hits: KeywordHits } | undefined;
  /** The plan of a file whose name no path-limited detector is for (most files). */
  private readonly commonPlan: PassPlan;

  /** Each detector as onHit reads it, prepared when the detector is first triggered. */
  private readonly prepared: (Prepared | undefined)[];
  private readonly keywordIndex: ReadonlyMap<string, number>;
  /** Each detector's pattern source, read once when the detector is first needed (see lazy-catalogue tests). */
  private readonly sources: (string | undefined)[];

  /** Detectors that run over whole files by path (credential files), by index. */
  private readonly fileLevel: number[];
  /** Detectors limited to files of some base names (`paths`), by index. */
  private readonly pathLimited: number[];
  /** Whether some file-level detector's `files`, or some path-limited detector's `paths`, matches: one test for most files. */
  private readonly anyFileLevel: (path: string) => boolean;
  private readonly anyPathLimited: (base: string) => boolean;
  /** Pass plans, by which path-limited detectors the file's name lets run. */
  private readonly plans = new Map<string, PassPlan>();

  /** The plan of the pass over a file named `base`. */
  private planOf(base: string): PassPlan {
    if (!this.anyPathLimited(base)) return this.commonPlan;
    return this.planFor(this.pathLimited.filter((order) => this.detectors[order]?.paths?.test(base)));
  }

  /** The plan when these path-limited detectors (by index) run and no others. */
  private planFor(running: readonly number[]): PassPlan {
    const signature = running.join(",");
    let plan = this.plans.get(signature);
    if (!plan) {
      const idle = new Set(this.pathLimited.filter((order) => !running.includes(order)));
      const runs = this.triggers.map((orders) => orders.filter((order) => !idle.has(order)));
      plan = {
        // A keyword no detector reads (one of `words`) is another reader's: never passed over.
        skip: Uint8Array.from(this.triggers, (orders, keyword) =>
          orders.length > 0 && runs[keyword]?.length === 0 ? 1 : 0,
        ),
        runs,
        triggered: Uint8Array.from(runs, (orders) => (orders.length > 0 ? 1 : 0)),
      };
      this.plans.set(signature, plan);
    }
    return plan;
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
    // A credential file's name lets its path-limited detectors run: keywords of their own, and
    // detectors more for some keywords.
    const plan = this.planOf(base);
    const file: FileScan = {
      text,
      options,
      runs: plan.runs,
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
    // file most detectors read shares its pass.
    const hits = plan === this.commonPlan ? this.keywordPass(text) : this.matcher.collect(text, plan.skip);
    const { triggered } = plan;
    for (let i = 0; i < hits.count; i++) {
      const keyword = hits.keywords[i] ?? 0;
      // Another reader's word (the generic layer's): no detector to run, no line to find.
      if (triggered[keyword] === 1) this.onHit(file, keyword, hits.starts[i] ?? 0);
    }
    return resolveOverlaps(candidates);
  }

  /**
   * Runs the detectors `keyword` triggers on the line around its occurrence at `start`. Kept small
   * and reading only scanner-owned arrays and `Prepared` records: it runs for every hit, mostly
   * before V8 has optimised it, and each time its optimised code was dropped (a detector object of
   * a shape not seen yet, a branch not taken yet) V8 compiled it again, tens of milliseconds a time.
   */
  private onHit(file: FileScan, keyword: number, start: number): void {
    const orders = file.runs[keyword];
    if (orders === undefined) return;
    const line = file.line(start);
    const lineStart = line[0];
    const lineEnd = line[1];
    if (lineEnd - lineStart > MAX_WINDOW) {
      this.onLongLineHit(file, orders, start, line);
      return;
    }
    const { lastWindow } = file;
    let window: string | undefined;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i] ?? 0;
      if (lastWindow[order] === lineStart) continue;
      const prepared = this.prepared[order] ?? this.prepare(order);
      const sticky = prepared.sticky;
      if (sticky !== null) {
        // Every match starts at an anchor keyword: the line is searched once one starts a match.
        if (!prepared.anchors.has(keyword)) continue;
        window ??= file.text.slice(lineStart, lineEnd);
        sticky.lastIndex = start - lineStart;
        if (!sticky.test(window)) continue;
      }
      lastWindow[order] = lineStart;
      window ??= file.text.slice(lineStart, lineEnd);
      this.searchWindow(file, order, window, lineStart);
    }
  }

  /**
   * A hit on a line longer than MAX_WINDOW (minified code, data blobs): the detectors run on a
   * window around the keyword. Windows of a long line start inside it, where a pattern's lookbehind
   * sees the window's edge: anchoring is kept to whole lines, where it sees what the line search sees.
   */
  private onLongLineHit(
    file: FileScan,
    orders: readonly number[],
    start: number,
    line: readonly [number, number],
  ): void {
    const [lineStart, lineEnd] = line;
    const windowStart = Math.max(lineStart, start - BEFORE_KEYWORD);
    const windowEnd = Math.min(lineEnd, windowStart + MAX_WINDOW);
    const detectorCount = this.detectors.length;
    let window: string | undefined;
    for (const order of orders) {
      const key = windowStart * detectorCount + order;
      if (file.done.has(key)) continue;
      file.done.add(key);
      window ??= file.text.slice(windowStart, windowEnd);
      this.searchWindow(file, order, window, windowStart);
    }
  }

  /** Runs the detector over a window at `offset` of the file and keeps the matches its gates let pass. */
  private searchWindow(file: FileScan, order: number, window: string, offset: number): void {
    for (const match of this.run(order, window, offset)) {
      const verdict = this.judge(order, match.value, file.options);
      if (verdict === "dummy") file.candidates.push({ match: { ...match, dummy: true }, order });
      else if (verdict === "real") file.candidates.push({ match, order });
    }
  }

  /** What onHit reads of the detector, worked out when the detector is first triggered. */
  private prepare(order: number): Prepared {
    const detector = this.detectors[order];
    if (!detector) throw new Error(`The scanner has no detector ${order}.`);
    const keywords = detector.files ? null : anchorKeywords(this.sourceOf(order, detector), detector.keywords);
    const anchors = new Set((keywords ?? []).map((keyword) => this.keywordIndex.get(keyword) ?? -1));
    const sticky = keywords
      ? new RegExp(this.sourceOf(order, detector), `${(detector.flags ?? "").replace(/[gdy]/g, "")}y`)
      : null;
    const prepared = new Prepared(anchors, sticky);
    this.prepared[order] = prepared;
    return prepared;
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
  // Read here, not where the last line needs it: a path first taken after V8 optimised the scan
  // dropped its optimised code.
  const length = text.length;
  return (offset) => {
    if (offset >= line[0] && offset <= breakAt) return line;
    // lastIndexOf clamps a negative start to 0, where a leading break would be found: offset 0 opens line one.
    const start = offset === 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
    const next = text.indexOf("\n", offset);
    breakAt = next === -1 ? length : next;
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

/** The catalogue scanner when some rule has built it, without building it (see private-keys/index.ts). */
export function catalogueScannerIfBuilt(): Scanner | undefined {
  return shared;
}

/** The scanner over the built-in catalogue, compiled once per process. */
export function catalogueScanner(): Scanner {
  // The catalogue first: where one of its detectors (a provider token, its own .pgpass entry) names a
  // credential, it keeps the name; credential-file detectors add what the catalogue's gates let pass.
  // The generic layer's words (see shared/word-hits.ts) and the private-key finders' markers ride
  // along: every file is read once for all three.
  shared ??= new Scanner([...catalogue, ...credentialFiles], [...GENERIC_WORDS, ...PRIVATE_KEY_MARKERS]);
  return shared;
}
