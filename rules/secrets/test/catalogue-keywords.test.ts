// The keywords that decide where the catalogue's detectors run: each `named` detector runs on every
// line one of its names is written on, in every spelling its pattern allows, and not on ordinary
// code lines that only share a name's first two letters (`co`, `es`, `dd`).
import { describe, expect, it } from "vitest";
import { catalogue } from "../src/detectors/catalogue/index.js";
import { KeywordMatcher } from "../src/detectors/keywords.js";
import { catalogueScanner } from "../src/detectors/scan.js";
import { sample } from "./helpers/sample.js";

const scanner = catalogueScanner();
const NAME_SEPARATOR = "[_.-]?";

/** The names of a `named` pattern (`(?:name|name)…`: char classes and optional separators only). */
function namesOf(pattern: string): { names: string[]; rest: string } | null {
  if (!pattern.startsWith("(?:")) return null;
  const close = pattern.indexOf(")");
  const names = pattern.slice(3, close).split("|");
  if (names.some((name) => !/^(?:\[[a-zA-Z]{2}\]|\[_\.-\]\?|[0-9])+$/.test(name))) return null;
  return { names, rest: pattern.slice(close + 1) };
}

describe("catalogue keywords", () => {
  const named = catalogue.flatMap((d) => {
    const parsed = namesOf(d.pattern);
    return parsed ? [{ detector: d, ...parsed }] : [];
  });

  it("finds the named detectors (the check below is not vacuous)", () => {
    expect(named.length).toBeGreaterThan(60);
  });

  it("runs each named detector on its every name, with any separator between the words", () => {
    const missed: string[] = [];
    for (const { detector, names, rest } of named) {
      for (const name of names) {
        for (const separator of ["", "_", ".", "-"]) {
          const spelled = name.split(NAME_SEPARATOR).join(separator.replace(/[.]/g, "\\."));
          const ran = [1, 2, 3, 4, 5].some((seed) => {
            const line = sample(`${spelled}${rest}`, seed);
            return scanner.scan(`${line}\n`, { path: "config.txt" }).some((m) => m.detector.id === detector.id);
          });
          if (!ran) missed.push(`${detector.id}: ${spelled}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it("triggers no named detector on ordinary code lines", () => {
    const keywords = named.flatMap(({ detector }) => detector.keywords);
    const matcher = new KeywordMatcher(keywords);
    const code = [
      "const config = useContext(ComponentContext);",
      "export default defineConfig({ resolve: { alias: es } });",
      "if (odd && add(dd, pd)) console.log(xi, gh, data);",
      "import { ociConfig } from './cloud';",
    ].join("\n");
    expect(matcher.hits(code).map((hit) => keywords[hit.keyword])).toEqual([]);
  });
});
