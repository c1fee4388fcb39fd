// The junit reporter through a real XML parser: well-formed for any message text, and the
// testsuite / testcase / failure structure JUnit consumers read.
import type { Finding, LintResult } from "@deploylint/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { junit } from "../src/junit.js";
import { escapeAttribute, stripForbidden } from "../src/xml.js";
import { dropColumn, emptyResult, hostileFinding, sharedContext, sharedResult } from "./fixtures.js";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  isArray: (name) => ["testsuite", "testcase"].includes(name),
});

interface Parsed {
  testsuites: {
    tests: string;
    failures: string;
    testsuite: {
      name: string;
      tests: string;
      testcase: { name: string; classname: string; failure?: { message: string; type: string; "#text": string } }[];
    }[];
  };
}

// fast-xml-parser's validator checks markup but not the XML 1.0 character range, so that is
// checked here on the raw text.
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function wellFormed(xml: string): Parsed {
  if (FORBIDDEN_IN_XML.test(xml)) throw new Error("character outside the XML 1.0 range");
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true)
    throw new Error(`${verdict.err.code} at ${verdict.err.line}:${verdict.err.col}: ${verdict.err.msg}`);
  return parser.parse(xml) as Parsed;
}

function withMessage(message: string): LintResult {
  return {
    ...emptyResult,
    findings: [{ ...dropColumn, message, help: message }],
    summary: { ...emptyResult.summary, errors: 1 },
  };
}

describe("junit reporter", () => {
  it("writes one testsuite per file and one failing testcase per finding", () => {
    const parsed = wellFormed(junit(sharedResult, sharedContext));
    expect(parsed.testsuites.tests).toBe("5");
    expect(parsed.testsuites.failures).toBe("5");
    expect(parsed.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([
      [".env.example", "1"],
      ["db/migrations/000003_drop.up.sql", "2"],
      ["src/config.ts", "1"],
      ["src/odd dir/ключ.ts", "1"],
    ]);
    const failure = parsed.testsuites.testsuite[1]?.testcase[0]?.failure;
    expect(failure?.type).toBe("error");
    expect(failure?.message).toBe(dropColumn.message);
  });

  it("keeps markup and line breaks of a message and drops what XML 1.0 cannot carry", () => {
    const parsed = wellFormed(junit(sharedResult, sharedContext));
    const failure = parsed.testsuites.testsuite[3]?.testcase[0]?.failure;
    const expected = stripForbidden(hostileFinding.message);
    expect(failure?.message).toBe(expected);
    expect(failure?.["#text"]).toContain(expected);
    expect(expected).toContain('<script> & "quotes"');
    for (const dropped of ["\u0001", "\u000b", "\uFFFE", "\uD800"]) expect(expected).not.toContain(dropped);
  });

  it("is well-formed for every BMP code point and astral characters in a message", () => {
    let all = "";
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code);
    for (const chunk of [all.slice(0, 0x3000), all.slice(0x3000, 0xa000), all.slice(0xa000), "😀\uDBFF\uDFFF", "]]>"]) {
      expect(() => wellFormed(junit(withMessage(chunk), sharedContext))).not.toThrow();
    }
  });

  it("fails the parser when escaping is skipped, so the checks above can fail", () => {
    const broken = junit(withMessage("a < b"), sharedContext).replaceAll("a &lt; b", "a < b");
    expect(XMLValidator.validate(broken)).not.toBe(true);
    expect(() => wellFormed(junit(withMessage("bell"), sharedContext).replace("bell", "\u0007"))).toThrow(/XML 1.0/);
    expect(escapeAttribute('"\n\t')).toBe("&quot;&#10;&#9;");
  });

  it("shows a clean run as one passing testcase", () => {
    const parsed = wellFormed(junit(emptyResult, sharedContext));
    expect(parsed.testsuites.tests).toBe("1");
    expect(parsed.testsuites.failures).toBe("0");
    const testcase = parsed.testsuites.testsuite[0]?.testcase[0];
    expect(testcase?.name).toBe("No problems found in 7 files");
    expect(testcase?.failure).toBeUndefined();
  });

  it("marks each failure with the finding's severity", () => {
    const findings: Finding[] = [{ ...dropColumn, severity: "warn" }];
    const parsed = wellFormed(junit({ ...emptyResult, findings }, sharedContext));
    expect(parsed.testsuites.testsuite[0]?.testcase[0]?.failure?.type).toBe("warn");
  });
});
