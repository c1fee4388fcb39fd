// Checks the `settings` of a config against the schemas the loaded packs declare
// (Pack.settingsSchema), and that the paths those schemas mark exist in the working directory.
// A section no loaded pack declares belongs to a pack that is not loaded (or reads it without a
// schema): it is left alone, as ESLint leaves settings of plugins it does not know.
import type { JSONSchema, Pack } from "../rule-api/types.js";
import { ConfigError } from "./errors.js";
import { missingPathProblem } from "./paths.js";
import type { RawConfig } from "./read.js";
import { formatPath, validateSettingsSection } from "./validate.js";

/** One `settings` block as written in one file (or a pack's config), and where it sits there. */
export interface SettingsSource {
  source: Pick<RawConfig, "file" | "lineOf">;
  settings: Record<string, unknown>;
  path: (string | number)[];
}

/** The schemas declared for a section, with the pack that declared each. */
function schemasFor(packs: readonly Pack[], section: string): { pack: string; schema: JSONSchema }[] {
  return packs.flatMap((pack) => {
    const schema = pack.settingsSchema?.[section];
    return schema ? [{ pack: pack.name, schema }] : [];
  });
}

export function validateSettings(options: { block: SettingsSource; packs: readonly Pack[] }): void {
  const { block } = options;
  for (const [section, value] of Object.entries(block.settings)) {
    for (const { pack, schema } of schemasFor(options.packs, section)) {
      validateSettingsSection({
        pack,
        schema,
        value,
        file: block.source.file,
        path: [...block.path, section],
        lineOf: block.source.lineOf,
      });
    }
  }
}

/**
 * Every string a schema marks `deploylintPath: true` must name something inside `cwd`. `settings`
 * is the merged result; the error names the last block that set the key, since that one won.
 */
export function checkSettingsPaths(options: {
  cwd: string;
  packs: readonly Pack[];
  settings: Record<string, unknown>;
  sources: readonly SettingsSource[];
}): void {
  for (const [section, value] of Object.entries(options.settings)) {
    for (const { schema } of schemasFor(options.packs, section)) {
      for (const { path, text } of markedPaths(schema, value, [section])) {
        const problem = missingPathProblem(options.cwd, text);
        if (problem === null) continue;
        const origin = lastSource(options.sources, path);
        const location = origin ? [...origin.path, ...path] : ["settings", ...path];
        const line = origin?.source.lineOf(location) ?? null;
        const file = origin?.source.file ?? "(config)";
        throw new ConfigError(`${file}${line ? `:${line}` : ""}: ${formatPath(location)}: ${problem}`);
      }
    }
  }
}

function markedPaths(
  schema: JSONSchema,
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; text: string }[] {
  if (schema.deploylintPath === true && typeof value === "string") return [{ path, text: value }];
  const items = schema.items;
  if (Array.isArray(value) && isSchema(items))
    return value.flatMap((item, index) => markedPaths(items, item, [...path, index]));
  const properties = schema.properties;
  if (isRecord(value) && isRecord(properties)) {
    return Object.entries(value).flatMap(([key, inner]) => {
      const child = properties[key];
      return isSchema(child) ? markedPaths(child, inner, [...path, key]) : [];
    });
  }
  return [];
}

// The block whose section holds this key last: mergeSettings lets a later block replace a key.
function lastSource(sources: readonly SettingsSource[], path: (string | number)[]): SettingsSource | undefined {
  const [section, key] = path;
  return [...sources].reverse().find((block) => {
    const value = block.settings[String(section)];
    return isRecord(value) && key !== undefined && String(key) in value;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSchema(value: unknown): value is JSONSchema {
  return isRecord(value);
}
