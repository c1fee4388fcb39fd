// Regenerates presets, rule doc headers, the README rule table (from the built packs' metadata) and
// the precompiled config and manifest validators (`npm run docs`), or fails when any of them drifted (`npm run docs:check`). Run after `tsc -b`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_VALIDATOR_PATH, configValidatorSource } from "../build/config-validator.mjs";
import { MANIFEST_VALIDATOR_PATH, manifestValidatorSource } from "../build/manifest-validator.mjs";
import { checkExamples } from "./examples.mjs";
import { firstDifferentLine, plan } from "./lib.mjs";

const PACK_PACKAGES = [
  "@deploylint/rules-migrations",
  "@deploylint/rules-secrets",
  "@deploylint/rules-env-docs",
  "@deploylint/rules-env-ladder",
  "@deploylint/rules-rollout",
  "@deploylint/rules-pipeline",
  "@deploylint/rules-strategy-docs",
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Repository-relative paths (with `/`) of the files under `dir` whose name ends with `suffix`. */
function listFiles(dir, suffix) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

function readText(path) {
  const absolute = join(root, path);
  return existsSync(absolute) ? readFileSync(absolute, "utf8") : null;
}

// An import failure is fatal: generating without a pack would silently drop its rules.
async function loadPacks() {
  const packs = [];
  const problems = [];
  for (const name of PACK_PACKAGES) {
    let module;
    try {
      module = await import(name);
    } catch (error) {
      console.error(
        `docs: cannot import ${name}: ${error instanceof Error ? error.message : String(error)}\nBuild the packages first: npm run build.`,
      );
      process.exit(1);
    }
    if (module.default === undefined) problems.push(`${name} has no default export (the pack from definePack).`);
    else packs.push(module.default);
  }
  // The engine's "core" pack (core/file-not-checked) is documented and preset like a rule pack.
  packs.unshift((await import("@deploylint/core")).CORE_CHECKS_PACK);
  return { packs, problems };
}

function describeDrift(output) {
  if (output.before === null) return `${output.label} does not exist.`;
  return `${output.label} is out of date (first difference at line ${firstDifferentLine(output.before, output.after)}).`;
}

function printList(title, items) {
  console.error(`${title}\n${items.map((item) => `  - ${item}`).join("\n")}`);
}

// Every rule page's examples run through the real engine (Biome's executable-docs practice).
async function exampleProblems(allPacks) {
  const { runLint, CORE_CHECKS_PACK } = await import("@deploylint/core");
  // The engine adds its own pack to every run; its finding comes from a failed read, which an
  // example of virtual text files cannot produce, so its page has no executable examples.
  const packs = allPacks.filter((pack) => pack !== CORE_CHECKS_PACK);
  const problems = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const page = `docs/rules/${pack.name}/${rule.id}.md`;
      const markdown = readText(page);
      if (markdown === null) continue;
      problems.push(...(await checkExamples({ ruleId: `${pack.name}/${rule.id}`, page, markdown, packs, runLint })));
    }
  }
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`docs: unknown argument ${unknown.join(" ")}. Usage: node tools/docs/generate.mjs [--check]`);
    process.exit(2);
  }
  const check = args.includes("--check");
  const loaded = await loadPacks();
  const docPages = listFiles("docs/rules", ".md").filter((path) => path.split("/").length > 3);
  const testFiles = [...listFiles("rules", ".test.ts"), ...listFiles("packages/core/test/rules", ".test.ts")];
  const { outputs, problems } = plan({ packs: loaded.packs, docPages, testFiles, readText });
  outputs.push({
    path: CONFIG_VALIDATOR_PATH,
    label: CONFIG_VALIDATOR_PATH,
    before: readText(CONFIG_VALIDATOR_PATH),
    after: configValidatorSource(root, loaded.packs),
  });
  outputs.push({
    path: MANIFEST_VALIDATOR_PATH,
    label: MANIFEST_VALIDATOR_PATH,
    before: readText(MANIFEST_VALIDATOR_PATH),
    after: manifestValidatorSource(root),
  });
  problems.unshift(...loaded.problems);
  const drifted = outputs.filter((output) => output.before !== output.after);
  problems.push(...(await exampleProblems(loaded.packs)));

  if (check) {
    problems.push(...drifted.map(describeDrift));
  } else {
    for (const output of drifted) {
      writeFileSync(join(root, output.path), output.after);
      console.log(`docs: wrote ${output.label}`);
    }
  }
  if (problems.length > 0) {
    printList(`docs${check ? ":check" : ""}: ${problems.length} problem(s):`, problems);
    if (check && drifted.length > 0) console.error("Run `npm run docs` to regenerate the generated parts.");
    process.exit(1);
  }
  if (check) console.log(`docs:check: ${outputs.length} generated outputs are up to date.`);
}

await main();
