// The generic layer's word searches read from the catalogue scanner's pass over a file (one pass
// for no-hardcoded-secret and no-generic-secret): each gives what the regular expression it
// replaced gave, on generated texts, and a file read by both rules is passed over once.
import { describe, expect, it, vi } from "vitest";
import { KeywordMatcher } from "../src/detectors/keywords.js";
import { catalogueScanner } from "../src/detectors/scan.js";
import { textAssignments } from "../src/shared/assignments.js";
import { LOGIN_CALL, textLoginArguments } from "../src/shared/login-calls.js";
import { secretWordEnds } from "../src/shared/prefilter.js";
import { CALLEE_WORDS, GENERIC_WORDS, NAME_WORDS, NEAR_WORDS } from "../src/shared/secret-words.js";
import { calleeWordStarts, hasHintWord, nameWordLines } from "../src/shared/word-hits.js";
import { lintFiles } from "./helpers/lint.js";
import { prng } from "./helpers/sample.js";

// The searches as they were written before the shared pass: the references.
const SECRET_HINT = /pass|secret|token|key|cred|salt|pwd|pat\b|auth|login|logon|connect|bind/i;
const SECRET_NAME_WORD = /pass|pwd|secret|token|cred|key|salt|pat|auth/gi;

function referenceWordEnds(text: string): number[] {
  const ends: number[] = [];
  for (const word of NEAR_WORDS) {
    const search = new RegExp(`(?=${word})`, "gi");
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      search.lastIndex = m.index + 1;
      const end = m.index + word.length;
      if (word === "pat" && /[A-Za-z]/.test(text[end] ?? "")) continue;
      ends.push(end);
    }
  }
  return ends.sort((a, b) => a - b);
}

function referenceLines(text: string): number[] {
  const lines: number[] = [];
  SECRET_NAME_WORD.lastIndex = 0;
  for (let word = SECRET_NAME_WORD.exec(text); word !== null; word = SECRET_NAME_WORD.exec(text)) {
    const start = text.lastIndexOf("\n", word.index) + 1;
    const newline = text.indexOf("\n", word.index);
    const end = newline === -1 ? text.length : newline;
    lines.push(start, end);
    SECRET_NAME_WORD.lastIndex = end;
  }
  return lines;
}

function referenceLoginCalls(text: string): [number, string][] {
  const calls: [number, string][] = [];
  const search = new RegExp(LOGIN_CALL.source, "gi");
  for (let m = search.exec(text); m !== null; m = search.exec(text)) calls.push([m.index, m[0]]);
  return calls;
}

/** The calls textLoginArguments reads: LOGIN_CALL tried where callee words start, as it does. */
function loginCalls(text: string): [number, string][] {
  const calls: [number, string][] = [];
  const at = new RegExp(LOGIN_CALL.source, "iy");
  let resume = 0;
  for (const start of calleeWordStarts(text)) {
    if (start < resume) continue;
    at.lastIndex = start;
    const m = at.exec(text);
    if (m === null) continue;
    calls.push([m.index, m[0]]);
    resume = start + m[0].length;
  }
  return calls;
}

/** Texts of words, their neighbours and pieces of calls, in every case, with line breaks and non-ASCII letters. */
function generatedTexts(seed: number, count: number): string[] {
  const random = prng(seed);
  const pieces = [
    ...GENERIC_WORDS,
    ...GENERIC_WORDS.map((word) => word.toUpperCase()),
    "Pat",
    "PATH",
    "pat_",
    "pat1",
    "passwd",
    "apiKey",
    "MYSQLI_REAL_CONNECT",
    "bind_s",
    "authenticate",
    "signIn",
    "x",
    "_",
    " ",
    "\t",
    "(",
    " (",
    "=",
    '"',
    ",",
    "\n",
    "\r\n",
    "ſ", // long s: /i folds it to S only with the u flag
    "K", // Kelvin sign
    "ı",
    "é",
  ];
  return Array.from({ length: count }, () => {
    let text = "";
    const length = Math.floor(random() * 60);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)] ?? "";
    return text;
  });
}

