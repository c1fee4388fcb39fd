// @deploylint/rules-env-docs: rules for the environment-variable documentation (.env.example)
// and the dotenv files themselves.
import { classifyPath, definePack } from "@deploylint/core/rule-api";
import documentedExtractor from "./extract/documented.js";
import readExtractor, { scriptLinksExtractor } from "./extract/read.js";
import noUndocumentedVar from "./rules/no-undocumented-var.js";
import noUnusedDocumentedVar from "./rules/no-unused-documented-var.js";
import requireDescription from "./rules/require-description.js";
import requireExampleValue from "./rules/require-example-value.js";
import requireRotationNote from "./rules/require-rotation-note.js";
import validDotenv from "./rules/valid-dotenv.js";
import { envDocsSettings, isExampleFile } from "./settings.js";
import { envDocsSettingsSchema } from "./settings-schema.js";

export { type Documentation, readDocumentation } from "./example/decorators.js";
export { type ExampleEntry, readExample } from "./example/read-example.js";
export { checkType, type TypeCheck } from "./example/types.js";
export type { Decorators, DocumentedFact, FactDecorators, ReadFact, Span } from "./facts.js";
export { DOCUMENTED_FACT, READ_FACT, SCRIPT_LINKS_FACT } from "./facts.js";
export { knownMatcher, PLATFORM_VARS } from "./project/platform.js";
export { projectReads } from "./project/reads.js";
export type { NoUndocumentedVarOptions } from "./rules/no-undocumented-var.js";
export type { NoUnusedDocumentedVarOptions } from "./rules/no-unused-documented-var.js";
export type { ValidDotenvMessageId, ValidDotenvOptions } from "./rules/valid-dotenv.js";
export { DEFAULT_EXAMPLES } from "./settings.js";
export {
  noUndocumentedVar,
  noUnusedDocumentedVar,
  requireDescription,
  requireExampleValue,
  requireRotationNote,
  validDotenv,
};

export default definePack({
  name: "env-docs",
  settingsSchema: { envDocs: envDocsSettingsSchema },
  rules: [
    noUndocumentedVar,
    noUnusedDocumentedVar,
    requireDescription,
    requireExampleValue,
    requireRotationNote,
    validDotenv,
  ],
  extractors: [readExtractor, scriptLinksExtractor, documentedExtractor],
  // The dotenv files and the configured example files (which may be named anything).
  owns: (path, settings) => classifyPath(path) === "dotenv" || isExampleFile(path, envDocsSettings(settings).examples),
});
