// wrangler.toml: [env.<name>.vars] per environment; the top-level [vars] belong to the default
// environment, which is production's when no [env.production] is declared.
import type { ValuesFact } from "../facts.js";
import { readToml } from "./toml.js";
import { namesAt, tableEntries } from "./toml-values.js";

export function isWranglerFile(path: string): boolean {
  return (path.split("/").at(-1) ?? "") === "wrangler.toml";
}

export function readWrangler(text: string): ValuesFact[] {
  const entries = readToml(text);
  const facts: ValuesFact[] = [];
  const names = namesAt(entries, ["env"]);
  const top = tableEntries(entries, ["vars"]);
  if (top.length > 0 && !names.includes("production")) {
    facts.push({ source: "wrangler", environment: "production", entries: top });
  }
  for (const name of names) {
    const values = tableEntries(entries, ["env", name, "vars"]);
    if (values.length > 0) facts.push({ source: "wrangler", environment: name, entries: values });
  }
  return facts;
}
