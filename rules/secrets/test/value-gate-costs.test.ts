// The value gates run on every long literal of every script the prefilter reads: the cheap answers
// come first, and the answers are the same as before.
import { describe, expect, it, vi } from "vitest";
import { isHumanText } from "../src/shared/human-values.js";
import { isPlaceholder, unleet } from "../src/shared/placeholders.js";

describe("isPlaceholder on long values", () => {
  it("reads leetspeak back as before", () => {
    expect(unleet("P@$$w0rd")).toBe("password");
    expect(unleet("p0stgr3s")).toBe("postgres");
    expect(unleet("Adm1n-😀-7")).toBe("admin-😀-t");
    expect(isPlaceholder("p0stgr3s")).toBe(true);
    expect(isPlaceholder("R00T")).toBe(true);
  });

  it("settles a value longer than every default without lower-casing it", () => {
    const lower = vi.spyOn(String.prototype, "toLowerCase");
    try {
      expect(isPlaceholder("Zq7xW2vLp9mRt4Kd8Hs3")).toBe(false);
      expect(lower).not.toHaveBeenCalled();
    } finally {
      lower.mockRestore();
    }
  });
});

describe("isHumanText", () => {
  it("still finds letters beyond ASCII", () => {
    expect(isHumanText("Contraseña")).toBe(true);
    expect(isHumanText("パスワード")).toBe(true);
    expect(isHumanText("Zq7xW2vL£9mRt")).toBe(false);
    expect(isHumanText("Reset-Password")).toBe(true);
  });

  it("does not run the Unicode letter test on an ASCII value", () => {
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      expect(isHumanText("Zq7xW2vLp9mRt4Kd8Hs3")).toBe(false);
      expect(test.mock.contexts.filter((re) => re instanceof RegExp && re.unicode)).toEqual([]);
    } finally {
      test.mockRestore();
    }
  });
});
