// Summarises V8 .cpuprofile files (from `node --cpu-prof`): self time by function and by
// package/file, so a profile of a benchmark run reads as a short list of hotspots.
//
//   node --cpu-prof --cpu-prof-dir /tmp/prof packages/cli/bin/deploylint.js --cwd /tmp/deploylint-bench/medium --workers 0
//   node tools/bench/profile-summary.mjs /tmp/prof [--top 25]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

/** Self time in ms per node id, from the sample deltas (the profile's own timing). */
function selfTimes(profile) {
  const byId = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const delta = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    byId.set(samples[i], (byId.get(samples[i]) ?? 0) + delta);
  }
  return byId;
}

/** Where a script URL belongs: a package in node_modules, a workspace folder, or node's internals. */
export function ownerOf(url) {
  if (!url) return "(native/vm)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const match = /\/(packages|rules)\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(url);
  return match ? `${match[1]}/${match[2]}/${match[3]}` : url;
}

export function summarise(profiles) {
  const functions = new Map();
  const owners = new Map();
  let total = 0;
  for (const profile of profiles) {
    const self = selfTimes(profile);
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0;
      if (ms === 0) continue;
      total += ms;
      const { functionName, url, lineNumber } = node.callFrame;
      const owner = ownerOf(url);
      const key = `${functionName || "(anonymous)"} ${owner}:${lineNumber + 1}`;
      functions.set(key, (functions.get(key) ?? 0) + ms);
      owners.set(owner, (owners.get(owner) ?? 0) + ms);
    }
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { total, functions: sorted(functions), owners: sorted(owners) };
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: "string", default: "25" } },
  });
  const top = Number(values.top);
  const files = positionals.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => join(path, f))
      : [path],
  );
  const { total, functions, owners } = summarise(files.map((f) => JSON.parse(readFileSync(f, "utf8"))));
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const out = [`${files.length} profile(s), ${(total / 1000).toFixed(2)} s of samples`, "", "self time by function:"];
  for (const [key, ms] of functions.slice(0, top)) out.push(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  out.push("", "self time by package/file:");
  for (const [key, ms] of owners.slice(0, top)) out.push(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
