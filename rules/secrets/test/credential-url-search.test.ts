// The credential-URL search is anchored at each `://`: the same matches as a search of the whole
// text with URL_WITH_PASSWORD, without starting a scheme at every letter of a file of code.
import { describe, expect, it, vi } from "vitest";
import { URL_WITH_PASSWORD, urlsWithPassword } from "../src/shared/credential-urls.js";
import { prng } from "./helpers/sample.js";

const wholeSearch = (text: string) =>
  [...text.matchAll(new RegExp(URL_WITH_PASSWORD.source, "g"))].map((m) => [m.index, ...m]);
const anchored = (text: string) => [...urlsWithPassword(text)].map((m) => [m.index, ...m]);

describe("urlsWithPassword", () => {
  it("finds what a search of the whole text finds, on texts built around the limits", () => {
    const random = prng(23);
    const pieces = [
      "postgres",
      "jdbc:",
      "mysql",
      "://",
      "user",
      ":",
      "S3cr3t-pw",
      "@",
      "db.example.com",
      "/",
      " ",
      "\n",
      "'",
      "a".repeat(31),
      "+x.",
      "://u:p@h",
      "@@",
    ];
    let urls = 0;
    for (let round = 0; round < 4000; round++) {
      let text = "";
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = wholeSearch(text);
      urls += expected.length;
      expect(anchored(text), JSON.stringify(text)).toEqual(expected);
    }
    // The texts hold URLs often enough for the comparison to mean something.
    expect(urls).toBeGreaterThan(400);
  });

  it("finds URLs with a jdbc: scheme, back to back and after a long scheme-like run", () => {
    const text = `jdbc:mysql://root:Zq7xW2vLp9@db:3306/app,redis://:Kd8Hs3Lp9@cache ${"b".repeat(40)}://u:Zq7xW2vLp9@h`;
    expect(anchored(text)).toEqual(wholeSearch(text));
    // The third is no URL by the expression: its scheme-like run is longer than a scheme.
    expect(anchored(text).map(([index]) => index)).toEqual([0, text.indexOf("redis")]);
  });

  it("tries the expression only in the 36 characters before each ://", () => {
    const prose = "word ".repeat(2000);
    const text = `${prose}see postgres://app:Zq7xW2vLp9@db.internal/app ${prose}`;
    const separator = text.indexOf("://");
    const exec = RegExp.prototype.exec;
    const starts: number[] = [];
    const spy = vi.spyOn(RegExp.prototype, "exec").mockImplementation(function (this: RegExp, input: string) {
      if (this.source === URL_WITH_PASSWORD.source) starts.push(this.lastIndex);
      return exec.call(this, input);
    });
    try {
      expect(anchored(text).length).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.filter((start) => start < separator - 36 || start > separator)).toEqual([]);
  });

  // A lockfile lists thousands of URLs, none with a password: what follows each `://` rules it out
  // once, instead of the expression being tried at each of the 36 offsets before it.
  it("tries a URL without user information once, not at every offset its scheme could start at", () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `  resolved "https://registry.yarnpkg.com/pkg-${i}/-/pkg-${i}-1.0.0.tgz#abc"\n`,
    );
    const text = `${lines.join("")}url = "postgres://app:Zq7xW2vLp9@db.internal/app"\n`;
    const exec = RegExp.prototype.exec;
    let tries = 0;
    const spy = vi.spyOn(RegExp.prototype, "exec").mockImplementation(function (this: RegExp, input: string) {
      if (input === text) tries++;
      return exec.call(this, input);
    });
    try {
      expect(anchored(text)).toEqual(wholeSearch(text));
    } finally {
      spy.mockRestore();
    }
    expect(anchored(text).length).toBe(1);
    // 301 `://`, one test after each, the 36 offsets before the only one with a password.
    expect(tries).toBeLessThan(301 + 40 + 5);
  });
});
