// PostgreSQL's grammar is compiled by V8's baseline compiler alone: the optimising recompilation
// of its hot functions ran in background threads that competed with the parse on 2 cores and held
// the process at exit. The flag is set only while the module compiles.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

const events: string[] = [];
vi.mock("node:v8", async (original) => {
  const actual = await original<typeof import("node:v8")>();
  return {
    ...actual,
    setFlagsFromString: (flag: string) => {
      events.push(`flag ${flag}`);
      actual.setFlagsFromString(flag);
    },
  };
});

describe("loadPostgresParser", () => {
  it("compiles libpg-query with Liftoff only, and restores the flag once it is compiled", async () => {
    const library = createRequire(import.meta.url)("libpg-query") as { loadModule(): Promise<void> };
    const compile = library.loadModule.bind(library);
    const load = vi.spyOn(library, "loadModule").mockImplementation(async () => {
      events.push("compiling");
      await compile();
      events.push("compiled");
    });
    const { loadPostgresParser, parsePostgres } = await import("../../src/sources/sql/pg-parser.js");
    await loadPostgresParser();
    load.mockRestore();
    expect(events).toEqual(["flag --liftoff-only", "compiling", "compiled", "flag --no-liftoff-only"]);
    expect(parsePostgres("SELECT 1").ok).toBe(true);
  });
});
