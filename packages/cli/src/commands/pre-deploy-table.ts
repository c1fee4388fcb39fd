// The pre-deploy table: one row per check (PASS / FAIL / SKIP), the output of failed commands, and a
// verdict line. Widths are computed on plain text so colour never skews the columns.
import picocolors from "picocolors";
import type { CheckResult, CheckStatus } from "./pre-deploy-checks.js";

const LABEL: Record<CheckStatus, string> = { pass: "PASS", fail: "FAIL", skipped: "SKIP" };

export function renderChecks(options: {
  checks: readonly CheckResult[];
  environment: string | null;
  color: boolean;
}): string {
  const colors = picocolors.createColors(options.color);
  const paint: Record<CheckStatus, (text: string) => string> = {
    pass: colors.green,
    fail: colors.red,
    skipped: colors.yellow,
  };
  const { checks } = options;
  const width = Math.max("check".length, ...checks.map((c) => c.name.length));
  const title = `deploylint pre-deploy${options.environment ? ` (environment: ${options.environment})` : ""}`;
  const lines = [colors.bold(title), "", `  ${"check".padEnd(width)}  result  detail`];
  for (const check of checks) {
    lines.push(`  ${check.name.padEnd(width)}  ${paint[check.status](LABEL[check.status].padEnd(6))}  ${check.detail}`);
  }
  const limited = checks.filter((c) => c.limited);
  if (limited.length > 0) {
    lines.push("", colors.bold("Limited checks:"), ...limited.map((c) => `  ${c.name}: ${c.limited}`));
  }
  for (const check of checks.filter((c) => c.status === "fail" && c.output)) {
    lines.push("", colors.bold(`Output of ${check.name}:`), ...(check.output ?? "").split("\n").map((l) => `  ${l}`));
  }
  const failed = checks.filter((c) => c.status === "fail").length;
  const skipped = checks.filter((c) => c.status === "skipped").length;
  const skippedNote = skipped > 0 ? `, ${skipped} skipped` : "";
  lines.push(
    "",
    failed > 0
      ? colors.bold(colors.red(`✖ Not ready to deploy: ${failed} of ${checks.length} checks failed${skippedNote}.`))
      : colors.bold(
          colors.green(
            `✔ Ready to deploy: ${checks.length - skipped} of ${checks.length} checks passed${skippedNote}.`,
          ),
        ),
  );
  return `${lines.join("\n")}\n`;
}
