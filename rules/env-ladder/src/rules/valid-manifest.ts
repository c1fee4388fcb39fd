// env-ladder/valid-manifest: checks the ladder manifest against its JSON Schema and reports each
// violation on the line of the key it is about.
import { defineRule } from "@deploylint/core/rule-api";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Document } from "yaml";
import { isManifestFile } from "../manifest.js";
// The schema (schemas/manifest.schema.json, published for editors) compiled by ajv at build time
// (tools/build/manifest-validator.mjs): compiling it here cost ~400 ms of a small run's start-up.
import { validate as precompiled } from "../manifest-validator.generated.js";
import { nodeRangeAt, pointerToPath } from "../yaml-paths.js";

const validator = (): ValidateFunction => precompiled as ValidateFunction;

export default defineRule({
  id: "valid-manifest",
  meta: {
    description: "Require the environment ladder manifest to match its schema.",
    kinds: ["yaml", "json"],
    presets: { recommended: "error", strict: "error" },
    messages: {
      invalid:
        "In the ladder manifest, {{path}} {{problem}}: the environment checks that gate deploys cannot judge a malformed value.",
    },
    help: "Fix the value to match the manifest schema (schemas/manifest.schema.json in @deploylint/rules-env-ladder).",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/valid-manifest.md" },
  },
  create(context) {
    if (!isManifestFile(context.file.path, context.settings)) return null;
    const check = (value: unknown, document: Document | undefined) => {
      const validate = validator();
      if (validate(value)) return;
      for (const error of validate.errors ?? []) {
        const { path, problem, pointAt } = describe(error);
        const range = document ? nodeRangeAt(document, pointAt) : null;
        const data = { path: displayPath(path, value), problem };
        context.report(range ? { messageId: "invalid", data, range } : { messageId: "invalid", data, line: 1 });
      }
    };
    return {
      yaml(source) {
        const document = source.documents[0];
        check(document ? document.toJS() : null, document);
      },
      json(source) {
        check(source.value, source.document);
      },
    };
  },
});

interface Described {
  /** The path the message names. */
  path: string[];
  problem: string;
  /** The path whose key the finding points at. */
  pointAt: string[];
}

function describe(error: ErrorObject): Described {
  const at = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "enum":
      return { path: at, pointAt: at, problem: `must be one of ${(params.allowedValues as unknown[]).join(", ")}` };
    case "type":
      return { path: at, pointAt: at, problem: `must be ${typeList(params.type)}` };
    case "required": {
      // The missing key has no position of its own: point at its parent's key.
      const missing = String(params.missingProperty);
      return { path: [...at, missing], pointAt: at, problem: "is missing" };
    }
    case "additionalProperties": {
      const extra = [...at, String(params.additionalProperty)];
      return { path: extra, pointAt: extra, problem: "is not a known field" };
    }
    case "minLength":
      return { path: at, pointAt: at, problem: "must not be empty" };
    default:
      return { path: at, pointAt: at, problem: error.message ?? "is invalid" };
  }
}

// ajv gives `type` as a string, a comma-separated string or an array, depending on the schema.
function typeList(type: unknown): string {
  const names = (Array.isArray(type) ? type.map(String) : String(type).split(",")).map(
    (name) => `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "valid");
}

// "environments.staging.access[0]": indexes in brackets, where the value at that point is a list.
function displayPath(path: string[], root: unknown): string {
  if (path.length === 0) return "the top level";
  let value = root;
  let text = "";
  for (const segment of path) {
    text += Array.isArray(value) ? `[${segment}]` : text === "" ? segment : `.${segment}`;
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return text;
}
