// The floor of any Node linter built on libpg-query, for a PostgreSQL history: Node's boot, the
// parser's load, reading the files and one parseSync per statement (deploylint's own splitter),
// and nothing else: no config, discovery, model, rules or report. Used by results/pg-profile.md.
//
//   node tools/bench/pg-floor.mjs <folder of .sql files>
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";

// As a lint run does (engine/run.ts): WebAssembly on Liftoff only.
setFlagsFromString("--liftoff-only");
const boot = performance.now(); // performance.now() counts from the process's start

const folder = process.argv[2];
if (folder === undefined) throw new Error("usage: node tools/bench/pg-floor.mjs <folder of .sql files>");
const core = new URL("../../packages/core/dist/", import.meta.url);
const { splitSql } = await import(new URL("sources/sql/split.js", core).href);
const { loadPostgresParser } = await import(new URL("sources/sql/pg-parser.js", core).href);
const libpgQuery = createRequire(new URL("x.js", core))("libpg-query");

let at = performance.now();
await loadPostgresParser();
const load = performance.now() - at;

at = performance.now();
const texts = readdirSync(folder)
  .filter((name) => name.endsWith(".sql"))
  .map((name) => readFileSync(join(folder, name), "utf8"));
const read = performance.now() - at;

at = performance.now();
const statements = texts.flatMap((text) => splitSql(text, "postgresql").statements);
const split = performance.now() - at;

at = performance.now();
let parsed = 0;
for (const statement of statements) {
  try {
    libpgQuery.parseSync(statement.text);
    parsed++;
  } catch {
    // a syntax error costs the parse too; deploylint reports it
  }
}
const parse = performance.now() - at;

const cpu = process.cpuUsage();
const ms = (value) => `${Math.round(value)} ms`;
console.log(
  [
    `${texts.length} files, ${statements.length} statements (${parsed} parsed)`,
    `node boot ${ms(boot)}`,
    `libpg-query load ${ms(load)}`,
    `read ${ms(read)}`,
    `split ${ms(split)}`,
    `parseSync ${ms(parse)}`,
    `total ${ms(performance.now())}`,
    `cpu ${ms((cpu.user + cpu.system) / 1000)}`,
  ].join(", "),
);
