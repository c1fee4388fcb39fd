// The packs and presets that ship with deploylint, in the form the core's config loader takes.
// Everything here is imported statically (JSON too), so a bundle carries it without reading files
// relative to its own location.
import { type Builtins, builtinSpecifier, type PackConfig, registerBuiltinPacks } from "@deploylint/core";
import recommended from "@deploylint/presets/recommended.json" with { type: "json" };
import strategy from "@deploylint/presets/strategy.json" with { type: "json" };
import strict from "@deploylint/presets/strict.json" with { type: "json" };
import envDocs from "@deploylint/rules-env-docs";
import envLadder from "@deploylint/rules-env-ladder";
import migrations from "@deploylint/rules-migrations";
import pipeline from "@deploylint/rules-pipeline";
import rollout from "@deploylint/rules-rollout";
import secrets from "@deploylint/rules-secrets";
import strategyDocs from "@deploylint/rules-strategy-docs";
import pkg from "../package.json" with { type: "json" };

const PACKS = [migrations, secrets, envDocs, envLadder, pipeline, rollout, strategyDocs];

/**
 * Registers the shipped packs in this thread. Pool workers start from ./worker.js, which registers
 * them again there; it sits beside this module in dist/ and in the bundle alike.
 */
export function registerBuiltins(): void {
  registerBuiltinPacks({ packs: PACKS, workerEntry: new URL("./worker.js", import.meta.url) });
}

export function builtins(): Builtins {
  registerBuiltins();
  return {
    packs: PACKS.map((pack) => ({ pack, specifier: builtinSpecifier(pack) })),
    // A copy per call, as reading the files gave: the config loader may merge into what it gets.
    // JSON imports type `["error", {…}]` as an array, not a RuleSetting tuple; the loader validates
    // each preset setting (severity and options) like a user's, so the cast hides nothing.
    presets: {
      recommended: structuredClone(recommended) as unknown as PackConfig,
      strict: structuredClone(strict) as unknown as PackConfig,
      // Opt-in (`extends: [recommended, strategy]`): the deployment-strategy packs' rules.
      strategy: structuredClone(strategy) as unknown as PackConfig,
    },
    defaultExtends: ["recommended"],
  };
}

export function version(): string {
  return pkg.version;
}
