// ajv validation of configs and of rule options, turned into one-line errors that name the
// file, the JSON path and what is allowed.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
// A static JSON import, not a read relative to this file, so the schema travels inside a bundle.
import schema from "../../schemas/config.schema.json" with { type: "json" };
import type { JSONSchema } from "../rule-api/types.js";
import { validate as validateConfig } from "./config-validator.generated.js";
import { ConfigError } from "./errors.js";

let ajv: Ajv | undefined;

function getAjv(): Ajv {
  // strict:false because rule authors' option schemas are theirs to write; we only validate with them.
  ajv ??= new Ajv({ allErrors: true, strict: false, useDefaults: false, verbose: true });
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
  let validate = ruleValidators.get(options.schema);
  if (!validate) {
    validate = getAjv().compile(options.schema);
    ruleValidators.set(options.schema, validate);
  }
  if (validate(options.value)) return;
  const error = pickError(validate.errors ?? []);
  if (!error) return;
  const inner = pointerToPath(error.instancePath);
  throw new ConfigError(`${where}: ${describe(error, [...options.path, ...inner])} (options of ${options.ruleId})`);
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
    case "additionalProperties":
      return `${at}: unknown key "${String(params.additionalProperty)}"${allowedKeys(error)}.`;
    case "enum":
      return `${at}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`;
    case "type":
      return `${at}: must be ${String(params.type)}.`;
    case "required":
      return `${at}: missing required key "${String(params.missingProperty)}".`;
    default:
      return `${at}: ${error.message ?? "is not valid"}.`;
  }
}

function allowedKeys(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) return "";
  return `; allowed: ${Object.keys(properties)
    .filter((k) => k !== "$schema")
    .join(", ")}`;
}
