// What `migrations verify` prints above its report, and whether it could judge at all. A Prisma
// project has no downs: a problem per migration ("was not verified: it has no down to run") buried
// the few real findings, so migrations without a down, and those only applied, are a line per reason.
import type { LintResult } from "@deploylint/core";
import { VERIFY_IDS, type Verdict } from "@deploylint/verify";

const MARK: Record<Verdict["status"], string> = {
  passed: "ok  ",
  applied: "    ",
  skipped: "skip",
  failed: "FAIL",
  "timed-out": "FAIL",
  "rollback-incomplete": "FAIL",
  "not-rerunnable": "FAIL",
};

function migrations(count: number): string {
  return `${count} migration${count === 1 ? "" : "s"}`;
}

/** Verdicts summed up instead of listed: no down to run, or only applied (not changed). */
function collapsed(verdict: Verdict): boolean {
  return verdict.noDown === true || verdict.status === "applied";
}

/** "first … last" of a run of migration ids, or the one id. */
function span(ids: string[]): string {
  if (ids.length === 1) return ids[0] ?? "";
  if (ids.length === 2) return ids.join(", ");
  return `${ids[0]} … ${ids.at(-1)}`;
}

/** The header: how many migrations went up, down and up again, and what was not verified, and why. */
function header(verdicts: readonly Verdict[], engine: string): string {
  const roundTrips = verdicts.filter((v) => !collapsed(v) && v.status !== "skipped").length;
  const noDown = verdicts.filter((v) => v.noDown === true).length;
  const applied = verdicts.filter((v) => v.status === "applied").length;
  const skipped = verdicts.filter((v) => v.status === "skipped" && v.noDown !== true).length;
  const notVerified = [
    ...(noDown > 0 ? [`${noDown} without a down (up applied only)`] : []),
    ...(applied > 0 ? [`${applied} not changed (applied only)`] : []),
    ...(skipped > 0 ? [`${skipped} skipped (reasons below)`] : []),
  ];
  const rest = notVerified.length > 0 ? `; not verified: ${notVerified.join(", ")}` : "";
  return `Verified on ${engine}: ${roundTrips} of ${migrations(verdicts.length)} up, down and up again${rest}.`;
}

/** The header, a line per verified or skipped migration, a line per collapsed reason, the total. */
export function verdictReport(verdicts: readonly Verdict[], engine: string): string {
  const listed = verdicts.filter((v) => !collapsed(v));
  const width = Math.max(0, ...listed.map((v) => v.migration.length));
  const lines = listed.map((v) => `${MARK[v.status]} ${v.migration.padEnd(width)}  ${v.note} (${v.ms} ms)`);
  const reasons = new Map<string, Verdict[]>();
  for (const verdict of verdicts.filter(collapsed)) {
    const key = `${verdict.status}\u0000${verdict.note}`;
    reasons.set(key, [...(reasons.get(key) ?? []), verdict]);
  }
  for (const group of reasons.values()) {
    const first = group[0] as Verdict;
    const what = first.noDown
      ? `${migrations(group.length)} without a down: ${first.note}`
      : `${migrations(group.length)} ${first.note}`;
    lines.push(`${MARK[first.status]} ${what} (${span(group.map((v) => v.migration))})`);
  }
  const total = verdicts.reduce((sum, v) => sum + v.ms, 0);
  return `${header(verdicts, engine)}\n${lines.join("\n")}\n${migrations(verdicts.length)} in ${total} ms.\n\n`;
}

/** The result without a finding per migration that has no down: the header counts them instead. */
export function withoutNoDownFindings(result: LintResult, verdicts: readonly Verdict[]): LintResult {
  const noDown = new Set(verdicts.filter((v) => v.noDown === true).map((v) => v.file));
  const findings = result.findings.filter((f) => !(f.ruleId === VERIFY_IDS.skipped && noDown.has(f.file)));
  return { ...result, findings };
}

/**
 * Why verify could not judge, or null when it could. It judges when at least one migration it was
 * asked about went up, down and up again, or when none was asked about (nothing changed since the
 * ref). Migrations that were only applied show their ups run, not that a rollback works.
 */
export function cannotJudge(verdicts: readonly Verdict[]): string | null {
  const asked = verdicts.filter((v) => v.status !== "applied");
  if (asked.length === 0) return null;
  if (asked.some((v) => v.status !== "skipped")) return null;
  const noDown = asked.filter((v) => v.noDown === true).length;
  const why =
    noDown === asked.length
      ? `none of the ${migrations(asked.length)} has a down it can run`
      : `all ${migrations(asked.length)} were skipped (${noDown} without a down; the reasons are above)`;
  return `could not verify any rollback: ${why}, so only their ups were applied. Write downs for the migrations that should roll back, or lint them without verify.`;
}
