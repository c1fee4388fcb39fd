// The sarif reporter: SARIF 2.1.0 as GitHub code scanning ingests it, one run, the rules the
// result mentions (with docs, default level and security metadata) and one result per finding.
import type { Finding, LintResult, Reporter, ReporterContext, Severity } from "@deploylint/core";
import { INFORMATION_URI, mentionedRules, ruleDocsUrl, ruleInfo } from "./rule-info.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note" | "none";

const LEVEL: Record<Severity, SarifLevel> = { error: "error", warn: "warning", info: "note", off: "none" };

// Code scanning ranks security alerts by this score (0-10, as a string): >= 7 is "high".
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warn: "5.0", info: "2.0", off: "0.0" };

// Rules that guess from entropy or names rather than a vendor's documented format find more
// false positives; code scanning shows lower-precision alerts less prominently.
const MEDIUM_PRECISION = new Set(["secrets/no-generic-secret"]);

function pascalName(ruleId: string): string {
  const local = ruleId.split("/").slice(1).join("-") || ruleId;
  return local
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

function describeRule(context: ReporterContext, ruleId: string) {
  const info = ruleInfo(context, ruleId);
  const url = ruleDocsUrl(context, ruleId);
  const severity = info.severity ?? "error";
  const pack = ruleId.split("/")[0] ?? ruleId;
  const isSecret = pack === "secrets";
  const helpText = [info.description, info.help, `Docs: ${url}`].filter(Boolean).join("\n\n");
  const helpMarkdown = [`**${info.description}**`, info.help, `[Rule documentation](${url})`]
    .filter(Boolean)
    .join("\n\n");
  return {
    id: ruleId,
    name: pascalName(ruleId),
    shortDescription: { text: info.description },
    fullDescription: { text: info.help ? `${info.description} ${info.help}` : info.description },
    helpUri: url,
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: isSecret ? ["security", "secrets"] : ["deployment", pack],
      precision: MEDIUM_PRECISION.has(ruleId) ? "medium" : "high",
      ...(isSecret ? { "security-severity": SECURITY_SEVERITY[severity] } : {}),
    },
  };
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function artifactUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function describeResult(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(finding.file), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { "deploylint/v1": finding.fingerprint },
  };
}

export const sarif: Reporter = (result: LintResult, context: ReporterContext): string => {
  const ruleIds = mentionedRules(result.findings);
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const version = context.version ?? "0.0.0";
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "deploylint",
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => describeRule(context, id)),
          },
        },
        columnKind: "utf16CodeUnits",
        results: result.findings.map((f) => describeResult(f, index.get(f.ruleId) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
