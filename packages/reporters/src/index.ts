// The built-in reporters by name (the CLI's --format values) and as named exports.
import type { Reporter } from "@deploylint/core";
import { json } from "./json.js";
import { stylish } from "./stylish.js";

export { json, stylish };

export const reporters: Record<string, Reporter> = { stylish, json };
