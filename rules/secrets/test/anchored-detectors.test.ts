// Anchored detectors (every match starts with a keyword: a token with a literal prefix) search a
// line only once a keyword occurrence there starts a match. The scanner must find exactly what it
// finds without anchoring, which the reference below does: `(?:)` in front of a pattern changes
// none of its matches and makes it unreadable as anchored.
import { describe, expect, it, vi } from "vitest";
import { anchorKeywords, leadingAlternatives, leadingLiteral } from "../src/detectors/anchors.js";
import { catalogue } from "../src/detectors/catalogue/index.js";
import { credentialFiles } from "../src/detectors/credential-files/index.js";
import { Scanner } from "../src/detectors/scan.js";
import type { Detector } from "../src/detectors/types.js";
import * as perCharacter from "./helpers/anchors-reference.js";
import { prng } from "./helpers/sample.js";
import { fileFor, sampleFor } from "./helpers/samples.js";

const detectors: Detector[] = [...catalogue, ...credentialFiles];
const anchored = catalogue.filter((d) => anchorKeywords(d.pattern, d.keywords) !== null);
const scanner = new Scanner(detectors);
const reference = new Scanner(detectors.map((d) => ({ ...d, pattern: `(?:)${d.pattern}` })));
const found = (s: Scanner, text: string, path: string) =>
  s.scan(text, { path }).map((m) => [m.detector.id, m.start, m.end, m.dummy === true]);

describe("leadingLiteral", () => {
  it("reads the literal a token pattern starts with", () => {
    expect(leadingLiteral("(?<![A-Za-z0-9_])(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})(?![A-Za-z0-9_])")).toBe("pat");
    expect(leadingLiteral("(amzn\\.mws\\.[0-9a-f]{8})")).toBe("amzn.mws.");
    expect(leadingLiteral("(?<![A-Za-z0-9_])(ya29\\.[0-9A-Za-z_-]{30,2000})")).toBe("ya29.");
  });

  it("reads none where a match may start elsewhere", () => {
    // an alternative at the top level or in the first group, an optional first character, a class
    expect(leadingLiteral("(abc[0-9]{4}|[0-9]{6})")).toBeNull();
    expect(leadingLiteral("abc[0-9]{4}|xyz")).toBeNull();
    expect(leadingLiteral(":?_(?:authToken|auth)=([a-z]+)")).toBeNull();
    expect(leadingLiteral("(?:ghp|gho)_[A-Za-z0-9]{36}")).toBeNull();
    expect(leadingLiteral("(?:)(pat[a-z]{3})")).toBeNull();
    expect(leadingLiteral("\\bkey_[a-z]+")).toBeNull();
    expect(leadingLiteral("[0-9a-f]{32}-us\\d")).toBeNull();
  });

  it("keeps only the literal before a quantified character", () => {
    expect(leadingLiteral("(sk-ant-?[a-z]{4})")).toBe("sk-ant");
    expect(leadingLiteral("(xoxb\\.?[a-z]{4})")).toBe("xoxb");
  });

  it("finds many anchored detectors in the catalogue (the comparison below is not vacuous)", () => {
    expect(anchored.length).toBeGreaterThan(100);
    expect(anchored.map((d) => d.id)).toContain("airtable-pat");
  });
});

describe("leadingAlternatives", () => {
  it("reads the literal each name of a named() pattern starts with", () => {
    expect(leadingAlternatives("(?:[fF][aA][cC][eE]|[fF][bB][_.-]?[tT][oO]|\\.[nN]et)[\\w.-]{0,30}=(x)")).toEqual([
      "face",
      "fb",
      ".net",
    ]);
  });

  it("reads none where a match may start with something else", () => {
    // a quantified group, a top-level alternative, an alternative opening with a class or group, an empty one
    expect(leadingAlternatives("(?:[aA][bB]|[cC][dD])?x")).toBeNull();
    expect(leadingAlternatives("(?:[aA][bB]|[cC][dD])x|y")).toBeNull();
    expect(leadingAlternatives("(?:[aA][bB]|[0-9][cC])x")).toBeNull();
    expect(leadingAlternatives("(?:[aA][bB]|(?:[cC]))x")).toBeNull();
    expect(leadingAlternatives("(?:)(?:[aA][bB])x")).toBeNull();
    expect(leadingAlternatives("(?:[aA]?[bB]|[cC])x")).toBeNull();
  });

  it("anchors a detector only when each of its names starts with one of its keywords", () => {
    expect(anchorKeywords("(?:[fF][bB][_.-]?[aA]|[mM][eE][tT][aA])=(x)", ["fb", "meta", "zz"])).toEqual(["fb", "meta"]);
    expect(anchorKeywords("(?:[fF][bB][_.-]?[aA]|[mM][eE][tT][aA])=(x)", ["fb"])).toBeNull();
  });
});

