#!/usr/bin/env node
// Writes test/corpora/expected/<name>.json from a fresh run of the built CLI, on explicit request
// only: the corpus tests never write it. Prints, per rule, what appeared and disappeared.
// Usage, after `npm run build`: node tools/corpora/update.mjs <name>... | --all
import { writeFileSync } from "node:fs";
import {
  CORPORA,
  corpusByName,
  diffByRule,
  expectedPath,
  lintCorpus,
  locateCorpora,
  readExpected,
} from "./corpora.mjs";

const args = process.argv.slice(2);
const names = args.includes("--all") ? CORPORA.map((corpus) => corpus.name) : args;
if (names.length === 0) {
  console.error(
    `usage: node tools/corpora/update.mjs <name>... | --all  (names: ${CORPORA.map((c) => c.name).join(", ")})`,
  );
  process.exit(2);
}
const unknown = names.filter((name) => !corpusByName(name));
if (unknown.length > 0) {
  console.error(`unknown corpus: ${unknown.join(", ")} (names: ${CORPORA.map((c) => c.name).join(", ")})`);
  process.exit(2);
}
const located = locateCorpora();
if (!located.root) {
  console.error(located.reason);
  process.exit(1);
}

for (const name of names) {
  const findings = lintCorpus(corpusByName(name), located.root);
  const before = readExpected(name);
  writeFileSync(expectedPath(name), `${JSON.stringify(findings, null, 2)}\n`);
  if (!before) {
    console.log(`${name}: wrote ${findings.length} findings (new list)`);
    continue;
  }
  const changes = diffByRule(before, findings);
  if (changes.length === 0) {
    console.log(`${name}: unchanged (${findings.length} findings)`);
    continue;
  }
  console.log(`${name}: ${before.length} -> ${findings.length} findings`);
  for (const { ruleId, added, removed } of changes) console.log(`  ${ruleId}: +${added} -${removed}`);
}
