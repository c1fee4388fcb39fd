// The built-in reporters by name (the CLI's --format values) and as named exports.
import type { Reporter } from "@deploylint/core";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";

export { ANNOTATIONS_PER_LEVEL, githubStepSummary } from "./github.js";
export { DEFAULT_DOCS_BASE } from "./rule-info.js";
export { github, gitlab, json, junit, markdown, sarif, stylish };

export const reporters: Record<string, Reporter> = { stylish, json, sarif, github, gitlab, junit, markdown };
