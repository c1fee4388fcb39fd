// The one example-file definition every pack shares, and the routing of bare `env.example` files.
import { describe, expect, it } from "vitest";
import { classifyPath, EXAMPLE_FILE_NAMES, isExampleFileName } from "../../src/rule-api/index.js";

describe("isExampleFileName", () => {
  it("accepts every name of the shared list, in any directory", () => {
    for (const name of EXAMPLE_FILE_NAMES) {
      expect(isExampleFileName(name), name).toBe(true);
      expect(isExampleFileName(`apps/web/${name}`), name).toBe(true);
    }
  });

  it("accepts per-environment and tool variants", () => {
    for (const name of [
      ".env.production.example",
      ".env.defaults",
      ".env.schema",
      "staging.example.env",
      ".ENV.SAMPLE",
    ]) {
      expect(isExampleFileName(name), name).toBe(true);
    }
  });

  it("rejects files that hold values, and code named after an example", () => {
    for (const name of [
      ".env",
      ".env.local",
      ".env.production",
      "deploy/staging.env",
      "env.example.ts",
      "example.ts",
      "env.ts",
    ]) {
      expect(isExampleFileName(name), name).toBe(false);
    }
  });
});

describe("classifyPath", () => {
  it("reads a bare env.example or env.sample as dotenv, and leaves other env.* files alone", () => {
    expect(classifyPath("podman/env.sample")).toBe("dotenv");
    expect(classifyPath("env.example")).toBe("dotenv");
    expect(classifyPath("env.example.ts")).toBe("script");
    expect(classifyPath("env.d")).toBe("text");
  });
});
