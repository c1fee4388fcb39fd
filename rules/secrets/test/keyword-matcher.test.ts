// The catalogue's keyword matcher (a dense Aho–Corasick table) and the scanner's line windows:
// every occurrence of every keyword, as a naive search finds them, and a detector's match found on
// the first line, after a leading break, on CRLF lines and deep in a long line.
import { describe, expect, it, vi } from "vitest";
import { catalogue } from "../src/detectors/catalogue/index.js";
import { KeywordMatcher } from "../src/detectors/keywords.js";
import { catalogueScanner, realMatches, Scanner } from "../src/detectors/scan.js";
import type { Detector } from "../src/detectors/types.js";
import { prng } from "./helpers/sample.js";
import { fileFor, sampleFor } from "./helpers/samples.js";

/** The fields of a made-up detector that no test here reads. */
const stub = { provider: "Example", secret: "test value", source: "https://example.com" };

/** Every (keyword, start) pair by brute force, ordered as the matcher reports them: by end, then as the automaton lists them. */
function naiveHits(keywords: readonly string[], text: string): { keyword: number; start: number }[] {
  const lowered = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hits: { keyword: number; start: number; end: number }[] = [];
  keywords.forEach((keyword, index) => {
    for (let at = lowered.indexOf(keyword); at !== -1; at = lowered.indexOf(keyword, at + 1)) {
      hits.push({ keyword: index, start: at, end: at + keyword.length });
    }
  });
  // At one end, the longest keyword first (its own output before its fail chain's).
  hits.sort((a, b) => a.end - b.end || b.end - b.start - (a.end - a.start));
  return hits.map(({ keyword, start }) => ({ keyword, start }));
}

describe("KeywordMatcher", () => {
  it("finds every occurrence of overlapping keywords, ASCII case-insensitively", () => {
    const keywords = ["he", "she", "his", "hers", "a", "aa", ":", "s"];
    const matcher = new KeywordMatcher(keywords);
    const random = prng(7);
    const alphabet = "heEsSiHr:aA é\n";
    for (let round = 0; round < 200; round++) {
      let text = "";
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect([...matcher.hits(text)], JSON.stringify(text)).toEqual(naiveHits(keywords, text));
    }
  });

  // Building reads a keyword's upper-case ASCII through the column of its lower case.
  it("finds keywords written in any case, and keywords sharing prefixes and suffixes, where a naive search does", () => {
    const random = prng(13);
    const alphabet = "aAbB:-é";
    for (let round = 0; round < 100; round++) {
      const keywords = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
            Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * 7)]).join(""),
          ),
        ),
      ];
      const matcher = new KeywordMatcher(keywords);
      const lowered = keywords.map((keyword) => keyword.replace(/[A-Z]/g, (c) => c.toLowerCase()));
      const text = Array.from({ length: Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * 7)]).join("");
      const byPosition = (hits: { keyword: number; start: number }[]) =>
        [...hits].sort((a, b) => a.start - b.start || a.keyword - b.keyword);
      expect(byPosition([...matcher.hits(text)]), JSON.stringify([keywords, text])).toEqual(
        byPosition(naiveHits(lowered, text)),
      );
    }
  });

  it("finds the catalogue's keywords where a naive search does", () => {
    const keywords = [...new Set(catalogue.flatMap((d) => d.keywords))];
    const matcher = new KeywordMatcher(keywords);
    const text = `${catalogue.map((d) => sampleFor(d)).join("\n")}\nGitHub_Token: SK-ant-api03-x CoHere é\r\n`;
    const sortByPosition = (hits: { keyword: number; start: number }[]) =>
      [...hits].sort((a, b) => a.start - b.start || a.keyword - b.keyword);
    expect(sortByPosition([...matcher.hits(text)])).toEqual(sortByPosition(naiveHits(keywords, text)));
  });
});

describe("KeywordMatcher hit buffers", () => {
  it("collects more hits than its first buffers hold, and the next text's hits alone", () => {
    const matcher = new KeywordMatcher(["key", "token"]);
    const text = "key token ".repeat(500);
    expect(matcher.collect(text).count).toBe(1000);
    expect([...matcher.hits(text)]).toEqual(naiveHits(["key", "token"], text));
    expect([...matcher.hits("a token")]).toEqual([{ keyword: 1, start: 2 }]);
  });
});

