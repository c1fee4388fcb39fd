// Messages between verify's main thread and the worker that runs an embedded engine.

export interface EngineWorkerData {
  kind: "pglite" | "sqljs";
  /** Extensions the migrations create, loaded into PGlite when it ships them. */
  extensions: string[];
}

/** What the main thread asks; the request it sends carries an id too. */
export type EngineCall = { op: "exec"; sql: string } | { op: "snapshot" | "reset" };

export type EngineRequest = EngineCall & { id: number };

export type EngineReply =
  | { type: "ready" }
  | { type: "failed"; message: string }
  /** `snapshot` holds the schema's entries for a snapshot request, null otherwise. */
  | { type: "done"; id: number; snapshot: [string, string][] | null }
  | { type: "error"; id: number; message: string; position: number | null };
