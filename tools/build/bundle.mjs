// Bundles the CLI (after `tsc -b`) into packages/cli/bundle/, which the `deploylint` bin prefers:
// one file per entry instead of ~250 modules makes start-up, and so pre-commit runs, fast.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { parseSync } from "oxc-parser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(root, "packages", "cli");
const outdir = join(cli, "bundle");

// Every output lands flat in outdir (entries by name, chunks beside them): modules that find a
// sibling by `new URL("./x.js", import.meta.url)` (the pool's worker entry, the env-check and
// migrations-verify commands, verify's engine worker) then find it from whichever file their code ends up in.
//
// Three layouts. The thread entries are split into chunks as usual. The start (bin.cjs, below) and
// the whole CLI it loads (cli.cjs, below) are one CommonJS file each: split, a run loaded ~35 chunk
// files, and each cost a resolve (realpath, package scope), an open, a read and a link. One file also
// holds commands a run never calls, which V8 only pre-parses: the example shop without its script
// took 0.98 s of CPU instead of 1.04 (wall 1.53 s instead of 1.63, medians of 11 alternated runs on a
// busy machine), an empty repository as much CPU as before and 4 MB less memory.
const ENTRIES = {
  worker: "dist/worker.js",
  // verify runs PGlite and sql.js in a worker thread (so a runaway migration can be stopped); its
  // worker-engine module finds this entry beside itself.
  "engine-worker": "../verify/dist/engines/engine-worker.js",
  // The markdown parser (micromark and mdast, ~200 KB) for the worker threads, read only when the
  // strategy-docs pack is on and a document is there; the CLI has its CommonJS copy (MARKDOWN_FILE).
  "parse-markdown": "../../rules/strategy-docs/dist/markdown/parse.js",
};

/**
 * The CLI in one file, with the commands found at run time (load-env-check.ts) exported from it.
 * It is CommonJS (cli.cjs) so that Node's require() compiles it, and the code cache
 * (packages/core/src/load/code-cache.ts, enabled by bin.cjs) can hand V8 the bytecode of an earlier
 * run: Node 20 has no compile cache for ES modules, and compiling the 2 MB CLI and the functions a
 * run calls was a good part of every run's start. bin.cjs requires it; cli.js is its ES module face,
 * and env-check.js and migrations-verify.js are one-line re-exports of that, so a command reached
 * either way is the same module instance (its error classes are the CLI's own).
 */
const CLI_FILE = "cli.cjs";
const CLI_SOURCE = [
  'export * from "./dist/cli.js";',
  'export { envCheck } from "./dist/commands/env-check.js";',
  'export { migrationsVerify } from "./dist/commands/migrations-verify.js";',
].join("\n");
/** What bin.cjs and the command shims take from the CLI (launch.ts, load-env-check.ts). */
const CLI_EXPORTS = ["main", "envCheck", "migrationsVerify"];
/**
 * Where the CommonJS CLI's import() calls go (routeDynamicImports): a file Node compiles itself, so
 * its import() works whatever V8 did to the CLI. V8 11 (Node 20) drops a script's import() support
 * when it reads the script back from a code cache ("A dynamic import callback was not specified"),
 * and the CLI imports ES modules at run time: its markdown parser, database drivers, a config file
 * or plugin written as an ES module. Specifiers resolve from here, the CLI's own folder.
 */
const CLI_IMPORT_FILE = "cli-import.cjs";
const CLI_IMPORT_NAME = "__deploylintImport";
const CLI_SHIMS = {
  // Import attributes (`{ with: { type: "json" } }`) pass through.
  [CLI_IMPORT_FILE]: "module.exports = (specifier, options) => import(specifier, options);\n",
  "cli.js": [
    'import { createRequire } from "node:module";',
    `const cli = createRequire(import.meta.url)("./${CLI_FILE}");`,
    `export const { ${CLI_EXPORTS.join(", ")} } = cli;`,
    "",
  ].join("\n"),
  "env-check.js": 'export { envCheck } from "./cli.js";\n',
  "migrations-verify.js": 'export { migrationsVerify } from "./cli.js";\n',
};
const CLI_INPUTS = ["dist/cli.js", "dist/commands/env-check.js", "dist/commands/migrations-verify.js"];

