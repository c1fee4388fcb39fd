// The packs and presets that ship with deploylint, in the form the core's config loader takes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Builtins, LoadedPack, Pack, PackConfig } from "@deploylint/core";
import envDocs from "@deploylint/rules-env-docs";
import envLadder from "@deploylint/rules-env-ladder";
import migrations from "@deploylint/rules-migrations";
import secrets from "@deploylint/rules-secrets";

const require = createRequire(import.meta.url);

function builtin(pack: Pack, name: string): LoadedPack {
  // Workers re-import packs by specifier; a file URL works from any working directory.
  return { pack, specifier: import.meta.resolve(name) };
}

function preset(name: "recommended" | "strict"): PackConfig {
  return JSON.parse(readFileSync(require.resolve(`@deploylint/presets/${name}.json`), "utf8")) as PackConfig;
}

export function builtins(): Builtins {
  return {
    packs: [
      builtin(migrations, "@deploylint/rules-migrations"),
      builtin(secrets, "@deploylint/rules-secrets"),
      builtin(envDocs, "@deploylint/rules-env-docs"),
      builtin(envLadder, "@deploylint/rules-env-ladder"),
    ],
    presets: { recommended: preset("recommended"), strict: preset("strict") },
    defaultExtends: ["recommended"],
  };
}

export function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
