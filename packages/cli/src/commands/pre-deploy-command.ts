// One of preDeploy.commands as a pre-deploy check: run in a shell with a timeout, its output
// streamed to stderr with credentials masked, its row named without the raw command line.
import { type ChildProcess, spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import type { Io } from "../cli.js";
import { maskCredentials } from "../credentials.js";
import type { CheckResult } from "./pre-deploy-checks.js";
import type { PreDeployCommand } from "./pre-deploy-config.js";

/** Lines of a failed command's output shown under the table. */
const OUTPUT_TAIL = 20;

/** The name a command's row shows: the user's name for it, else the command with credentials masked. */
export function commandLabel(command: PreDeployCommand): string {
  return command.name ?? maskCredentials(command.run);
}

/**
 * Runs one of preDeploy.commands in a shell, streaming its output to stderr as it comes (stdout
 * stays for the table or the JSON report) and keeping its tail for the table. A command that
 * outlives its timeout is stopped with its whole process group and fails the check.
 */
export function checkCommand(options: { cwd: string; command: PreDeployCommand; io: Io }): Promise<CheckResult> {
  const { command, io } = options;
  const name = commandLabel(command);
  // A header before the first output says whose output follows; a silent command prints nothing.
  let headed = false;
  const show = (text: string) => {
    if (!headed) io.stderr(`deploylint pre-deploy: output of ${name}:\n`);
    headed = true;
    io.stderr(text);
  };
  return new Promise((resolveCheck) => {
    const tail = new OutputTail(OUTPUT_TAIL_BYTES);
    let child: ChildProcess;
    try {
      // detached: the shell leads a process group, so a timeout stops what it started too.
      child = spawn(command.run, {
        cwd: options.cwd,
        shell: true,
        env: io.env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      resolveCheck({ name, status: "fail", detail: `could not start: ${maskCredentials((error as Error).message)}` });
      return;
    }
    // Line by line, so a credential split across two chunks is still masked before it is shown.
    const streams = [child.stdout, child.stderr].map((stream) => {
      const lines = new MaskedLines((text) => {
        show(text);
        tail.push(text);
      });
      const decoder = new StringDecoder("utf8");
      stream?.on("data", (chunk: Buffer) => lines.write(decoder.write(chunk)));
      return { lines, decoder };
    });
    let timedOut = false;
    let finished = false;
    const stopGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      // Windows has no process groups: stop the shell, which is what spawn can reach there.
      if (process.platform === "win32") {
        child.kill(signal);
        return;
      }
      try {
        process.kill(-child.pid, signal);
      } catch (error) {
        // ESRCH: the group already ended between the timer and the kill; anything else is real.
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    };
    const timers: NodeJS.Timeout[] = [];
    timers.push(
      setTimeout(() => {
        timedOut = true;
        stopGroup("SIGTERM");
        // A command that ignores SIGTERM gets SIGKILL; a grandchild that kept our pipes open cannot hold the gate.
        timers.push(
          setTimeout(() => {
            stopGroup("SIGKILL");
            timers.push(setTimeout(() => finish(null, "SIGKILL"), KILL_GRACE_MS));
          }, KILL_GRACE_MS),
        );
      }, command.timeoutSeconds * 1000),
    );
    // The command runs in its own process group, so Ctrl-C at the terminal does not reach it: pass
    // the signal on, then let it end deploylint as it would have.
    const onSignal = (signal: NodeJS.Signals) => {
      stopGroup(signal);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.kill(process.pid, signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const settle = () => {
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    };
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (finished) return;
      settle();
      child.stdout?.destroy();
      child.stderr?.destroy();
      for (const { lines, decoder } of streams) lines.end(decoder.end());
      const output = tail.text().trimEnd();
      const withOutput = output ? { output: output.split("\n").slice(-OUTPUT_TAIL).join("\n") } : {};
      if (timedOut) {
        resolveCheck({ name, status: "fail", detail: `timed out after ${command.timeoutSeconds} s`, ...withOutput });
      } else if (code === 0) {
        resolveCheck({ name, status: "pass", detail: "exit 0" });
      } else {
        const exit = code === null ? `killed by ${signal}` : `exit ${code}`;
        resolveCheck({ name, status: "fail", detail: exit, ...withOutput });
      }
    };
    child.on("error", (error) => {
      if (finished) return;
      settle();
      resolveCheck({ name, status: "fail", detail: `could not start: ${maskCredentials(error.message)}` });
    });
    child.on("close", finish);
  });
}

const OUTPUT_TAIL_BYTES = 64 * 1024;
const KILL_GRACE_MS = 2000;

/** Text cut into lines, each passed on with credentials masked; a very long line is passed on in pieces. */
class MaskedLines {
  private pending = "";
  constructor(private readonly emit: (text: string) => void) {}
  write(text: string): void {
    this.pending += text;
    const cut = this.pending.lastIndexOf("\n");
    if (cut === -1 && this.pending.length < OUTPUT_TAIL_BYTES) return;
    const upTo = cut === -1 ? this.pending.length : cut + 1;
    this.emit(maskCredentials(this.pending.slice(0, upTo)));
    this.pending = this.pending.slice(upTo);
  }
  end(text: string): void {
    this.pending += text;
    if (this.pending !== "") this.emit(maskCredentials(this.pending));
    this.pending = "";
  }
}

/** The last `limit` characters of a stream of text: a chatty command cannot fill memory. */
class OutputTail {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()?.length ?? 0;
  }
  text(): string {
    const joined = this.chunks.join("");
    return joined.length > this.limit ? joined.slice(-this.limit) : joined;
  }
}
