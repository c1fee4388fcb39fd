// Where a lint run's time goes, by phase, from V8 CPU profiles (node --cpu-prof --cpu-prof-dir DIR):
// each sample goes to the first phase below (in list order) that a frame of its stack belongs to,
// and each phase gets the median over the profiles. Used by results/pg-profile.md.
//
//   node tools/bench/profile-phases.mjs DIR
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const named =
  (...names) =>
  (frame) =>
    names.includes(frame.functionName);

// Order matters: a parse asked for by a rule is the parse's, not the rule's.
const PHASES = [
  ["GC", named("(garbage collector)")],
  ["idle (waiting for I/O or a background compile)", named("(idle)")],
  ["libpg-query load (WebAssembly compile, instantiate)", named("loadPostgresParser", "loadParser", "loadPgModule")],
  // parseSync: libpg-query's own entry (builds before pg-wasm.ts); parseSyncPg / parseToJson: ours.
  ["parse: libpg-query parseSync", named("parseSync", "parseSyncPg", "parseToJson")],
  ["parse: statement splitter", named("splitSql")],
  ["parse: ClickHouse check", named("uncheckedDialectOf")],
  ["parse: statements cut, positions, kinds", named("readSqlFile")],
  ["model: operations (built by the first rule to ask)", named("buildMigration")],
  ["model: facts for project rules (extractor)", named("migrationFact")],
  ["project phase", named("runProjectPhase")],
  [
    "reading files (read, decode, directive skim)",
    named("readText", "readSourceSync", "readAll", "readWhole", "skimText"),
  ],
  ["rules: per-file, own time", named("dispatch")],
  [
    "engine per-file loop (contexts, line index, findings)",
    named("lintPlannedFile", "lintFile", "lintOne", "lintHere"),
  ],
  [
    "cache: content keys, hashes, stored results",
    named("contentKey", "openFileCache", "restoreResult", "storeResult", "hashText", "createHash"),
  ],
  [
    "planning: which rules get each file",
    named("readOptionsFor", "readsNothing", "ownerOf", "classifyPath", "createPlanner"),
  ],
  ["config load", named("loadConfig")],
  ["discovery", (frame) => /^(discover|listWorkTree|probeWorkTree)/i.test(frame.functionName)],
  ["report (format, write)", named("emitReport", "buildReporterContext")],
  [
    "bundle load (compile from code cache, evaluate)",
    named("compileWithCodeCache", "compileCached", "loadCommonJs", "Module._load", "evaluate", "Module.require"),
  ],
];
const PROGRAM = "(program): V8 outside any JS function";
const NODE = "node: module loader, built-in modules";
const OTHER = "other (CLI, run set-up and finish)";

// Inside parseSync: whose time is it?
function parseShare(frames) {
  const leaf = frames[0];
  if (leaf.url.startsWith("wasm://") || leaf.functionName.startsWith("wasm-"))
    return "WebAssembly (PostgreSQL's parser)";
  if (leaf.functionName === "parseSync" || leaf.functionName === "parseSyncPg")
    return "JSON.parse of the tree (charged to parseSync)";
  if (/^(lengthBytesUTF8|stringToUTF8|stringToUTF8Array|stringToPtr|encodeInto)$/.test(leaf.functionName))
    return "UTF-8 in (emscripten's JS loops)";
  if (/^(findStringEnd|UTF8ToString|UTF8ArrayToString|decode|decodeUTF8)$/.test(leaf.functionName))
    return "UTF-8 out (emscripten's JS, TextDecoder)";
  return "calls into WebAssembly, other glue";
}

function phasesOf(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const phases = new Map([["total", 0]]);
  const parse = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frames = [];
    for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
    let phase = PHASES.find(([, test]) => frames.some(test))?.[0];
    if (phase === undefined && frames[0].functionName === "(program)") phase = PROGRAM;
    if (
      phase === undefined &&
      !frames.some((f) => f.url.startsWith("file:")) &&
      frames.some((f) => f.url.startsWith("node:"))
    )
      phase = NODE;
    add(phases, "total", ms);
    add(phases, phase ?? OTHER, ms);
    if (phase === "parse: libpg-query parseSync") add(parse, parseShare(frames), ms);
  });
  return { phases, parse };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: node tools/bench/profile-phases.mjs DIR");
const runs = readdirSync(dir)
  .filter((name) => name.endsWith(".cpuprofile"))
  .map((name) => phasesOf(JSON.parse(readFileSync(join(dir, name), "utf8"))));
const print = (title, maps, keys) => {
  console.log(`\n${title}`);
  const total = median(maps.map((map) => map.get("total") ?? 0));
  for (const key of keys) {
    const values = maps.map((map) => map.get(key) ?? 0);
    const ms = median(values);
    if (ms === 0 && Math.max(...values) === 0) continue;
    const share = key === "total" ? "" : ` ${((100 * ms) / total).toFixed(1).padStart(5)} %`;
    console.log(
      `${ms.toFixed(0).padStart(6)} ms${share}  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})  ${key}`,
    );
  }
};
console.log(`${runs.length} profiles; median ms per phase (min-max over the profiles)`);
print(
  "phases:",
  runs.map((run) => run.phases),
  ["total", ...PHASES.map(([name]) => name), PROGRAM, NODE, OTHER],
);
const parseKeys = [...new Set(runs.flatMap((run) => [...run.parse.keys()]))];
for (const run of runs)
  run.parse.set(
    "total",
    [...run.parse.values()].reduce((a, b) => a + b, 0),
  );
if (parseKeys.length > 0)
  print(
    "inside parseSync:",
    runs.map((run) => run.parse),
    ["total", ...parseKeys],
  );
