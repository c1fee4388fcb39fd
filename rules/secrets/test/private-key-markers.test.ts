// no-private-key reads the catalogue scanner's pass over a file (made for the other secrets rules)
// before its finders: a file with none of their markers in any case is not searched again, and a
// key is found whether or not a pass was made for its text.
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogueScanner } from "../src/detectors/scan.js";
import { findPrivateKeys } from "../src/private-keys/index.js";
import { PRIVATE_KEY_MARKERS } from "../src/private-keys/markers.js";
import { ageKey, base64, pem, pemBody, putty } from "./helpers/fake-keys.js";

/** How many times `work` calls String.prototype.includes. */
function includesCalls(work: () => unknown): number {
  const spy = vi.spyOn(String.prototype, "includes");
  try {
    work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const kinds = (text: string) => findPrivateKeys(text).map((key) => [key.kind, key.start, key.end]);

describe("private-key markers in the shared pass", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are keywords of the catalogue scanner", () => {
    for (const marker of PRIVATE_KEY_MARKERS)
      expect(catalogueScanner().keywordId(marker), marker).toBeGreaterThanOrEqual(0);
  });

  it("let a file without any marker skip every finder's search once the pass is made", () => {
    const text = "export const answer = 42;\nconst secretKey = process.env.KEY;\n".repeat(50);
    catalogueScanner().keywordPass(text);
    expect(includesCalls(() => expect(findPrivateKeys(text)).toEqual([]))).toBe(0);
  });

  it("leave the finders their own searches when no pass was made for the text", () => {
    const text = "plain words, no key here\n";
    catalogueScanner().keywordPass("another text");
    expect(includesCalls(() => expect(findPrivateKeys(text)).toEqual([]))).toBeGreaterThan(0);
  });

  const rsa = pem("RSA PRIVATE KEY", pemBody(1190, 3));
  const keys: [string, string][] = [
    ["PEM", `config:\n  key: |\n${rsa}`],
    ["base64 PEM", `KEY=${base64(new TextEncoder().encode(rsa))}\n`],
    ["PuTTY", putty(3, 5)],
    ["age", `# created: 2024\n${ageKey(8)}\n`],
  ];

  it.each(keys)("find a %s key alike with and without the pass", (_name, text) => {
    catalogueScanner().keywordPass("another text");
    const without = kinds(text);
    expect(without.length).toBeGreaterThan(0);
    catalogueScanner().keywordPass(text);
    expect(kinds(text)).toEqual(without);
  });

  it("build no catalogue scanner for no-private-key alone", async () => {
    vi.resetModules();
    const keys = await import("../src/private-keys/index.js");
    const scan = await import("../src/detectors/scan.js");
    expect(keys.findPrivateKeys(putty(2, 6)).length).toBe(1);
    expect(scan.catalogueScannerIfBuilt()).toBeUndefined();
  });

  it("find what the finders find when a marker is there in another case only", () => {
    const text = "Never commit a private key or an Age-Secret-Key-1 to git.\n";
    catalogueScanner().keywordPass(text);
    expect(includesCalls(() => expect(findPrivateKeys(text)).toEqual([]))).toBeGreaterThan(0);
  });
});
