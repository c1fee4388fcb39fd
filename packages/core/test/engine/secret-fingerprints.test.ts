// The engine keeps secret values out of fingerprints and facts, whatever a rule pack does: a rule
// that declares `reportsSecrets` is never fingerprinted by its span, a dotenv finding is
// fingerprinted by its message, and ctx.hashSecret is keyed per run.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { runLint } from "../../src/engine/run.js";
import { defineExtractor, definePack, defineRule } from "../../src/rule-api/index.js";

const VALUE = "hunter2-Qm8vX3rT9zL";
const hashText = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);
/** The fingerprint a finding gets when its span's text is hashed (occurrence 0). */
const spanFingerprint = (ruleId: string, file: string, span: string) =>
  hashText(`${ruleId}\0${file}\0${hashText(span)}\0${0}`);

// A careless secrets rule: it points at the value and gives no fingerprintText.
const careless = defineRule({
  id: "careless-secret",
  meta: {
    description: "Reports the value after password=.",
    kinds: ["text"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: { found: "A password." },
  },
  create(ctx) {
    return {
      text(text) {
        for (const match of text.matchAll(/password=(\S+)/g)) {
          const start = match.index + "password=".length;
          ctx.report({ messageId: "found", range: { start, end: start + (match[1] ?? "").length } });
        }
      },
    };
  },
});

// An ordinary rule that happens to point at a dotenv value.
const valueSpan = defineRule({
  id: "value-span",
  meta: {
    description: "Reports every dotenv value.",
    kinds: ["dotenv"],
    presets: { recommended: "error", strict: "error" },
    messages: { value: "Key {{key}} has a value." },
  },
  create(ctx) {
    return { entry: (entry) => ctx.report({ messageId: "value", data: { key: entry.key }, range: entry.valueRange }) };
  },
});

const hashes: string[] = [];
const hashing = defineExtractor({
  id: "hashed",
  kinds: ["dotenv"],
  create(ctx) {
    return { entry: (entry) => ctx.emit({ hash: ctx.hashSecret(entry.value) }) };
  },
});

// Extractors run for the project rules that read their facts: this one only collects them.
const collect = defineRule({
  id: "collect",
  scope: "project",
  meta: {
    description: "Collects the hashed facts.",
    kinds: ["dotenv"],
    facts: ["hashed"],
    presets: { recommended: "error", strict: "error" },
    messages: {},
  },
  check(ctx) {
    for (const fact of ctx.facts<{ hash: string }>("hashed")) hashes.push(fact.data.hash);
  },
});

const pack = definePack({ name: "t", rules: [careless, valueSpan, collect], extractors: [hashing] });

function config(): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: {
      "t/careless-secret": { severity: "error", options: undefined },
      "t/value-span": { severity: "error", options: undefined },
      "t/collect": { severity: "error", options: undefined },
    },
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: 1 << 20,
  };
}

async function lint(files: Record<string, string>) {
  return runLint({
    config: config(),
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/v/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "unused" }),
  });
}

describe("secret values and the engine", () => {
  it("never fingerprints a reportsSecrets rule by the span that holds the value", async () => {
    const { findings } = await lint({ "notes.txt": `password=${VALUE}\n` });
    const [finding] = findings.filter((f) => f.ruleId === "t/careless-secret");
    expect(finding).toBeDefined();
    expect(finding?.fingerprint).not.toBe(spanFingerprint("t/careless-secret", "notes.txt", VALUE));
    // Value-free, so another value at the same place keeps the fingerprint (a baseline stays valid).
    const again = await lint({ "notes.txt": "password=another-value-entirely\n" });
    expect(again.findings[0]?.fingerprint).toBe(finding?.fingerprint);
  });

  it("fingerprints a finding in a dotenv file by its message, not by the value its span covers", async () => {
    const { findings } = await lint({ ".env": `PASSWORD=${VALUE}\n` });
    const [finding] = findings.filter((f) => f.ruleId === "t/value-span");
    expect(finding?.fingerprint).not.toBe(spanFingerprint("t/value-span", ".env", VALUE));
    const other = await lint({ ".env": "PASSWORD=another-value-entirely\n" });
    expect(other.findings.find((f) => f.ruleId === "t/value-span")?.fingerprint).toBe(finding?.fingerprint);
  });

  it("gives extractors a keyed hash: equal within a run, never a plain hash, different across runs", async () => {
    hashes.length = 0;
    await lint({ ".env.a": `X=${VALUE}\n`, ".env.b": `Y=${VALUE}\n` });
    const [a, b] = hashes;
    expect(a).toBe(b);
    for (const algorithm of ["sha256", "sha1", "md5"])
      expect(createHash(algorithm).update(VALUE).digest("hex")).not.toContain(a);
    hashes.length = 0;
    await lint({ ".env.a": `X=${VALUE}\n` });
    expect(hashes[0]).not.toBe(a);
  });
});
