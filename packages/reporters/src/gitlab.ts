// The gitlab reporter: the Code Quality report (a JSON array of issues, no BOM) that GitLab shows
// in merge requests: description, check_name, fingerprint, severity, location.path and lines.
import { createHash } from "node:crypto";
import type { Finding, LintResult, Reporter } from "@deploylint/core";

type CodeQualitySeverity = "info" | "minor" | "major" | "critical" | "blocker";

// A leaked credential blocks a merge; other errors are critical to a deploy, warnings major.
function severity(finding: Finding): CodeQualitySeverity {
  if (finding.severity === "info") return "info";
  if (finding.severity === "warn") return "major";
  return finding.ruleId.startsWith("secrets/") ? "blocker" : "critical";
}

// GitLab keys its diff of two reports on this field; it must be unique per issue. Our
// fingerprint already is within a file and rule, so hashing the three keeps it unique overall.
function fingerprint(finding: Finding): string {
  return createHash("sha256").update(`${finding.ruleId}\0${finding.file}\0${finding.fingerprint}`).digest("hex");
}

export const gitlab: Reporter = (result: LintResult): string => {
  const issues = result.findings.map((finding) => ({
    type: "issue",
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: fingerprint(finding),
    severity: severity(finding),
    location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
