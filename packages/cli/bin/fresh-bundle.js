// Whether the bundled CLI (packages/cli/bundle, made by `npm run build`) may run: it must exist and
// be newer than what it was built from, since a `tsc -b` alone updates dist/ and leaves it behind.
import { readFileSync, statSync } from "node:fs";

const BUNDLE = new URL("../bundle/", import.meta.url);

/** The bundle's bin.js URL, or null when there is no bundle or a build input changed after it. */
export function freshBundle() {
  const list = new URL("inputs.json", BUNDLE);
  let inputs;
  let built;
  try {
    inputs = JSON.parse(readFileSync(list, "utf8"));
    built = statSync(list).mtimeMs;
  } catch {
    return null;
  }
  for (const input of inputs) {
    // An input that is not there (an installed package ships no .tsbuildinfo) cannot be newer.
    const changed = statSync(new URL(input, BUNDLE), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (changed > built) return null;
  }
  return new URL("bin.js", BUNDLE);
}
