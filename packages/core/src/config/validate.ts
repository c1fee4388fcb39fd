// ajv validation of configs and of rule options, turned into one-line errors that name the
// file, the JSON path and what is allowed.
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
// A static JSON import, not a read relative to this file, so the schema travels inside a bundle.
import schema from "../../schemas/config.schema.json" with { type: "json" };
import type { JSONSchema } from "../rule-api/types.js";
import { precompiledSettings, validate as validateConfig } from "./config-validator.generated.js";
import { ConfigError, editDistance } from "./errors.js";

let ajv: Ajv | undefined;

function getAjv(): Ajv {
  // Required on first use, not imported: the config schema and the built-in packs' schemas are
  // compiled at build time, so most runs never compile one, and loading ajv (~250 KB of code with
  // its URI parser) cost every start-up. Only a rule with options or a third-party pack needs it.
  if (ajv === undefined) {
    const { Ajv: AjvClass } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
    // strict:false because rule authors' option schemas are theirs to write; we only validate with them.
    ajv = new AjvClass({ allErrors: true, strict: false, useDefaults: false, verbose: true });
  }
  return ajv;
}

export function configSchema(): JSONSchema {
  // A copy per call, as reading the file gave: a caller may change what it gets.
  return structuredClone(schema) as JSONSchema;
}

export function validateConfigShape(options: {
  data: unknown;
  file: string;
  lineOf: (path: (string | number)[]) => number | null;
}): void {
  // Compiled ahead of time from the schema (tools/build/config-validator.mjs): no ajv compile per run.
  const configValidator = validateConfig as ValidateFunction;
  if (configValidator(options.data)) return;
  const error = pickError(configValidator.errors ?? []);
  if (!error) return;
  const path = pointerToPath(error.instancePath);
  // An unknown key is best shown on its own line.
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  const line = options.lineOf(extra ? [...path, extra] : path) ?? options.lineOf(path);
  throw new ConfigError(`${options.file}${line ? `:${line}` : ""}: ${describe(error, path)}`);
}

const ruleValidators = new WeakMap<object, ValidateFunction>();

export function validateRuleOptions(options: {
  ruleId: string;
  schema: JSONSchema | undefined;
  value: unknown;
  file: string;
  path: (string | number)[];
  lineOf: (path: (string | number)[]) => number | null;
}): void {
  const where = `${options.file}${lineSuffix(options.lineOf(options.path))}`;
  if (!options.schema) {
    throw new ConfigError(`${where}: ${formatPath(options.path)}: ${options.ruleId} takes no options.`);
  }
  validateAgainst({ ...options, schema: options.schema, owner: `options of ${options.ruleId}` });
}

/** `settings.<section>` against the JSON Schema a pack declares for it (Pack.settingsSchema). */
export function validateSettingsSection(options: {
  pack: string;
  schema: JSONSchema;
  value: unknown;
  file: string;
  path: (string | number)[];
  lineOf: (path: (string | number)[]) => number | null;
}): void {
  validateAgainst({ ...options, owner: `settings of the ${options.pack} pack` });
}

let precompiled: Map<string, ValidateFunction> | undefined;

/**
 * Compiles a pack's or a rule's schema once per process; a schema ajv rejects is the pack's bug.
 * The built-in packs' settings schemas were compiled ahead of time: no ajv compile on a plain run.
 */
export function compileSchema(schema: JSONSchema): ValidateFunction {
  let validate = ruleValidators.get(schema);
  if (!validate) {
    precompiled ??= new Map(
      precompiledSettings.map((entry: { json: string; validate: unknown }) => [
        entry.json,
        entry.validate as ValidateFunction,
      ]),
    );
    validate = precompiled.get(JSON.stringify(schema)) ?? getAjv().compile(schema);
    ruleValidators.set(schema, validate);
  }
  return validate;
}

function validateAgainst(options: {
  schema: JSONSchema;
  value: unknown;
  file: string;
  path: (string | number)[];
  lineOf: (path: (string | number)[]) => number | null;
  owner: string;
}): void {
  let validate: ValidateFunction;
  try {
    validate = compileSchema(options.schema);
  } catch (error) {
    // A schema ajv cannot compile is the pack author's bug; say whose, in one line.
    const reason = (error instanceof Error ? error.message : String(error)).split("\n", 1)[0];
    throw new ConfigError(`${options.file}: the schema of the ${options.owner} is not valid JSON Schema: ${reason}`);
  }
  if (validate(options.value)) return;
  const error = pickError(validate.errors ?? []);
  if (!error) return;
  const path = [...options.path, ...pointerToPath(error.instancePath)];
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  const line =
    (extra ? options.lineOf([...path, extra]) : null) ?? options.lineOf(path) ?? options.lineOf(options.path);
  throw new ConfigError(`${options.file}${lineSuffix(line)}: ${describe(error, path)} (${options.owner})`);
}

function lineSuffix(line: number | null): string {
  return line ? `:${line}` : "";
}

// ajv reports every branch of a oneOf; the most specific (deepest) error explains the problem best.
function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "if");
  const pool = useful.length > 0 ? useful : errors;
  return [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function describe(error: ErrorObject, path: (string | number)[]): string {
  const at = formatPath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      return `${at}: unknown key "${key}"${didYouMean(key, Object.keys(propertiesOf(error)))}${allowedKeys(error)}.`;
    }
    case "enum": {
      const allowed = params.allowedValues as unknown[];
      const hint =
        typeof error.data === "string"
          ? didYouMean(
              error.data,
              allowed.filter((v) => typeof v === "string"),
            )
          : "";
      return `${at}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}${hint}.`;
    }
    case "type":
      return `${at}: must be ${String(params.type)}.`;
    case "required":
      return `${at}: missing required key "${String(params.missingProperty)}".`;
    default:
      return `${at}: ${error.message ?? "is not valid"}.`;
  }
}

function propertiesOf(error: ErrorObject): Record<string, unknown> {
  return (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
}

function allowedKeys(error: ErrorObject): string {
  const keys = Object.keys(propertiesOf(error)).filter((k) => k !== "$schema");
  return keys.length > 0 ? `; allowed: ${keys.join(", ")}` : "";
}

// Tighter than rule-id suggestions: a value or key a typo away, not any short word.
function didYouMean(wanted: string, known: string[]): string {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(wanted.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const close = bestDistance > 0 && bestDistance <= Math.max(2, Math.floor(wanted.length / 3));
  return best !== null && close ? ` (did you mean "${best}"?)` : "";
}
