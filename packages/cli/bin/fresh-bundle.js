// Whether the bundled CLI (packages/cli/bundle, made by `npm run build`) may run: it must exist and
// be newer than what it was built from, since a `tsc -b` alone updates dist/ and leaves it behind.
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const BUNDLE = join(__dirname, "..", "bundle");

/** The path of the bundle's start file (bin.cjs), or null when there is no bundle or a build input changed after it. */
function freshBundle() {
  const list = join(BUNDLE, "inputs.json");
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
    const changed = statSync(join(BUNDLE, input), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (changed > built) return null;
  }
  return join(BUNDLE, "bin.cjs");
}

module.exports = { freshBundle };
