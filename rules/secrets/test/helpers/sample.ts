// Generates a string that a catalogue pattern matches, from the pattern itself: each detector
// gets a positive test without a real-looking credential written in the repository.
// Supports the subset the catalogue uses: literals, escapes, classes, groups, alternation,
// lookarounds (skipped), anchors and quantifiers.

/** A deterministic pseudo-random generator (mulberry32), so samples are the same in every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
const ESCAPES: Record<string, string[]> = {
  d: "0123456789".split(""),
  w: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".split(""),
  s: [" "],
  S: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split(""),
};

/** Fake values for a random pick from a class: alphanumerics first, so samples look like tokens. */
function pick(chars: string[], random: () => number): string {
  const preferred = chars.filter((c) => /[A-Za-z0-9]/.test(c));
  const pool = preferred.length > 0 ? preferred : chars;
  return pool[Math.floor(random() * pool.length)] ?? "";
}

interface Parser {
  source: string;
  at: number;
  random: () => number;
}

function parseClass(p: Parser): string[] {
  p.at++; // [
  const negate = p.source[p.at] === "^";
  if (negate) p.at++;
  const chars = new Set<string>();
  let first = true;
  while (p.at < p.source.length && (p.source[p.at] !== "]" || first)) {
    first = false;
    let char = p.source[p.at++] ?? "";
    if (char === "\\") {
      const escaped = p.source[p.at++] ?? "";
      const set = ESCAPES[escaped];
      if (set) {
        for (const c of set) chars.add(c);
        continue;
      }
      char = escaped;
    }
    if (p.source[p.at] === "-" && p.source[p.at + 1] !== "]" && p.at + 1 < p.source.length) {
      p.at++;
      let end = p.source[p.at++] ?? "";
      if (end === "\\") end = p.source[p.at++] ?? "";
      for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.add(String.fromCharCode(code));
    } else chars.add(char);
  }
  p.at++; // ]
  return negate ? PRINTABLE.filter((c) => !chars.has(c)) : [...chars];
}

function quantifier(p: Parser): [number, number] {
  const char = p.source[p.at];
  let range: [number, number] = [1, 1];
  if (char === "?") range = [0, 0];
  else if (char === "*") range = [0, 0];
  else if (char === "+") range = [1, 1];
  else if (char === "{") {
    const close = p.source.indexOf("}", p.at);
    const [min = "0", max] = p.source.slice(p.at + 1, close).split(",");
    p.at = close;
    const low = Number(min);
    const high = max === undefined ? low : max === "" ? low : Number(max);
    // Optional runs ({0,n}: separators, quotes) are left out; lengths lean to the low end.
    range = low === 0 ? [0, 0] : [low, Math.min(high, low + 8)];
  } else return range;
  p.at++;
  if (p.source[p.at] === "?") p.at++;
  return range;
}

function sequence(p: Parser): string {
  const alternatives: string[] = [""];
  while (p.at < p.source.length) {
    const char = p.source[p.at];
    if (char === ")") break;
    if (char === "|") {
      p.at++;
      alternatives.push("");
      continue;
    }
    let atom: () => string;
    if (char === "(") {
      p.at++;
      let skip = false;
      if (p.source.startsWith("?:", p.at)) p.at += 2;
      else if (/^\?<?[=!]/.test(p.source.slice(p.at))) {
        skip = true;
        p.at += p.source[p.at + 1] === "<" ? 3 : 2;
      }
      const start = p.at;
      sequence(p);
      const inner = p.source.slice(start, p.at);
      p.at++; // )
      atom = () => (skip ? "" : sequence({ source: inner, at: 0, random: p.random }));
    } else if (char === "[") {
      const chars = parseClass(p);
      atom = () => pick(chars, p.random);
    } else if (char === "\\") {
      const escaped = p.source[p.at + 1] ?? "";
      p.at += 2;
      const set = ESCAPES[escaped];
      atom = () => (set ? pick(set, p.random) : escaped);
    } else if (char === "^" || char === "$") {
      p.at++;
      continue;
    } else if (char === ".") {
      p.at++;
      atom = () => pick(ESCAPES.w ?? [], p.random);
    } else {
      p.at++;
      atom = () => char ?? "";
    }
    const [min, max] = quantifier(p);
    const count = min + Math.floor(p.random() * (max - min + 1));
    let text = "";
    for (let i = 0; i < count; i++) text += atom();
    alternatives[alternatives.length - 1] += text;
  }
  // The first alternative: it holds the detector's main keyword.
  return alternatives[0] ?? "";
}

/** A string the pattern matches (for the catalogue's regex subset), deterministic for a seed. */
export function sample(pattern: string, seed: number): string {
  return sequence({ source: pattern, at: 0, random: prng(seed) });
}

/** A fake token: `prefix` and `length` random characters of `alphabet`. */
export function fakeToken(
  prefix: string,
  length: number,
  seed: number,
  alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789",
): string {
  const random = prng(seed);
  let text = prefix;
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}
