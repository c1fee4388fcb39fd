// The value types of the @type decorator (url, int, bool, email, port, enum(a,b)), checked by
// `deploylint env check` against a real environment.

export type TypeCheck =
  | { status: "ok" }
  | { status: "mismatch"; expected: string }
  /** A @type this checker does not know; the value is not judged. */
  | { status: "unknown" };

const BOOLEANS = new Set(["true", "false", "1", "0", "yes", "no", "on", "off"]);

export function checkType(type: string, value: string): TypeCheck {
  const enumMatch = /^enum\((.*)\)$/i.exec(type);
  if (enumMatch) {
    const allowed = (enumMatch[1] ?? "").split(",").map((item) => item.trim());
    return allowed.includes(value)
      ? { status: "ok" }
      : { status: "mismatch", expected: `one of ${allowed.join(", ")}` };
  }
  const check = CHECKS[type.toLowerCase()];
  if (!check) return { status: "unknown" };
  return check.test(value) ? { status: "ok" } : { status: "mismatch", expected: check.expected };
}

const CHECKS: Record<string, { expected: string; test(value: string): boolean }> = {
  url: { expected: "an absolute URL (scheme://host…)", test: isUrl },
  int: { expected: "an integer", test: (value) => /^[+-]?\d+$/.test(value) },
  number: { expected: "a number", test: (value) => value.trim() !== "" && Number.isFinite(Number(value)) },
  bool: { expected: "a boolean (true/false, 1/0, yes/no, on/off)", test: (value) => BOOLEANS.has(value.toLowerCase()) },
  boolean: {
    expected: "a boolean (true/false, 1/0, yes/no, on/off)",
    test: (value) => BOOLEANS.has(value.toLowerCase()),
  },
  email: { expected: "an e-mail address", test: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) },
  port: {
    expected: "a port number from 1 to 65535",
    test: (value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535,
  },
  string: { expected: "a string", test: () => true },
  str: { expected: "a string", test: () => true },
};

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
