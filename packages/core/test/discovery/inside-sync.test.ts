// The synchronous "inside the root" check of companion reads resolves a path with one native
// realpath, as discovery's asynchronous one does, and agrees with it on every kind of path.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resolveInside, resolveInsideSync } from "../../src/discovery/inside.js";
import { createCompanionReader } from "../../src/engine/companions.js";

const calls = vi.hoisted(() => ({ js: 0, native: 0 }));
vi.mock("node:fs", async (original) => {
  const actual = await original<typeof import("node:fs")>();
  const counted = Object.assign(
    (...args: Parameters<typeof actual.realpathSync>) => {
      calls.js++;
      return actual.realpathSync(...args);
    },
    {
      native: (...args: Parameters<typeof actual.realpathSync.native>) => {
        calls.native++;
        return actual.realpathSync.native(...args);
      },
    },
  );
  return { ...actual, realpathSync: counted, default: { ...actual, realpathSync: counted } };
});

beforeEach(() => {
  calls.js = 0;
  calls.native = 0;
});

function tree(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), "deploylint-inside-"));
  const root = join(base, "repo");
  const outside = join(base, "outside");
  mkdirSync(join(root, "m"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "m/metadata.toml"), "run_in_transaction = false\n");
  writeFileSync(join(outside, "secret.toml"), "x\n");
  symlinkSync(join(root, "m/metadata.toml"), join(root, "inside-link.toml"));
  symlinkSync(join(outside, "secret.toml"), join(root, "m/outside-link.toml"));
  symlinkSync(join(root, "loop-b"), join(root, "loop-a"));
  symlinkSync(join(root, "loop-a"), join(root, "loop-b"));
  symlinkSync(join(root, "gone.toml"), join(root, "broken.toml"));
  symlinkSync(root, join(root, "m/up-to-root"));
  return { root, outside };
}

describe("resolveInsideSync", () => {
  it("agrees with resolveInside on files, links in and out, loops, broken links and absent paths", async () => {
    const { root } = tree();
    const paths = [
      "m/metadata.toml",
      "inside-link.toml",
      "m/outside-link.toml",
      "loop-a",
      "broken.toml",
      "m/up-to-root",
      "m/absent.toml",
      "m/metadata.toml/under-a-file",
    ];
    for (const path of paths) {
      expect([path, resolveInsideSync(root, join(root, path))]).toEqual([
        path,
        await resolveInside(root, join(root, path)),
      ]);
    }
  });

  it("reads companions with the native realpath, one call each, none through the JavaScript walk", () => {
    const { root } = tree();
    const read = createCompanionReader({ root });
    expect(read("m/metadata.toml")).toBe("run_in_transaction = false\n");
    expect(read("m/absent.toml")).toBeNull();
    expect(read("m/outside-link.toml")).toBeNull();
    // The root once, then one per companion.
    expect(calls).toEqual({ js: 0, native: 4 });
  });
});