/**
 * What the `deploylint` bin starts (bin/deploylint.js requires it): the launcher (launch.ts: --version,
 * --help, the code cache, the process guard), which then requires the CLI beside it. CommonJS, as the
 * bin is (bin/package.json): each ES module costs Node an asynchronous read, a compile with no code
 * cache and a link, each built-in it imports (crypto, vm, worker_threads, ...) a facade with every
 * export copied, and the first one sets up Node's ES module loader. The ES module bin and the ~10
 * files the start was split into cost an empty repository's run 25 M instructions of its 785 M
 * (callgrind; node -e "" is ~515 M here), about 5 ms of CPU.
 */
const BIN_FILE = "bin.cjs";
const BIN_SOURCE = `import { launch } from "./dist/launch.js";\nlaunch(process.argv.slice(2), () => require("./${CLI_FILE}"));\n`;
const BIN_INPUTS = ["dist/launch.js"];

/**
 * The CLI's markdown parser: a CommonJS file of its own beside the CLI (MARKDOWN_FILE), which the
 * CLI's import() of it requires. Required, not imported, it is compiled through the code cache as
 * the CLI is: imported, the 200 KB ES module was compiled from scratch on every run that read a
 * document (~6 ms of the example shop's), and Node ran its CommonJS export scan on it besides.
 */
