// `deploylint env check`: checks a real environment (env files, the process environment) against
// the example file: @required variables set, values of their @type, no typo'd names. It is the
// "required variables are set" step of a pre-deploy gate, so it never prints a value.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isExampleFileName } from "@deploylint/core/rule-api";
import { createLineIndex, parseDotenv } from "@deploylint/core/sources";
import { checkType, DEFAULT_EXAMPLES, type ExampleEntry, knownMatcher, readExample } from "@deploylint/rules-env-docs";
import { type ReadsWithoutFallback, readsWithoutFallback } from "./env-check-reads.js";

export interface EnvCheckIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const HELP = `Usage: deploylint env check [--environment NAME] [--env-file FILE ...] [--from-process] [--example FILE]

Checks an environment against the example file (.env.example): every required variable is set
and not empty, values match their @type (url, int, bool, email, port, enum(a,b)), and no variable
looks like a typo of a documented one. Values are never printed. A variable is required when it
is marked @required, or when the example lists it (not commented out, not @optional, no
@default) and the code reads it somewhere without a fallback (process.env.X, not
process.env.X ?? "default").

  --environment NAME   read .env.NAME and deploy/NAME.env (those that exist)
  --env-file FILE      read this env file (repeatable; later files win)
  --from-process       read the process environment (it wins over files, as dotenv does)
  --example FILE       the example file (default: the first of ${DEFAULT_EXAMPLES.join(", ")})
  -h, --help           print this help

Exit 0 when the environment is complete, 1 when it is not, 2 on a usage error or when there is
nothing to check (no example file, an example that documents no variable, sources with no variable).
`;

