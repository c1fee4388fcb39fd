// Issue 17: valid-manifest checks with the schema compiled at build time, not on its first manifest.
// The precompiled validator must be current with the schema and judge exactly as a run-time compile
// with the same options did (the findings are built from ajv's errors).
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  MANIFEST_AJV_OPTIONS,
  MANIFEST_VALIDATOR_PATH,
  manifestValidatorSource,
} from "../../../tools/build/manifest-validator.mjs";
import schema from "../schemas/manifest.schema.json" with { type: "json" };
import { validate as precompiled } from "../src/manifest-validator.generated.js";

const root = new URL("../../../", import.meta.url);

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

const MANIFESTS: Record<string, unknown> = {
  valid: { environments: { production: { purpose: "Live", access: ["ci"], deploy: "ci-only" } } },
  "not an object": ["environments"],
  "wrong types everywhere": {
    architecture: { deployment_model: "mainframe" },
    environments: {
      "a/b~c": { purpose: "", database: { engine: "db2", version: true, backups: "yes" }, data: "prod" },
      staging: { monitoring: { logging: "loud", alerts: [1], on_call: 2 }, access: "everyone", log_level: 3 },
      qa: "none",
    },
    feature_flags: { checkout: { staging: null }, search: true },
  },
  "a purpose counted in code points": { environments: { dev: { purpose: "😀" } } },
};

describe("the precompiled manifest validator", () => {
  it("is the build's output for the schema as it is now (npm run docs regenerates it)", () => {
    const committed = readFileSync(new URL(MANIFEST_VALIDATOR_PATH, root), "utf8");
    expect(committed).toBe(manifestValidatorSource(new URL(".", root).pathname));
  });

  const runtime = new Ajv(MANIFEST_AJV_OPTIONS).compile(schema) as Validate;
  for (const [name, manifest] of Object.entries(MANIFESTS)) {
    it(`judges "${name}" as a run-time compile does`, () => {
      const validate = precompiled as Validate;
      expect(validate(manifest)).toBe(runtime(manifest));
      expect(validate.errors ?? null).toEqual(runtime.errors ?? null);
    });
  }
});
