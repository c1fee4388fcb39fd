// The catalogue scanner compiles a detector's expression only when the detector first runs: a
// small file that mentions one provider pays for that provider's detectors, not the ~320 of the
// catalogue. Counted by reading each detector's `pattern` through a getter, whatever compiles it.
import { describe, expect, it } from "vitest";
import { catalogue } from "../src/detectors/catalogue/index.js";
import { credentialFiles } from "../src/detectors/credential-files/index.js";
import { realMatches, Scanner } from "../src/detectors/scan.js";
import type { Detector } from "../src/detectors/types.js";
import { fakeToken } from "./helpers/sample.js";

/** The built-in detectors, each counting how often its pattern is read (by id). */
function countingDetectors(): { detectors: Detector[]; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const detectors = [...catalogue, ...credentialFiles].map(
    (detector): Detector => ({
      ...detector,
      get pattern() {
        reads.set(detector.id, (reads.get(detector.id) ?? 0) + 1);
        return detector.pattern;
      },
    }),
  );
  return { detectors, reads };
}

describe("catalogue scanner laziness", () => {
  it("compiles nothing before a scan, and only the GitHub detectors for a file holding a GitHub token", () => {
    const { detectors, reads } = countingDetectors();
    const scanner = new Scanner(detectors);
    expect(reads.size).toBe(0);

    const text = `const answer = 42;\nexport const token = "${fakeToken("ghp_", 36, 5)}";\n`;
    const found = realMatches(scanner.scan(text, { path: "src/config.ts" })).map((m) => m.detector.id);
    expect(found).toEqual(["github-pat"]);
    // Only detectors one of whose keywords is in the text can run, and each pattern is read once.
    const lowered = text.toLowerCase();
    const triggered = detectors.filter((d) => d.keywords.some((k) => lowered.includes(k))).map((d) => d.id);
    expect(triggered).toContain("github-pat");
    expect(triggered.length).toBeLessThan(10);
    expect([...reads.keys()].every((id) => triggered.includes(id))).toBe(true);
    expect(reads.get("github-pat")).toBe(1);

    scanner.scan(text, { path: "src/other.ts" });
    expect(reads.get("github-pat")).toBe(1);
  });

  it("compiles no detector for a file that holds no keyword", () => {
    const { detectors, reads } = countingDetectors();
    const scanner = new Scanner(detectors);
    expect(scanner.scan("# Shop\n\nRun `make` and open the browser.\n", { path: "README.md" })).toEqual([]);
    expect([...reads.keys()]).toEqual([]);
  });

  it("compiles a credential-file detector when a file of its name is scanned", () => {
    const { detectors, reads } = countingDetectors();
    const scanner = new Scanner(detectors);
    scanner.scan("plain words\n", { path: "src/notes.txt" });
    const fileLevel = detectors.filter((d) => d.files).map((d) => d.id);
    expect(fileLevel.some((id) => reads.has(id))).toBe(false);

    const masterKey = detectors.find((d) => d.files?.test("config/master.key"));
    if (!masterKey) throw new Error("no detector for config/master.key");
    scanner.scan(`${fakeToken("", 32, 9, "0123456789abcdef")}\n`, { path: "config/master.key" });
    expect(reads.get(masterKey.id)).toBe(1);
  });
});
