// netlify.toml: [context.<name>.environment] per deploy context (production, deploy-preview,
// branch-deploy, a branch name) and [build.environment] for every context.
import type { ValuesFact } from "../facts.js";
import { readToml } from "./toml.js";
import { namesAt, tableEntries } from "./toml-values.js";

export function isNetlifyFile(path: string): boolean {
  return (path.split("/").at(-1) ?? "") === "netlify.toml";
}

export function readNetlify(text: string): ValuesFact[] {
  const entries = readToml(text);
  const facts: ValuesFact[] = [];
  const build = tableEntries(entries, ["build", "environment"]);
  if (build.length > 0) facts.push({ source: "netlify", environment: "*", entries: build });
  for (const context of namesAt(entries, ["context"])) {
    const values = tableEntries(entries, ["context", context, "environment"]);
    if (values.length > 0) facts.push({ source: "netlify", environment: context, entries: values });
  }
  return facts;
}