/** A name an alternative of a named() pattern reads (`[aA]` in either case, `[_.-]?` as any of them), or null. */
function nameOf(alternative: string, random: () => number): string | null {
  let name = "";
  for (let i = 0; i < alternative.length; ) {
    const rest = alternative.slice(i);
    const letter = /^\[([a-z])([A-Z])\]/.exec(rest);
    if (letter) {
      name += random() < 0.5 ? letter[1] : letter[2];
      i += 4;
    } else if (rest.startsWith("[_.-]?")) {
      name += ["", "_", ".", "-"][Math.floor(random() * 4)];
      i += 6;
    } else if (/^\\[^A-Za-z0-9]/.test(rest)) {
      name += rest[1];
      i += 2;
    } else if (/^[A-Za-z0-9_:-]/.test(rest)) {
      name += rest[0];
      i += 1;
    } else return null;
  }
  return name;
}

describe("anchored scanning", () => {
  it("finds what the unanchored scan finds, around every anchored detector's sample", () => {
    const random = prng(5);
    let matches = 0;
    for (const detector of anchored) {
      const line = sampleFor(detector);
      const keyword = detector.keywords[0] ?? "";
      const variants = [
        line,
        // occurrences of the keyword that start nothing, before and after the credential
        `${keyword}h ${keyword}tern = ${line} // ${keyword}`,
        // the credential glued to a word: its lookbehind fails
        `x${line}`,
        line.toUpperCase(),
        line.toLowerCase(),
        `${line}\r\n${keyword}\n\n${line}`,
      ];
      for (const text of variants) {
        const expected = found(reference, text, fileFor(detector));
        matches += expected.length;
        expect(found(scanner, text, fileFor(detector)), `${detector.id}: ${JSON.stringify(text)}`).toEqual(expected);
      }
      // with the samples of others on the same line, in random order
      const others = Array.from({ length: 3 }, () =>
        sampleFor(anchored[Math.floor(random() * anchored.length)] ?? detector),
      );
      const mixed = [...others, line].sort(() => random() - 0.5).join(" ");
      expect(found(scanner, mixed, "config.txt"), `${detector.id} mixed`).toEqual(
        found(reference, mixed, "config.txt"),
      );
    }
    expect(matches).toBeGreaterThan(anchored.length);
  });

  // named() detectors are anchored by their names: every name must still find its credential.
  it("finds what the unanchored scan finds for every name of each detector anchored by its names", () => {
    const random = prng(9);
    let names = 0;
    for (const detector of anchored) {
      const alternatives = leadingLiteral(detector.pattern) === null ? leadingAlternatives(detector.pattern) : null;
      if (!alternatives) continue;
      const value = reference.scan(sampleFor(detector), { path: fileFor(detector) })[0]?.value;
      if (value === undefined) continue;
      const group = detector.pattern.slice(3, detector.pattern.indexOf(")["));
      for (const alternative of group.split("|")) {
        const name = nameOf(alternative, random);
        if (name === null) continue;
        names++;
        for (const text of [
          `${name}=${value}\n`,
          `  "${name}": "${value}",\n`,
          `x.${name} := '${value}' # ${name}\n`,
        ]) {
          const expected = found(reference, text, fileFor(detector));
          expect(found(scanner, text, fileFor(detector)), `${detector.id}: ${JSON.stringify(text)}`).toEqual(expected);
        }
      }
    }
    expect(names).toBeGreaterThan(150);
  });

  // A lockfile's hashes hold `fb` and `cf` on thousands of lines: no Meta or Cloudflare name starts there.
  it("does not search a lockfile line for a provider whose names its hash only seems to mention", () => {
    const facebook = catalogue.find((d) => d.id === "facebook-access-token");
    if (!facebook) throw new Error("no facebook-access-token detector");
    const lock =
      '  integrity sha512-Zfb3kQcf9aYBmetaW0fbXcfx+Q==\n  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz"\n'.repeat(
        50,
      );
    const exec = vi.spyOn(RegExp.prototype, "exec");
    try {
      expect(new Scanner(detectors).scan(lock, { path: "yarn.lock" })).toEqual([]);
      const lineSearches = exec.mock.contexts.filter(
        (re) => re instanceof RegExp && re.global && re.source === facebook.pattern,
      );
      expect(lineSearches).toEqual([]);
    } finally {
      exec.mockRestore();
    }
  });

  it("finds what the unanchored scan finds on a line longer than a window", () => {
    const samples = anchored.slice(0, 40).map(sampleFor);
    const text = `${"path pattern ".repeat(400)}${samples.join(" ")}${" patch".repeat(800)}`;
    expect(text.length).toBeGreaterThan(4096 * 2);
    const expected = found(reference, text, "bundle.min.js");
    expect(expected.length).toBeGreaterThan(10);
    expect(found(scanner, text, "bundle.min.js")).toEqual(expected);
  });

  // `pat` is in `path`, `pattern` and `patch` on many lines of code: none starts an Airtable token.
  it("does not search a line whose keyword occurrences start no match", () => {
    const airtable = catalogue.find((d) => d.id === "airtable-pat");
    if (!airtable) throw new Error("no airtable-pat detector");
    const code = "const path = require('path');\nconst pattern = /x/; // patch\n".repeat(50);
    const exec = vi.spyOn(RegExp.prototype, "exec");
    try {
      expect(new Scanner(detectors).scan(code, { path: "src/a.js" })).toEqual([]);
      const lineSearches = exec.mock.contexts.filter(
        (re) => re instanceof RegExp && re.global && re.source === airtable.pattern,
      );
      expect(lineSearches).toEqual([]);
    } finally {
      exec.mockRestore();
    }
  });
});