const OPTIONS = {
  environment: { type: "string" },
  "env-file": { type: "string", multiple: true },
  "from-process": { type: "boolean" },
  example: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

class UsageProblem extends Error {}

/** There is nothing to judge (no example, nothing documented, no variable in the sources): a gate must not pass. */
class NothingToCheck extends Error {}

interface Setting {
  value: string;
  /** Where the value came from, e.g. "deploy/production.env:3" or "the process environment". */
  origin: string;
}

export async function envCheck(argv: string[], io: EnvCheckIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof NothingToCheck) {
      // Not a usage error: one line saying what was looked for, no pointer to --help.
      io.stderr(`deploylint env check: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageProblem || isParseArgsError(error))) throw error;
    io.stderr(`deploylint env check: ${(error as Error).message}\nRun deploylint env check --help for usage.\n`);
    return 2;
  }
}

async function run(argv: string[], io: EnvCheckIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const examplePath = findExample(io.cwd, values.example);
  const files = envFiles({ cwd: io.cwd, environment: values.environment, explicit: values["env-file"] ?? [] });
  if (files.length === 0 && !values["from-process"]) {
    throw new NothingToCheck(
      values.environment === undefined
        ? `nothing to check ${examplePath} against: no environment source given (pass --env-file FILE, --environment NAME or --from-process).`
        : `nothing to check ${examplePath} against: no env file for environment ${values.environment} (looked for .env.${values.environment} and deploy/${values.environment}.env); pass --env-file or --from-process.`,
    );
  }

  const exampleText = readFileSync(resolve(io.cwd, examplePath), "utf8");
  const lines = createLineIndex(exampleText);
  const entries = readExample(parseDotenv(exampleText), (offset) => lines.positionAt(offset));
  const settings = collectSettings({ cwd: io.cwd, files, env: values["from-process"] ? io.env : null });
  const sources = [...files, ...(values["from-process"] ? ["the process environment"] : [])].join(", ");
  if (entries.length === 0) {
    throw new NothingToCheck(
      `nothing to check: ${examplePath} documents no variable (no NAME=value line), so ${sources} cannot be checked against it.`,
    );
  }
  const reads = await readsWithoutFallback({
    cwd: io.cwd,
    scope: directoryOf(examplePath),
    warn: (message) => io.stderr(`deploylint env check: warning: ${message}\n`),
  });
  const required = entries.filter((entry) => requirement(entry, reads) !== null);
  // An empty environment is checked when something is required of it: that is the gate's point.
  if (settings.size === 0 && required.length === 0) {
    throw new NothingToCheck(
      `nothing to check: ${sources} set${files.length + (values["from-process"] ? 1 : 0) === 1 ? "s" : ""} no variable, and ${examplePath} requires none, so there is nothing to check against it.`,
    );
  }

  const problems = [
    ...entries.flatMap((entry) =>
      checkEntry({ entry, setting: settings.get(entry.name), examplePath, required: requirement(entry, reads) }),
    ),
    ...typoProblems(entries, settings),
  ];
  const label = values.environment ? ` (${values.environment})` : "";
  io.stdout(`env check${label}: ${examplePath} against ${sources}\n`);
  for (const note of problems) io.stdout(`${note.failure ? "✗" : "!"} ${note.text}\n`);
  const failures = problems.filter((note) => note.failure).length;
  const checked = `${entries.length} documented variable${entries.length === 1 ? "" : "s"}, ${required.length} required`;
  if (failures > 0) {
    io.stdout(`Checked ${checked}.\n`);
    io.stdout(`${failures} problem${failures === 1 ? "" : "s"}; values are not shown.\n`);
    return 1;
  }
  io.stdout(`Passed: ${checked}.\n`);
  return 0;
}

function directoryOf(path: string): string {
  const normal = path.replace(/\\/g, "/").replace(/^\.\//, "");
  const slash = normal.lastIndexOf("/");
  return slash === -1 ? "" : normal.slice(0, slash);
}

function findExample(cwd: string, given: string | undefined): string {
  if (given !== undefined) {
    if (!existsSync(resolve(cwd, given))) throw new UsageProblem(`example file ${given} does not exist.`);
    if (!isFile(resolve(cwd, given))) throw new UsageProblem(`example file ${given} is not a file.`);
    return given;
  }
  const found = DEFAULT_EXAMPLES.find((name) => existsSync(resolve(cwd, name)) && isFile(resolve(cwd, name)));
  if (!found) {
    const elsewhere = examplesBelow(cwd);
    const hint =
      elsewhere.length === 0
        ? "pass --example FILE"
        : `found ${elsewhere.join(", ")} in subfolders; pass the one this environment follows with --example ${elsewhere[0]}`;
    throw new NothingToCheck(
      `nothing to check against: no example file (${DEFAULT_EXAMPLES.join(", ")}) in the working directory; ${hint}.`,
    );
  }
  return found;
}

/** Folders an example search never enters: dependencies, builds, VCS data. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "dist", "build", "vendor", ".next", "target", "coverage"]);

/** Example files in subfolders (a few levels down, a few at most), to say which one to pass. */
function examplesBelow(cwd: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    let names: { name: string; isDirectory(): boolean; isFile(): boolean }[];
    try {
      names = readdirSync(resolve(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isFile() && dir !== "" && isExampleFileName(path)) found.push(path);
      else if (entry.isDirectory() && depth < 3 && !SKIPPED_FOLDERS.has(entry.name)) visit(path, depth + 1);
      if (found.length >= 5) return;
    }
  };
  visit("", 0);
  return found;
}

function isFile(path: string): boolean {
  return statSync(path).isFile();
}

function envFiles(options: { cwd: string; environment: string | undefined; explicit: string[] }): string[] {
  const { cwd, environment, explicit } = options;
  for (const file of explicit) {
    if (!existsSync(resolve(cwd, file))) throw new UsageProblem(`env file ${file} does not exist.`);
    if (!isFile(resolve(cwd, file))) throw new UsageProblem(`env file ${file} is not a file.`);
  }
  if (explicit.length > 0 || environment === undefined) return explicit;
  return [`.env.${environment}`, `deploy/${environment}.env`].filter(
    (file) => existsSync(resolve(cwd, file)) && isFile(resolve(cwd, file)),
  );
}

function collectSettings(options: {
  cwd: string;
  files: string[];
  env: NodeJS.ProcessEnv | null;
}): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  for (const file of options.files) {
    for (const entry of parseDotenv(readFileSync(resolve(options.cwd, file), "utf8")).entries) {
      settings.set(entry.key, { value: entry.value, origin: `${file}:${entry.line}` });
    }
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined) settings.set(name, { value, origin: "the process environment" });
  }
  return settings;
}

interface Note {
  failure: boolean;
  text: string;
}

/**
 * Why an entry is required, or null: @required says so; otherwise an entry the example lists as
 * needed (not commented out, not @optional or described as optional, no @default) that code
 * reads without a fallback.
 */
function requirement(entry: ExampleEntry, reads: ReadsWithoutFallback): Requirement | null {
  const { decorators } = entry.documentation;
  if (entry.commented || decorators.optional) return null;
  if (decorators.required) return { by: "decorator" };
  const read = reads.get(entry.name);
  if (read === undefined || decorators.default !== null || saysOptional(entry)) return null;
  return { by: "read", at: `${read.file}:${read.line}` };
}

/** "# Optional: …" above the entry, or "# Additional optional settings" heading its group. */
function saysOptional(entry: ExampleEntry): boolean {
  return [entry.documentation.description, entry.groupDescription].some(
    (text) => text !== null && /\boptional\b/i.test(text),
  );
}

type Requirement = { by: "decorator" } | { by: "read"; at: string };

function checkEntry(options: {
  entry: ExampleEntry;
  setting: Setting | undefined;
  examplePath: string;
  required: Requirement | null;
}): Note[] {
  const { entry, setting, examplePath, required } = options;
  const where = `${examplePath}:${entry.line}`;
  if (setting === undefined || setting.value.trim() === "") {
    if (required === null) return [];
    const state = setting === undefined ? "not set" : `empty (${setting.origin})`;
    const why =
      required.by === "decorator"
        ? `@required (${where})`
        : `required (${where}; read without a fallback at ${required.at})`;
    return [{ failure: true, text: `${entry.name} is ${why} but ${state}.` }];
  }
  const type = entry.documentation.decorators.type;
  if (type === null) return [];
  const result = checkType(type, setting.value);
  if (result.status === "mismatch") {
    return [
      { failure: true, text: `${entry.name} (${setting.origin}) is not ${result.expected} (@type=${type}, ${where}).` },
    ];
  }
  if (result.status === "unknown") {
    return [
      {
        failure: false,
        text: `${entry.name} has @type=${type}, which env check does not know; its value was not checked.`,
      },
    ];
  }
  return [];
}

/** Variables that are not documented but are one slip away from a documented name. */
function typoProblems(entries: ExampleEntry[], settings: Map<string, Setting>): Note[] {
  const documented = new Set(entries.map((entry) => entry.name));
  const known = knownMatcher(undefined);
  const notes: Note[] = [];
  for (const [name, setting] of settings) {
    if (documented.has(name) || known(name)) continue;
    const target = entries.find((entry) => looksLikeTypo(name, entry.name));
    if (!target) continue;
    const missing = (settings.get(target.name)?.value ?? "").trim() === "";
    notes.push({
      failure: missing,
      text: missing
        ? `${name} (${setting.origin}) looks like a typo of ${target.name}, which is not set; rename it to ${target.name}.`
        : `${name} (${setting.origin}) looks like a typo of ${target.name}; nothing reads it, so remove it.`,
    });
  }
  return notes;
}

function looksLikeTypo(candidate: string, documented: string): boolean {
  const a = normalise(candidate);
  const b = normalise(documented);
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  return editDistance(a, b) <= (b.length >= 10 ? 2 : 1);
}

function normalise(name: string): string {
  return name.toUpperCase().replace(/[_.-]/g, "");
}

/** Edit distance where swapping two neighbours costs one, the commonest typo in a long name. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