const MARKDOWN_FILE = "parse-markdown.cjs";
const MARKDOWN_INPUT = "../../rules/strategy-docs/dist/markdown/parse.js";
const markdownParserAsSibling = {
  name: "markdown-parser-as-sibling",
  setup(build) {
    const parser = join(cli, MARKDOWN_INPUT);
    build.onResolve({ filter: /^\.\/parse\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === parser ? { path: MARKDOWN_FILE, namespace: "markdown-parser" } : undefined,
    );
    // esbuild keeps an import() of a bundled module lazy: the require below runs on the first import().
    build.onLoad({ filter: /.*/, namespace: "markdown-parser" }, () => ({
      contents: `module.exports = require("./${MARKDOWN_FILE}");`,
      loader: "js",
    }));
    build.onResolve({ filter: new RegExp(`^\\./${MARKDOWN_FILE.replace(".", "\\.")}$`) }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/**
 * yaml's parser reads process.env.LOG_TOKENS for every token of the text, and its composer
 * process.env.LOG_STREAM for every token it composes; either set, they print those tokens (the
 * file's values, secrets included) to stdout, into the report. Each read is a call into Node's C++
 * environment: ~27% of parsing YAML once the parser is warm (hatchet's 35 CI and compose files:
 * 46 -> 34 ms). The bundled copies test `false` instead; assertNoYamlDebugLogs checks they all do.
 */
const YAML_DEBUG_LOGS = [
  { file: "yaml/dist/parse/parser.js", read: "node_process.env.LOG_TOKENS" },
  { file: "yaml/dist/compose/composer.js", read: "node_process.env.LOG_STREAM" },
];
const yamlWithoutDebugLogs = {
  name: "yaml-without-debug-logs",
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ },
      (args) => {
        const path = args.path.replaceAll("\\", "/");
        const log = YAML_DEBUG_LOGS.find((each) => path.endsWith(`/node_modules/${each.file}`));
        if (!log) return undefined;
        const text = readFileSync(args.path, "utf8");
        const found = text.split(log.read).length - 1;
        if (found !== 1) throw new Error(`${args.path} reads ${log.read} ${found} times, not once: yaml changed.`);
        return { contents: text.replace(log.read, "false"), loader: "js" };
      },
    );
  },
};

/** A bundled yaml that still reads its debug variables would slow every parse and could print secrets. */
function assertNoYamlDebugLogs(outputs) {
  for (const file of outputs.filter((name) => /\.c?js$/.test(name))) {
    const text = readFileSync(join(cli, file), "utf8");
    const left = YAML_DEBUG_LOGS.filter((log) => text.includes(log.read.slice(log.read.indexOf(".env."))));
    if (left.length > 0) throw new Error(`${file} still reads ${left.map((log) => log.read).join(", ")}.`);
  }
}

/**
 * oxc-parser's loader of its native binding and the wrapper of its results, as one CommonJS file
 * beside the CLI (packages/core/src/sources/script-oxc.ts, OXC_LOADER_FILE). oxc-parser is an ES
 * module: required from the CommonJS CLI, it made Node set up its ES module loader (after the
 * engine's V8 flags, so without Node's own code cache for it) and compile its six modules, ~10 ms
 * of every run that parses a script, against ~2 ms for this file and the binding. Its native
 * binding is still found from oxc-parser's own folder (its `import.meta.url`, below), as the
 * package finds it, and the file is used only beside the oxc-parser version it was built from.
 */
const OXC_FILE = "oxc-parser.cjs";
// The version esbuild bundles: oxc-parser as resolved from the CLI's folder, as the entry below is.
const OXC_PACKAGE = JSON.parse(
  readFileSync(createRequire(join(cli, "package.json")).resolve("oxc-parser/package.json"), "utf8"),
);
const OXC_SOURCE = [
  'export { parseSync } from "oxc-parser/src-js/bindings.js";',
  'export { wrap } from "oxc-parser/src-js/wrap.js";',
  `export const version = ${JSON.stringify(OXC_PACKAGE.version)};`,
].join("\n");

// Loaded only when a run needs them, and big (typescript alone is ~9 MB) or shipping files of
// their own (sql.js and pglite load .wasm beside their code): left to node_modules, imported by
// the lazily loaded chunks.
// typescript-estree is bundled (into the chunk the script source loads on first use): as an
// external it cost a resolve, a read and a compile for each of its ~90 files and their helpers
// (semver, debug, ts-api-utils) on every run that parsed a script; typescript itself stays out.
const EXTERNAL = [
  "typescript",
  // Needed only to compile a schema no build step compiled (rule options, third-party packs): a
  // lazy require (packages/core/src/config/validate.ts), not ~250 KB in the start-up chunk.
  "ajv",
  "sql-parser-cst",
  // The script parser: a native addon (one .node binary per platform, an optional dependency)
  // that its own loader finds beside its package; esbuild cannot bundle a .node file.
  "oxc-parser",
  // PostgreSQL's parser loads its .wasm from beside its own code.
  "libpg-query",
  "sql.js",
  "pg",
  "mysql2",
  "mysql2/*",
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
];

// Bundled CommonJS dependencies (ajv, picomatch, …) call require() for node built-ins;
// an ES module has none, so each output file gets one.
const BANNER =
  'import { createRequire as __deploylintCreateRequire } from "node:module";\n' +
  "const require = __deploylintCreateRequire(import.meta.url);";

for (const file of [...Object.values(ENTRIES), ...CLI_INPUTS, ...BIN_INPUTS]) {
  if (!existsSync(join(cli, file))) throw new Error(`packages/cli/${file} is missing: run \`tsc -b\` first.`);
}
rmSync(outdir, { recursive: true, force: true });
// What both builds share.
const COMMON = {
  absWorkingDir: cli,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  banner: { js: BANNER },
  // No keepNames: it wraps every function expression in a `__name(fn, "name")` call, which runs
  // each time a closure is created, and the lexers and rule visitors create closures per file and
  // per token. Without minification esbuild renames only where two modules' top-level names
  // collide; the check below makes sure no class (an error's name in a crash report) is renamed.
  keepNames: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
};
const { metafile } = await build({
  ...COMMON,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(cli, file)])),
  outdir,
  splitting: true,
  plugins: [yamlWithoutDebugLogs],
});
const { metafile: cliMetafile } = await build({
  ...COMMON,
  format: "cjs",
  // CommonJS has no import.meta: the CLI's modules find their siblings (worker entries, the
  // markdown parser) from this file's own URL instead.
  define: { "import.meta.url": "__deploylintModuleUrl" },
  banner: {
    js: [
      'var __deploylintModuleUrl = require("node:url").pathToFileURL(__filename).href;',
      `var ${CLI_IMPORT_NAME} = require("./${CLI_IMPORT_FILE}");`,
    ].join("\n"),
  },
  stdin: { contents: CLI_SOURCE, resolveDir: cli, sourcefile: "cli-entry.js", loader: "js" },
  outfile: join(outdir, CLI_FILE),
  // Dynamic imports of bundled modules stay lazy (esbuild runs a module's body on first import);
  // only the splitting into files is gone.
  splitting: false,
  plugins: [markdownParserAsSibling, yamlWithoutDebugLogs],
});
const { metafile: markdownMetafile } = await build({
  ...COMMON,
  format: "cjs",
  // A CommonJS file has require() of its own, and the parser reads no import.meta.
  banner: {},
  entryPoints: [join(cli, MARKDOWN_INPUT)],
  outfile: join(outdir, MARKDOWN_FILE),
});
const { metafile: binMetafile } = await build({
  ...COMMON,
  format: "cjs",
  // A CommonJS file has require() of its own.
  banner: {},
  external: [...EXTERNAL, `./${CLI_FILE}`],
  stdin: { contents: BIN_SOURCE, resolveDir: cli, sourcefile: "bin-entry.js", loader: "js" },
  outfile: join(outdir, BIN_FILE),
});
const { metafile: oxcMetafile } = await build({
  ...COMMON,
  format: "cjs",
  external: [],
  // bindings.js requires its binding relative to itself (createRequire(import.meta.url)): from the
  // installed package's folder, as when Node loads the package, not from this bundle's.
  define: { "import.meta.url": "__oxcBindingsUrl" },
  banner: {
    js: 'var __oxcBindingsUrl = require("node:url").pathToFileURL(require.resolve("oxc-parser/src-js/bindings")).href;',
  },
  stdin: { contents: OXC_SOURCE, resolveDir: cli, sourcefile: "oxc-entry.js", loader: "js" },
  outfile: join(outdir, OXC_FILE),
});
for (const [file, text] of Object.entries(CLI_SHIMS)) writeFileSync(join(outdir, file), text);
assertCliExports();