// The readers find a pattern's pieces by native search (a loop per character cost a run the
// compile of its loops); they read what the loops read, on every pattern of the catalogue and on
// generated ones with escapes, classes holding `(`, `|`, `]` and `\`, and groups in any place.
describe("anchor readers against their per-character reference", () => {
  const sources = detectors.map((d) => d.pattern);
  const random = prng(41);
  const pieces = [
    "(?:",
    "(",
    ")",
    "|",
    "[aA]",
    "[_.-]?",
    "[(|]",
    "[\\]|]",
    "[\\\\]",
    "\\(",
    "\\|",
    "\\.",
    "ab",
    "x",
    "{2}",
    "?",
    "[]",
    "\\d",
    "-",
    ":",
  ];
  for (let n = 0; n < 3000; n++) {
    const body = Array.from(
      { length: 1 + Math.floor(random() * 12) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join("");
    sources.push(random() < 0.5 ? `(?:${body}` : body);
  }

  it("reads the same leading literal, alternatives and anchors", () => {
    for (const source of sources) {
      expect([source, leadingLiteral(source)]).toEqual([source, perCharacter.leadingLiteral(source)]);
      expect([source, leadingAlternatives(source)]).toEqual([source, perCharacter.leadingAlternatives(source)]);
      const keywords = ["ab", "x", "a", "-", ":", "pat", "sk-", "fb"];
      expect([source, anchorKeywords(source, keywords)]).toEqual([
        source,
        perCharacter.anchorKeywords(source, keywords),
      ]);
    }
    for (const detector of detectors) {
      expect(anchorKeywords(detector.pattern, detector.keywords)).toEqual(
        perCharacter.anchorKeywords(detector.pattern, detector.keywords),
      );
    }
    // Both answers were met: the comparison is not vacuous.
    const read = sources.filter((source) => leadingAlternatives(source) !== null).length;
    expect(read).toBeGreaterThan(100);
    expect(read).toBeLessThan(sources.length - 1000);
  });
});
