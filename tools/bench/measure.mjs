// Runs one command under GNU time and returns its wall time, CPU time (user + sys, worker threads
// included) and peak RSS; plus the small statistics the benchmark reports.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TIME_BIN = "/usr/bin/time";
export const TIMEOUT_BIN = "/usr/bin/timeout";
/** Exit status of a command that `timeout -s KILL` stopped (128 + SIGKILL). */
export const TIMED_OUT = 137;
const MARK = "BENCH";

/**
 * @typedef {{ cmd: string, args: string[], cwd: string, env?: Record<string, string>, unsetEnv?: string[] }} Command
 * @typedef {{ wallMs: number, cpuMs: number | null, rssMb: number | null, status: number | null, stderr: string }} Sample
 */

/**
 * @param {Command} command
 * @param {{ stdoutPath?: string, timeoutSeconds?: number }} [options] where the command's output goes (a
 *   file, so a large report costs every tool the same and can be checked afterwards; discarded when
 *   absent), and how long it may run before it is killed (exit status TIMED_OUT)
 * @returns {Sample}
 */
export function measure(command, options = {}) {
  const env = { ...process.env, NO_COLOR: "1", ...command.env };
  for (const name of command.unsetEnv ?? []) delete env[name];
  const stdout = options.stdoutPath === undefined ? "ignore" : openSync(options.stdoutPath, "w");
  try {
    const limited =
      options.timeoutSeconds && existsSync(TIMEOUT_BIN)
        ? {
            ...command,
            cmd: TIMEOUT_BIN,
            args: ["-s", "KILL", String(options.timeoutSeconds), command.cmd, ...command.args],
          }
        : command;
    return existsSync(TIME_BIN)
      ? measureWithTime({ command: limited, env, stdout })
      : measureWithoutTime({ command: limited, env, stdout });
  } finally {
    if (typeof stdout === "number") closeSync(stdout);
  }
}

function measureWithTime({ command, env, stdout }) {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-bench-time-"));
  const out = join(dir, "time.txt");
  const args = ["-o", out, "-f", `${MARK} %U %S %M`, command.cmd, ...command.args];
  const started = process.hrtime.bigint();
  const run = spawnSync(TIME_BIN, args, {
    cwd: command.cwd,
    env,
    stdio: ["ignore", stdout, "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const line = readFileSync(out, "utf8")
    .split("\n")
    .find((l) => l.startsWith(MARK));
  rmSync(dir, { recursive: true, force: true });
  const [, user, sys, rssKb] = (line ?? "").split(" ");
  return {
    wallMs,
    cpuMs: line ? (Number(user) + Number(sys)) * 1000 : null,
    rssMb: line ? Number(rssKb) / 1024 : null,
    status: run.status,
    stderr: run.stderr.toString("utf8").slice(0, 2000),
  };
}

function measureWithoutTime({ command, env, stdout }) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command.cmd, command.args, { cwd: command.cwd, env, stdio: ["ignore", stdout, "pipe"] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { wallMs, cpuMs: null, rssMb: null, status: run.status, stderr: run.stderr.toString("utf8").slice(0, 2000) };
}

/** @param {number[]} values */
export function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall, CPU and RSS of a list of samples, plus the spread of the wall times. */
export function summarise(samples) {
  const walls = samples.map((s) => s.wallMs);
  return {
    runs: samples.length,
    wallMs: median(walls),
    wallMinMs: Math.min(...walls),
    wallMaxMs: Math.max(...walls),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    statuses: [...new Set(samples.map((s) => s.status))],
  };
}

/** The sum of two samples taken in the same round: what running both peers costs. */
export function addSamples(a, b) {
  return {
    wallMs: a.wallMs + b.wallMs,
    cpuMs: a.cpuMs === null || b.cpuMs === null ? null : a.cpuMs + b.cpuMs,
    rssMb: a.rssMb === null || b.rssMb === null ? null : Math.max(a.rssMb, b.rssMb),
    status: Math.max(a.status ?? 0, b.status ?? 0),
    stderr: "",
  };
}
