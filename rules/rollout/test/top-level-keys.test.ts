// The CloudFormation and Kubernetes readers look at a document's top-level keys before converting
// it (toJS): every YAML file no other reader claims reaches them (lock files, OpenAPI specs), and
// the platform-file extractor reads a file's line index only when a reader needs it.
import type { ExtractorContext, FileVisitors, YamlSource } from "@deploylint/core/rule-api";
import { createLineIndex, parseYaml } from "@deploylint/core/sources";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Document } from "yaml";
import { platformFileExtractor } from "../src/extractors.js";
import { readCloudFormation } from "../src/readers/cloudformation.js";
import { readKubernetes } from "../src/readers/kubernetes.js";
import { topLevelKeys } from "../src/readers/top-level-keys.js";

function yaml(text: string): YamlSource {
  const result = parseYaml(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.source;
}

function firstDocument(text: string): Document {
  const document = yaml(text).documents[0];
  if (!document) throw new Error("no document");
  return document;
}

const keysOf = (text: string) => {
  const keys = topLevelKeys(firstDocument(text));
  return keys && [...keys];
};

describe("topLevelKeys", () => {
  it("names the keys of a top-level map as toJS does", () => {
    expect(keysOf("kind: Deployment\napiVersion: apps/v1\n")).toEqual(["kind", "apiVersion"]);
    expect(keysOf('{"Resources": {}, 8080: web, true: yes, ~: nothing}\n')).toEqual(["Resources", "8080", "true", ""]);
  });

  it("gives no keys for a document whose value is not a map", () => {
    expect(keysOf("- kind: Deployment\n")).toEqual([]);
    expect(keysOf("just text\n")).toEqual([]);
    expect(keysOf("# nothing but\n---\n")).toEqual([]);
  });

  it("does not tell when a key brings in or spells out other keys", () => {
    expect(keysOf("base: &base {kind: Deployment}\n<<: *base\n")).toBeNull();
    expect(keysOf('"<<": quoted\n')).toBeNull();
    expect(keysOf("name: &k kind\n? *k\n: Deployment\n")).toBeNull();
    expect(keysOf("? [kind]\n: Deployment\n")).toBeNull();
  });
});

describe("the Kubernetes and CloudFormation readers", () => {
  afterEach(() => vi.restoreAllMocks());
  const lines = createLineIndex("");

  it("do not convert a document whose top level cannot hold what they read", () => {
    const toJS = vi.spyOn(Document.prototype, "toJS");
    const lockFile = firstDocument("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\n");
    expect(readKubernetes({ document: lockFile, lines, environment: null })).toBeNull();
    expect(readCloudFormation(lockFile, lines, null)).toEqual([]);
    const kindOnly = firstDocument("kind: Deployment\nspec: {}\n");
    expect(readKubernetes({ document: kindOnly, lines, environment: null })).toBeNull();
    expect(toJS).not.toHaveBeenCalled();
  });

  it("still read objects and templates, also when a merge key brings in the keys", () => {
    const deployment = "kind: Deployment\napiVersion: apps/v1\nmetadata: {name: web}\nspec: {}\n";
    const read = (text: string) =>
      readKubernetes({ document: firstDocument(text), lines: createLineIndex(text), environment: null });
    expect(read(deployment)).toMatchObject({ workload: { kind: "Deployment", name: "web" } });
    const merged = "base: &base {kind: Deployment, apiVersion: apps/v1}\n<<: *base\nmetadata: {name: api}\nspec: {}\n";
    expect(read(merged)).toMatchObject({ workload: { kind: "Deployment", name: "api" } });
    const template = "Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties: {DesiredCount: 2}\n";
    expect(readCloudFormation(firstDocument(template), createLineIndex(template), null)).toHaveLength(1);
  });
});

describe("platformFileExtractor", () => {
  function run(path: string, kind: string, text: string): { linesRead: number; emitted: unknown[] } {
    let linesRead = 0;
    const emitted: unknown[] = [];
    const context = {
      file: {
        path,
        kind,
        text,
        get lines() {
          linesRead++;
          return createLineIndex(text);
        },
      },
      settings: {},
      emit: (fact: unknown) => emitted.push(fact),
    } as unknown as ExtractorContext;
    const visitors = platformFileExtractor.create(context) as FileVisitors | null;
    if (kind === "yaml") visitors?.yaml?.(yaml(text));
    else visitors?.text?.(text);
    return { linesRead, emitted };
  }

  it("builds no line index for a file it does not read", () => {
    expect(run("README.md", "text", "# Shop\n")).toEqual({ linesRead: 0, emitted: [] });
    expect(run("src/app.py", "text", "print(1)\n")).toEqual({ linesRead: 0, emitted: [] });
  });

  it("finds a Kubernetes workload in a YAML file", () => {
    const text = "kind: Deployment\napiVersion: apps/v1\nmetadata: {name: web}\nspec: {}\n";
    const { emitted } = run("deploy/k8s/web.yaml", "yaml", text);
    expect(emitted).toMatchObject([{ platform: "kubernetes", workloads: [{ name: "web" }] }]);
  });
});