/**
 * The ES module face exports by name what the CommonJS CLI has: a missing name would be undefined
 * there, not an error. esbuild lists a CommonJS file's exports in the annotation it writes for
 * Node's ES module interop (`0 && (module.exports = { … })`).
 */
function assertCliExports() {
  const text = readFileSync(join(outdir, CLI_FILE), "utf8");
  const annotation = /0 && \(module\.exports = \{([^}]*)\}\);\s*$/.exec(text);
  const exported = new Set((annotation?.[1] ?? "").split(",").map((name) => name.trim()));
  const missing = CLI_EXPORTS.filter((name) => !exported.has(name));
  if (missing.length > 0) throw new Error(`The CLI bundle (${CLI_FILE}) does not export ${missing.join(", ")}.`);
}

/** A class renamed to dodge a collision (`class ConfigError2`) would change what a crash prints. */
function assertClassesKeepTheirNames(outputs) {
  const declared = new Set();
  const texts = outputs.filter((file) => /\.c?js$/.test(file)).map((file) => readFileSync(join(cli, file), "utf8"));
  for (const text of texts) for (const [, name] of text.matchAll(/\bclass ([A-Za-z_$][\w$]*)/g)) declared.add(name);
  const renamed = [...declared].filter((name) => /\d$/.test(name) && declared.has(name.replace(/\d+$/, "")));
  if (renamed.length > 0) {
    throw new Error(`The bundle renamed classes (${renamed.join(", ")}): give them distinct names in the source.`);
  }
}

/**
 * What the launcher compares the bundle's age with: a workspace's compiled output is represented by
 * its project's .tsbuildinfo (rewritten whenever `tsc -b` rebuilds it), an inlined JSON file (a
 * preset, a schema) by itself. Paths are relative to the bundle folder.
 */
