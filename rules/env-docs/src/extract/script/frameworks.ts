// Build configs that decide what `process.env.X` / `import.meta.env.X` mean in an app:
// Next.js `env: { key }` and Vite/webpack-style `define: { "import.meta.env.X": … }` replace the
// expression at build time (it reads no variable), and Nuxt reads NUXT_<PATH> for each key of
// `runtimeConfig`.
import type { TSESTree } from "@deploylint/core/rule-api";
import { innerRange, keyName, stringValue } from "./ast.js";
import type { FileIndex } from "./file-index.js";

type Add = (name: string | null, range: readonly [number, number], via: string) => void;

export const NEXT_CONFIG = /(^|\/)next\.config\.[cm]?[jt]s$/;
export const VITE_CONFIG = /(^|\/)vite\.config\.[cm]?[jt]s$/;
export const NUXT_CONFIG = /(^|\/)nuxt\.config\.[cm]?[jt]s$/;
/** Whether a file is one whose `buildEnv` applies to the app's reads. */
export const BUILD_CONFIG = /(^|\/)(next|vite)\.config\.[cm]?[jt]s$/;
const DEFINED = /^(process\.env|import\.meta\.env)\.([A-Za-z_$][\w$]*)$/;

/** The expressions the build replaces, as "process.env.basePath" or "import.meta.env.IS_CLOUD". */
export function buildDefinitions(path: string, index: FileIndex): string[] {
  const defined: string[] = [];
  if (NEXT_CONFIG.test(path)) {
    for (const value of index.fields.get("env") ?? []) {
      if (value.type !== "ObjectExpression") continue;
      for (const property of value.properties) {
        const key = property.type === "Property" ? keyName(property) : null;
        if (key !== null) defined.push(`process.env.${key}`);
      }
    }
  }
  if (NEXT_CONFIG.test(path) || VITE_CONFIG.test(path)) {
    for (const value of index.fields.get("define") ?? []) {
      if (value.type !== "ObjectExpression") continue;
      for (const property of value.properties) {
        const key = property.type === "Property" ? keyName(property) : null;
        if (key !== null && DEFINED.test(key)) defined.push(key);
      }
    }
  }
  return defined;
}

/** What Vite exposes on import.meta.env when the config does not say (https://vite.dev/config/shared-options#envprefix). */
const VITE_DEFAULT_PREFIX = "VITE_";

/**
 * The prefixes a Vite config exposes to import.meta.env: its own `envPrefix` (a string or a list of
 * them), or Vite's default. null when not a Vite config, or not known: `envPrefix` computed, or a
 * config built from one it imports from the project (`mergeConfig(shared, …)`), which may set it.
 */
export function viteEnvPrefixes(path: string, index: FileIndex): string[] | null {
  if (!VITE_CONFIG.test(path)) return null;
  const values = index.fields.get("envPrefix") ?? [];
  if (values.length === 0) {
    const importsOwnModule = [...index.imports.values()].some((binding) => /^\.{1,2}\//.test(binding.from));
    return importsOwnModule ? null : [VITE_DEFAULT_PREFIX];
  }
  const prefixes: string[] = [];
  for (const value of values) {
    const items = value.type === "ArrayExpression" ? value.elements : [value];
    for (const item of items) {
      const prefix = item && item.type !== "SpreadElement" ? stringValue(item) : null;
      // Vite refuses an empty prefix (it would expose every variable); a computed one is not followed.
      if (prefix === null || prefix === "") return null;
      prefixes.push(prefix);
    }
  }
  return prefixes;
}

/** Nuxt: `runtimeConfig: { apiSecret: "", public: { apiBase: "" } }` reads NUXT_API_SECRET and NUXT_PUBLIC_API_BASE. */
export function readNuxtRuntimeConfig(path: string, index: FileIndex, add: Add): void {
  if (!NUXT_CONFIG.test(path)) return;
  for (const value of index.fields.get("runtimeConfig") ?? []) {
    if (value.type === "ObjectExpression") readNuxtKeys(value, "NUXT", add);
  }
}

function readNuxtKeys(object: TSESTree.ObjectExpression, prefix: string, add: Add): void {
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const key = keyName(property);
    if (key === null) continue;
    const name = `${prefix}_${snakeUpper(key)}`;
    if (property.value.type === "ObjectExpression") readNuxtKeys(property.value, name, add);
    else
      add(
        name,
        stringValue(property.key) === null ? property.key.range : innerRange(property.key),
        "nuxt runtimeConfig",
      );
  }
}

/** apiBase → API_BASE, the way Nuxt maps a key to its variable. */
function snakeUpper(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