describe("the generic layer's words, read from the catalogue scanner's pass", () => {
  const texts = generatedTexts(17, 3000);

  it("are all keywords of the catalogue scanner", () => {
    for (const word of GENERIC_WORDS) expect(catalogueScanner().keywordId(word), word).toBeGreaterThanOrEqual(0);
  });

  it("end where a search for each near word finds them", () => {
    for (const text of texts) expect([...secretWordEnds(text)], JSON.stringify(text)).toEqual(referenceWordEnds(text));
  });

  it("say whether a text holds a hint word as SECRET_HINT did", () => {
    for (const text of texts) expect(hasHintWord(text), JSON.stringify(text)).toBe(SECRET_HINT.test(text));
  });

  it("give the lines SECRET_NAME_WORD's search visited, in order", () => {
    for (const text of texts) expect(nameWordLines(text), JSON.stringify(text)).toEqual(referenceLines(text));
  });

  it("give every login call a whole-text search of LOGIN_CALL finds", () => {
    let calls = 0;
    for (const text of texts) {
      const expected = referenceLoginCalls(text);
      calls += expected.length;
      expect(loginCalls(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(calls).toBeGreaterThan(100);
  });

  it("start every login callee with a callee word, and every secret name word is a name word", () => {
    const callees = /\\b\((.*?)\)/.exec(LOGIN_CALL.source)?.[1]?.split("|") ?? [];
    expect(callees.length).toBeGreaterThan(10);
    for (const callee of callees)
      expect(
        CALLEE_WORDS.some((word) => callee.startsWith(word)),
        callee,
      ).toBe(true);
    expect(SECRET_NAME_WORD.source.split("|").sort()).toEqual([...NAME_WORDS].sort());
  });

  it("read assignments and login arguments of a text file as before", () => {
    const text = [
      'host = "db.internal"',
      'DB_PASSWORD = "Wq7-Zp2xKm"',
      'PAT = "Zp2x-Wq7Km" # pat',
      "  export Api_Key='Km2x-Zp7Wq'",
      'smtp.LOGIN("alerts", "Wq7-Zp2xKm")',
      '$db = mysqli_real_connect ($h, "app", "Km2x-Zp7Wq");',
    ].join("\r\n");
    // `host` names no secret: its line is not read.
    expect(textAssignments(text).map((a) => [a.name, a.value])).toEqual([
      ["DB_PASSWORD", "Wq7-Zp2xKm"],
      ["PAT", "Zp2x-Wq7Km"],
      ["Api_Key", "Km2x-Zp7Wq"],
    ]);
    expect(textLoginArguments(text).map((a) => [a.name, a.value])).toEqual([
      ["LOGIN()", "Wq7-Zp2xKm"],
      ["mysqli_real_connect()", "Km2x-Zp7Wq"],
    ]);
  });
});

describe("one pass over a file for the secrets rules", () => {
  it("reads a Go file once for no-hardcoded-secret and no-generic-secret, with no whole-text search for the words", async () => {
    const go = [
      "package db",
      "",
      "func open() {",
      '\tconn := sql.Connect("postgres", "app", "Zq7xW2vLp9mR")',
      '\tdbPassword := "Wq7-Zp2xKm4Lv9"',
      "\t_ = conn",
      "}",
      "",
    ].join("\n");
    const passes = vi.spyOn(KeywordMatcher.prototype, "collect");
    const exec = vi.spyOn(RegExp.prototype, "exec");
    try {
      const findings = await lintFiles({
        files: { "db/open.go": go },
        rules: { "no-hardcoded-secret": {}, "no-generic-secret": {} },
      });
      expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
        ["secrets/no-generic-secret", 4],
        ["secrets/no-generic-secret", 5],
      ]);
      const texts = passes.mock.calls.map(([text]) => text);
      expect(texts.filter((text) => text === go)).toHaveLength(1);
      // The searches the pass replaced: SECRET_NAME_WORD's and LOGIN_CALL's over the whole text.
      const wholeText = exec.mock.calls.flatMap(([text], i) => {
        const re = exec.mock.contexts[i];
        return text === go && re instanceof RegExp && re.global ? [re.source] : [];
      });
      expect(wholeText.filter((source) => source.includes("secret|token") || source.includes("mysqli"))).toEqual([]);
    } finally {
      passes.mockRestore();
      exec.mockRestore();
    }
  });
});