function freshnessInputs(inputs) {
  const files = new Set();
  for (const input of Object.keys(inputs)) {
    if (input === "cli-entry.js" || input === "bin-entry.js" || input === "oxc-entry.js") continue; // the virtual entries above
    const file = resolve(cli, input);
    if (file.includes("/node_modules/")) continue;
    const dist = file.lastIndexOf("/dist/");
    const buildInfo = dist === -1 ? null : join(file.slice(0, dist), "dist", ".tsbuildinfo");
    files.add(buildInfo && existsSync(buildInfo) ? buildInfo : file);
  }
  return [...files].map((file) => relative(outdir, file)).sort();
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in comments and regular
 * expression literals (an en dash in a pattern, an arrow in a comment). One such character makes
 * Node read the whole file as a two-byte string: decoding the 2 MB CLI took ~19 ms instead of ~2,
 * and V8 then scans twice the bytes. A \uXXXX escape means the same code unit in a comment, in a
 * regular expression (with or without the u flag, inside a class or not) and in an identifier, so
 * every one is escaped.
 */
function escapeNonAscii(outputs) {
  for (const file of outputs.filter((name) => /\.c?js$/.test(name)).map((name) => join(cli, name))) {
    const text = readFileSync(file, "utf8");
    const ascii = text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (ascii !== text) writeFileSync(file, ascii);
  }
}

/**
 * Turns every import() of the CommonJS CLI into a call of CLI_IMPORT_NAME. Found in the syntax
 * tree, not the text: the CLI's own rules and prefilters hold "import(" in strings and patterns.
 */
function routeDynamicImports(file) {
  const text = readFileSync(file, "utf8");
  // Offsets are UTF-16 and UTF-8 alike only in an ASCII file, which escapeNonAscii made this one.
  if (/[\u0080-\uffff]/.test(text)) throw new Error(`${file} is not ASCII: import() offsets would be wrong.`);
  const starts = dynamicImportStarts(text);
  if (starts.length === 0) throw new Error(`${file} has no import(): the routing is stale.`);
  let routed = "";
  let from = 0;
  for (const start of starts.sort((a, b) => a - b)) {
    if (text.slice(start, start + "import".length) !== "import") throw new Error(`${file}: no import() at ${start}.`);
    routed += `${text.slice(from, start)}${CLI_IMPORT_NAME}`;
    from = start + "import".length;
  }
  routed += text.slice(from);
  if (dynamicImportStarts(routed).length > 0) throw new Error(`${file} still has an import() after routing.`);
  writeFileSync(file, routed);
}

function dynamicImportStarts(text) {
  const { program, errors } = parseSync("cli.cjs", text, { sourceType: "script" });
  if (errors.length > 0) throw new Error(`The CLI bundle does not parse: ${errors[0].message}`);
  const starts = [];
  const pending = [program];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) pending.push(...node);
    else {
      if (node.type === "ImportExpression") starts.push(node.start);
      for (const value of Object.values(node)) if (value !== null && typeof value === "object") pending.push(value);
    }
  }
  return starts;
}

const outputs = [
  ...Object.keys(metafile.outputs),
  ...Object.keys(cliMetafile.outputs),
  ...Object.keys(markdownMetafile.outputs),
  ...Object.keys(binMetafile.outputs),
  ...Object.keys(oxcMetafile.outputs),
];
assertClassesKeepTheirNames(outputs);
assertNoYamlDebugLogs(outputs);
escapeNonAscii(outputs);
routeDynamicImports(join(outdir, CLI_FILE));

// Written last: its time is the bundle's time.
const inputs = {
  ...metafile.inputs,
  ...cliMetafile.inputs,
  ...markdownMetafile.inputs,
  ...binMetafile.inputs,
  ...oxcMetafile.inputs,
};
writeFileSync(join(outdir, "inputs.json"), `${JSON.stringify(freshnessInputs(inputs), null, 2)}\n`);
