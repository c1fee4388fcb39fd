// Entry of the thread that runs an embedded engine (PGlite or sql.js) for verify. Both run SQL
// synchronously inside WebAssembly, so a runaway statement blocks its thread: in a worker, the main
// thread can still stop it (Worker.terminate) when a migration runs past its time.
import { parentPort, workerData } from "node:worker_threads";
import type { Engine } from "../types.js";
import type { EngineReply, EngineRequest, EngineWorkerData } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("engine-worker.js runs only as a worker thread.");
const data = workerData as EngineWorkerData;

function describe(error: unknown): { message: string; position: number | null } {
  const message = error instanceof Error ? error.message : String(error);
  const position = (error as { position?: unknown } | null)?.position;
  return { message, position: typeof position === "number" ? position : null };
}

async function open(): Promise<Engine | null> {
  try {
    return data.kind === "pglite"
      ? await (await import("./pglite.js")).openPglite({ extensions: data.extensions })
      : await (await import("./sqljs.js")).openSqlJs();
  } catch (error) {
    // The main thread turns this into a one-line "could not start"; the thread then ends by itself.
    port?.postMessage({ type: "failed", message: describe(error).message } satisfies EngineReply);
    return null;
  }
}

const engine = await open();

async function answer(engine: Engine, request: EngineRequest): Promise<EngineReply> {
  try {
    switch (request.op) {
      case "exec":
        await engine.exec(request.sql);
        return { type: "done", id: request.id, snapshot: null };
      case "snapshot":
        return { type: "done", id: request.id, snapshot: [...(await engine.snapshot())] };
      case "reset":
        await engine.reset();
        return { type: "done", id: request.id, snapshot: null };
    }
  } catch (error) {
    return { type: "error", id: request.id, ...describe(error) };
  }
}

if (engine !== null) {
  port.postMessage({ type: "ready" } satisfies EngineReply);
  // The main thread sends one request at a time and waits for its answer.
  port.on("message", (request: EngineRequest) => {
    void answer(engine, request).then((reply) => port.postMessage(reply));
  });
}