describe("KeywordMatcher construction", () => {
  // Every run builds the catalogue's table (~2,100 states by ~50 columns) before its first file:
  // linking walks the trie's edges, not a Map lookup for every state and column.
  it("links the catalogue's keywords with fewer Map lookups than there are keywords", () => {
    const keywords = [...new Set(catalogue.flatMap((d) => d.keywords))];
    const lookups = vi.spyOn(Map.prototype, "get");
    try {
      new KeywordMatcher(keywords);
      expect(lookups.mock.calls.length).toBeLessThan(keywords.length);
    } finally {
      lookups.mockRestore();
    }
  });
});

describe("catalogue scanner line windows", () => {
  const scanner = catalogueScanner();
  const detector = catalogue.find((d) => !d.paths && fileFor(d) === "config.txt" && sampleFor(d).length < 200);
  if (!detector) throw new Error("no detector to sample");
  const line = sampleFor(detector);
  const found = (text: string) =>
    realMatches(scanner.scan(text, { path: "config.txt" })).map((m) => [m.detector.id, m.start, m.end]);
  const alone = found(line);

  it("finds a match on the first line, after a leading line break and on CRLF lines at the same place", () => {
    expect(alone.length).toBeGreaterThan(0);
    const shifted = (by: number) => alone.map(([id, start, end]) => [id, Number(start) + by, Number(end) + by]);
    expect(found(`\n${line}`)).toEqual(shifted(1));
    expect(found(`\r\n${line}\r\n`)).toEqual(shifted(2));
    expect(found(`first line\n${line}\nlast line`)).toEqual(shifted(11));
  });

  it("finds a match deep in a line longer than the scanner's window", () => {
    const padding = `${"x ".repeat(3000)}`;
    expect(found(`${padding}${line}`)).toEqual(
      alone.map(([id, start, end]) => [id, Number(start) + padding.length, Number(end) + padding.length]),
    );
  });

  it("finds a match once on a line that holds its keywords many times, long or not", () => {
    const twice = `${line} ${line}`;
    const once = found(line);
    const both = found(twice);
    expect(both.length).toBe(2 * once.length);
    const padding = `${"x ".repeat(3000)}`;
    expect(found(`${padding}${twice}`).length).toBe(2 * once.length);
  });
});

describe("catalogue scanner keyword mask", () => {
  it("passes over keywords whose only detectors are limited to other file names (`:` of .pgpass lines)", () => {
    const original = KeywordMatcher.prototype.collect;
    const delivered = (path: string) => {
      let count = 0;
      const spy = vi.spyOn(KeywordMatcher.prototype, "collect").mockImplementation(function (
        this: KeywordMatcher,
        text,
        skip,
      ) {
        const hits = original.call(this, text, skip);
        count += hits.count;
        return hits;
      });
      try {
        catalogueScanner().scan("a:b:c\nd:e:f\n", { path });
      } finally {
        spy.mockRestore();
      }
      return count;
    };
    expect(delivered(".pgpass")).toBe(4);
    expect(delivered("notes.txt")).toBe(0);
  });

  it("asks a path-limited detector's file names once per file, not on each hit of a keyword it shares", () => {
    // A keyword that a path-limited detector shares with one that runs everywhere is never passed
    // over; the scan used to test the file's name against the path-limited one's on every such line.
    class CountingTests extends RegExp {
      calls = 0;
      override test(text: string): boolean {
        this.calls++;
        return super.test(text);
      }
    }
    const paths = new CountingTests("^\\.pgpass$");
    const detectors: Detector[] = [
      { ...stub, id: "everywhere", pattern: "shared=(zz[0-9]{6})", keywords: ["shared"] },
      { ...stub, id: "pgpass-only", pattern: "shared:(qq[0-9]{6})", keywords: ["shared"], paths },
    ];
    const scanner = new Scanner(detectors);
    const text = Array.from({ length: 40 }, (_, i) => `shared=zz${100000 + i} shared:qq${200000 + i}`).join("\n");
    const ids = (path: string) => [...new Set(scanner.scan(text, { path }).map((m) => m.detector.id))];
    expect(ids("notes.txt")).toEqual(["everywhere"]);
    expect(ids(".pgpass")).toEqual(["everywhere", "pgpass-only"]);
    expect(paths.calls).toBeLessThanOrEqual(2);
  });

  it("still scans a .pgpass file's lines, and finds nothing in the same line elsewhere", () => {
    const pgpass = "db.internal:5432:app:app:Xq7vR2mK9pLw4tZs\n";
    const ids = (path: string) =>
      catalogueScanner()
        .scan(pgpass, { path })
        .map((m) => m.detector.id);
    expect(ids(".pgpass").length).toBeGreaterThan(0);
    expect(ids("notes.txt")).toEqual([]);
  });
});
