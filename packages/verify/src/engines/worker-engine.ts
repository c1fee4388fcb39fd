// An embedded engine (PGlite or sql.js) in a worker thread, under verify's time limit: a call that
// runs past the migration's budget terminates the worker (the only way to stop WebAssembly that is
// busy in a runaway statement), and the next reset() starts a fresh one. One worker serves the whole
// run while nothing times out, because starting PGlite costs seconds.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { type Engine, EngineError, EngineStoppedError, type Schema } from "../types.js";
import { EngineUnavailableError } from "./index.js";
import type { EngineCall, EngineReply, EngineRequest, EngineWorkerData } from "./worker-protocol.js";

/** Heap limits for the worker: a migration cannot grow the JavaScript side without bound. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024 };
/** Starting PGlite takes seconds on a busy machine: it gets at least this long, whatever --timeout says. */
const MIN_START_MS = 120_000;

function workerEntry(): URL {
  const sibling = new URL("./engine-worker.js", import.meta.url);
  // Run from TypeScript sources (the package's own tests), the compiled worker is in dist/.
  return existsSync(sibling) ? sibling : new URL("../../dist/engines/engine-worker.js", import.meta.url);
}

interface Pending {
  resolve(reply: EngineReply): void;
  reject(error: Error): void;
}

class EngineThread {
  private readonly worker: Worker;
  private pending: Pending | null = null;
  private nextId = 1;
  private stopped: EngineStoppedError | null = null;

  constructor(data: EngineWorkerData) {
    this.worker = new Worker(workerEntry(), { workerData: data, resourceLimits: RESOURCE_LIMITS });
    this.worker.on("message", (reply: EngineReply) => this.pending?.resolve(reply));
    this.worker.on("error", (error) =>
      this.stop(new EngineStoppedError(`The embedded engine stopped: ${error.message}`, "crash")),
    );
    this.worker.on("exit", (code) =>
      this.stop(new EngineStoppedError(`The embedded engine exited (code ${code}).`, "crash")),
    );
  }

  get alive(): boolean {
    return this.stopped === null;
  }

  /** Waits for the next reply, at most `ms`; past it the worker is terminated. */
  private next(ms: number, onTimeout: () => EngineStoppedError): Promise<EngineReply> {
    if (this.stopped !== null) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(onTimeout()), Math.max(0, ms));
      this.pending = {
        resolve: (reply) => {
          clearTimeout(timer);
          this.pending = null;
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.pending = null;
          reject(error);
        },
      };
    });
  }

  private stop(error: EngineStoppedError): void {
    if (this.stopped !== null) return;
    this.stopped = error;
    void this.worker.terminate();
    this.pending?.reject(error);
  }

  async ready(ms: number): Promise<void> {
    const reply = await this.next(
      ms,
      () => new EngineStoppedError("The embedded engine did not start.", "timeout", ms),
    );
    if (reply.type === "failed")
      throw new EngineUnavailableError(`The embedded engine could not start: ${reply.message}`);
  }

  async call(request: EngineCall, ms: number): Promise<[string, string][] | null> {
    const id = this.nextId++;
    const reply = this.next(
      ms,
      () => new EngineStoppedError(`The engine was stopped after ${formatSeconds(ms)}.`, "timeout", ms),
    );
    this.worker.postMessage({ ...request, id } satisfies EngineRequest);
    const answer = await reply;
    if (answer.type === "error") throw new EngineError(answer.message, answer.position);
    if (answer.type !== "done" || answer.id !== id)
      throw new Error(`Unexpected reply from the engine worker: ${answer.type}.`);
    return answer.snapshot;
  }

  async close(): Promise<void> {
    this.stopped ??= new EngineStoppedError("The embedded engine was closed.", "crash");
    await this.worker.terminate();
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export async function openWorkerEngine(options: {
  kind: EngineWorkerData["kind"];
  extensions: string[];
  /** What one migration may take, across all its calls. */
  timeoutMs: number;
}): Promise<Engine> {
  const data: EngineWorkerData = { kind: options.kind, extensions: options.extensions };
  const start = async (): Promise<EngineThread> => {
    const thread = new EngineThread(data);
    try {
      await thread.ready(Math.max(MIN_START_MS, options.timeoutMs));
    } catch (error) {
      await thread.close();
      throw error instanceof EngineStoppedError ? new EngineUnavailableError(error.message) : error;
    }
    return thread;
  };
  let thread = await start();
  let deadline = Date.now() + options.timeoutMs;
  // The budget is the migration's: what its earlier calls used is gone, down to the full --timeout.
  const remaining = () => deadline - Date.now();
  return {
    name: options.kind,
    dialect: options.kind === "pglite" ? "postgresql" : "sqlite",
    startTimer() {
      deadline = Date.now() + options.timeoutMs;
    },
    async exec(sql) {
      await thread.call({ op: "exec", sql }, remaining());
    },
    async snapshot(): Promise<Schema> {
      return new Map((await thread.call({ op: "snapshot" }, remaining())) ?? []);
    },
    async reset() {
      // After a timeout or crash the database is gone with its worker: a new worker is a new database.
      if (thread.alive) await thread.call({ op: "reset" }, remaining());
      else thread = await start();
    },
    async close() {
      // An in-memory database has nothing to flush: ending the thread frees it.
      await thread.close();
    },
  };
}
