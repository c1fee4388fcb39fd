// vercel.json: `env` and `build.env` apply to every deployment (production and previews); Vercel
// keeps per-environment values in its dashboard, out of the repository's reach.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { ValuesFact } from "../facts.js";
import { mapEntries, nodeAt } from "./yaml-env.js";

export function isVercelFile(path: string): boolean {
  return (path.split("/").at(-1) ?? "") === "vercel.json";
}

export function readVercel(document: Document, lines: LineIndex): ValuesFact[] {
  const entries = [
    ...mapEntries(nodeAt(document.contents, ["env"]), lines),
    ...mapEntries(nodeAt(document.contents, ["build", "env"]), lines),
  ];
  return entries.length > 0 ? [{ source: "vercel", environment: "*", entries }] : [];
}
