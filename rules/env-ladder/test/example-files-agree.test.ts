// Issue 16: env-docs, secrets and env-ladder must agree on which dotenv files are examples; a file
// one pack reads as documentation and another as real values gives contradicting findings.
import { describe, expect, it } from "vitest";
import { isExampleFile } from "../../env-docs/src/settings.js";
import { isDotenvTemplate } from "../../secrets/src/shared/env-files.js";
import { environmentOfPath, isTemplatePath } from "../src/extract/env-file-name.js";

const EXAMPLES = [
  ".env.example",
  ".env.sample",
  ".env.template",
  ".example.env",
  "env.example",
  "env.sample",
  ".env.dist",
  "example.env",
  ".env.local.example",
  ".env.production.example",
  "apps/web/.env.sample",
  ".env.defaults",
  ".env.schema",
  ".env.tpl",
];
const NOT_EXAMPLES = [".env", ".env.local", ".env.production", ".env.test", ".env.ci", "deploy/staging.env", "env.ts"];

describe("example file names are one definition across packs", () => {
  it.each(EXAMPLES)("%s is an example for every pack and no environment's values", (path) => {
    expect([isExampleFile(path, null), isDotenvTemplate(path), isTemplatePath(path)]).toEqual([true, true, true]);
    expect(environmentOfPath(path)).toBeNull();
  });

  it.each(NOT_EXAMPLES)("%s is an example for no pack", (path) => {
    expect([isExampleFile(path, null), isDotenvTemplate(path), isTemplatePath(path)]).toEqual([false, false, false]);
  });
});
