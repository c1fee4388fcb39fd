// The sarif reporter against the official OASIS SARIF 2.1.0 schema (a copy in test/fixtures) and
// the fields GitHub code scanning reads.
import { readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { sarif } from "../src/sarif.js";
import { emptyResult, hostileFinding, sharedContext, sharedResult, smallResult } from "./fixtures.js";

const schema = JSON.parse(readFileSync(new URL("./fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function valid(text: string): boolean {
  const ok = validate(JSON.parse(text));
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
  return ok;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        semanticVersion: string;
        informationUri: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          defaultConfiguration: { level: string };
          properties: { tags: string[]; precision: string; "security-severity"?: string };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const parse = (text: string) => JSON.parse(text) as SarifLog;

describe("sarif reporter", () => {
  it("validates against the SARIF 2.1.0 schema, with findings and without", () => {
    expect(valid(sarif(sharedResult, sharedContext))).toBe(true);
    expect(valid(sarif(smallResult, { cwd: "/r", color: false, rules: {} }))).toBe(true);
    expect(valid(sarif(emptyResult, sharedContext))).toBe(true);
  });

  it("fails schema validation when a required field is missing, so the check above can fail", () => {
    const log = parse(sarif(sharedResult, sharedContext)) as unknown as { runs: { tool?: unknown }[] };
    delete log.runs[0]?.tool;
    expect(validate(log)).toBe(false);
  });

  it("describes the tool and each mentioned rule once, with docs and security metadata", () => {
    const run = parse(sarif(sharedResult, sharedContext)).runs[0];
    const driver = run?.tool.driver;
    expect(driver?.name).toBe("deploylint");
    expect(driver?.semanticVersion).toBe("0.1.0");
    expect(driver?.rules.map((r) => r.id)).toEqual([
      "env-docs/require-description",
      "migrations/no-drop-column",
      "migrations/require-concurrent-index-drop",
      "secrets/no-hardcoded-secret",
    ]);
    const secretRule = driver?.rules[3];
    expect(secretRule?.name).toBe("NoHardcodedSecret");
    expect(secretRule?.properties.tags).toContain("security");
    expect(secretRule?.properties["security-severity"]).toBe("8.0");
    expect(secretRule?.help.markdown).toContain(
      "(https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-hardcoded-secret.md)",
    );
    expect(driver?.rules[2]?.help.markdown).toContain(
      "(https://docs.example.test/rules/require-concurrent-index-drop)",
    );
    expect(driver?.rules[0]?.defaultConfiguration.level).toBe("note");
    expect(driver?.rules[1]?.properties["security-severity"]).toBeUndefined();
  });

  it("writes one result per finding with its rule index, level, region and fingerprint", () => {
    const run = parse(sarif(sharedResult, sharedContext)).runs[0];
    const rules = run?.tool.driver.rules ?? [];
    for (const result of run?.results ?? []) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    const hostile = run?.results[4];
    expect(hostile?.level).toBe("error");
    expect(hostile?.message.text).toBe(hostileFinding.message);
    expect(hostile?.partialFingerprints).toEqual({ "deploylint/v1": "ffee01" });
    expect(hostile?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "src/odd%20dir/%D0%BA%D0%BB%D1%8E%D1%87.ts",
    );
    expect(hostile?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 3,
      endLine: 8,
      endColumn: 5,
    });
    expect(run?.results.map((r) => r.level)).toEqual(["note", "error", "warning", "error", "error"]);
  });

  it("starts with the JSON itself (no BOM) and names the 2.1.0 schema", () => {
    const text = sarif(emptyResult, sharedContext);
    expect(text.startsWith("{")).toBe(true);
    const log = parse(text);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    expect(log.runs[0]?.results).toEqual([]);
  });
});
