// serverless.yml: the stages it deploys to and their values. `provider.environment` applies to
// every stage; stage parameters come from `params.<stage>` (Framework v3) or
// `stages.<stage>.params` (v4), where `default` applies to every stage.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { ValuesFact } from "../facts.js";
import { mapEntries, nodeAt, pairsOf } from "./yaml-env.js";

export function isServerlessFile(path: string): boolean {
  return /^serverless\.ya?ml$/.test(path.split("/").at(-1) ?? "");
}

export function readServerless(document: Document, lines: LineIndex): ValuesFact[] {
  const facts: ValuesFact[] = [];
  const root = document.contents;
  const provider = mapEntries(nodeAt(root, ["provider", "environment"]), lines);
  if (provider.length > 0) facts.push({ source: "serverless", environment: "*", entries: provider });
  const stages = [
    ...pairsOf(nodeAt(root, ["params"])).map(({ key, value }) => ({ key, params: value })),
    ...pairsOf(nodeAt(root, ["stages"])).map(({ key, value }) => ({ key, params: nodeAt(value, ["params"]) })),
  ];
  for (const { key, params } of stages) {
    const environment = key === "default" ? "*" : key;
    facts.push({ source: "serverless", environment, entries: mapEntries(params, lines) });
  }
  return facts;
}
