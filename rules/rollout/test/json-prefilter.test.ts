// The platform-file extractor reads a JSON file as a YAML document (for positions) only when its
// text can hold an ECS task definition, service or CloudFormation ECS service: every other JSON
// file (package.json, tsconfig.json) would otherwise be parsed a second time.
import type { ExtractorContext, FileVisitors, JsonSource } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import { mayDescribeEcs, platformFileExtractor } from "../src/extractors.js";

describe("mayDescribeEcs", () => {
  it("passes what the ECS and CloudFormation readers read, and text with \\u escapes", () => {
    expect(mayDescribeEcs('{ "family": "web", "containerDefinitions": [] }')).toBe(true);
    expect(mayDescribeEcs('{ "deploymentConfiguration": {} }')).toBe(true);
    expect(mayDescribeEcs('{ "serviceName": "web", "taskDefinition": "web:3" }')).toBe(true);
    expect(mayDescribeEcs('{ "Resources": { "S": { "Type": "AWS::ECS::Service" } } }')).toBe(true);
    expect(mayDescribeEcs('{ "containerDefinition\\u0073": [] }')).toBe(true);
  });

  it("rejects JSON that names none of them", () => {
    expect(mayDescribeEcs('{ "name": "shop", "scripts": { "build": "tsc" } }')).toBe(false);
    expect(mayDescribeEcs('{ "serviceName": "web" }')).toBe(false);
  });
});

describe("platformFileExtractor on JSON", () => {
  function visit(path: string, text: string): { documentReads: number; emitted: unknown[] } {
    let documentReads = 0;
    const emitted: unknown[] = [];
    const context = {
      file: { path, kind: "json", text, lines: null },
      settings: {},
      emit: (fact: unknown) => emitted.push(fact),
    } as unknown as ExtractorContext;
    const visitors = platformFileExtractor.create(context) as FileVisitors;
    const source = {
      value: JSON.parse(text),
      get document(): never {
        documentReads++;
        throw new Error("read as a YAML document");
      },
    } as unknown as JsonSource;
    visitors.json?.(source);
    return { documentReads, emitted };
  }

  it("does not read a package.json as a YAML document", () => {
    expect(visit("package.json", '{ "name": "shop", "version": "1.0.0" }')).toEqual({ documentReads: 0, emitted: [] });
  });

  it("still names the platform of a file that holds no ECS key", () => {
    const { documentReads, emitted } = visit("vercel.json", '{ "regions": ["fra1"] }');
    expect(documentReads).toBe(0);
    expect(emitted).toHaveLength(1);
  });

  it("reads a task definition as a YAML document", () => {
    expect(() => visit("deploy/task.json", '{ "family": "web", "containerDefinitions": [] }')).toThrow(
      "read as a YAML document",
    );
  });
});
