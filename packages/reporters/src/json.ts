// The json reporter: the DESIGN.md output contract, byte for byte, for tools that consume
// deploylint's results (field order and key set are part of the contract).
import type { Finding, LintResult, Reporter } from "@deploylint/core";

interface JsonFinding {
  ruleId: string;
  severity: Finding["severity"];
  message: string;
  help?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
}

// Built field by field rather than spread, so extra engine-side fields never leak into the
// contract and the key order does not depend on how the finding was constructed.
function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.help === undefined ? {} : { help: finding.help }),
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fingerprint: finding.fingerprint,
  };
}

export const json: Reporter = (result: LintResult): string => {
  const { files, errors, warnings, suppressed } = result.summary;
  const report = {
    version: 1,
    findings: result.findings.map(toJsonFinding),
    summary: { files, errors, warnings, suppressed },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
