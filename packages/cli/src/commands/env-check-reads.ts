// What the code says about each variable, for `deploylint env check`: where it is read without a
// fallback. The reads come from env-docs' own extractor, run through the ordinary pipeline (the
// repository's config, ignores and example settings) with one project rule that only collects them.
import { definePack, defineRule, type FactRecord } from "@deploylint/core/rule-api";
import { READ_FACT, type ReadFact } from "@deploylint/rules-env-docs";
import { lint, loadConfig } from "../index.js";

/** The first read of each variable known to give no value of its own when the variable is unset. */
export type ReadsWithoutFallback = Map<string, { file: string; line: number }>;

const PACK = "env-check";
const RULE = "collect-reads";

/**
 * Reads in files under `scope` ("" for the whole repository) that the extractor says have no
 * fallback, by variable name. A read it cannot judge does not make a variable required: a gate
 * that demands an optional variable fails deploys that are fine.
 */
export async function readsWithoutFallback(options: {
  cwd: string;
  scope: string;
  warn: (message: string) => void;
}): Promise<ReadsWithoutFallback> {
  const { cwd, scope } = options;
  const config = await loadConfig({ cwd });
  const collected: FactRecord<ReadFact>[] = [];
  const collect = defineRule({
    id: RULE,
    scope: "project",
    meta: {
      description: "Collects the variables the code reads, for env check.",
      kinds: ["text"],
      facts: [READ_FACT],
      presets: { recommended: "off", strict: "off" },
      messages: {},
    },
    check(ctx) {
      collected.push(...ctx.facts<ReadFact>(READ_FACT));
    },
  });
  await lint({
    cwd,
    config: {
      ...config,
      packs: [...config.packs, { pack: definePack({ name: PACK, rules: [collect] }), specifier: null }],
      rules: { ...config.rules, [`${PACK}/${RULE}`]: { severity: "warn", options: undefined } },
    },
    only: [`${PACK}/${RULE}`],
    // The collecting rule lives in this process only: workers could not import it.
    workers: 0,
    warn: options.warn,
  });
  const reads: ReadsWithoutFallback = new Map();
  const sorted = collected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.data.line - b.data.line));
  for (const { file, data } of sorted) {
    if (data.name === null || data.hasFallback !== false || reads.has(data.name)) continue;
    if (scope !== "" && !file.startsWith(`${scope}/`)) continue;
    reads.set(data.name, { file, line: data.line });
  }
  return reads;
}
