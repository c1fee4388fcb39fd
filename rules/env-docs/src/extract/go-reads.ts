// The variables a Go file reads: os.Getenv / os.LookupEnv, viper's BindEnv, and the struct tags of
// the env-loading libraries (kelseyhightower/envconfig `envconfig:"X"`, caarlos0/env and
// sethvargo/go-envconfig `env:"X"`).
import { callReads, lineBefore, type TextRead } from "./text-reads.js";

export function goReads(text: string): TextRead[] {
  const reads = callReads(text, {
    via: "os.Getenv",
    comment: "//",
    pattern: /\b(?:os|syscall)\.(?:Getenv|LookupEnv)\s*\(\s*/g,
  }).map((read) =>
    // LookupEnv's second result is the code asking whether the variable is set: it handles absence.
    text.slice(read.start - 30, read.start).includes("LookupEnv") ? { ...read, hasFallback: true } : read,
  );
  return [...reads, ...viperReads(text), ...structTagReads(text)].sort((a, b) => a.start - b.start);
}

/**
 * `v.BindEnv("key", "NAME", …)` binds the key to each named variable; `v.BindEnv("key")` to the
 * upper-cased key, behind the prefix of `SetEnvPrefix` when the file sets one. Viper also reads
 * config files and defaults, so a bound variable is never required by the binding alone.
 */
function viperReads(text: string): TextRead[] {
  const reads: TextRead[] = [];
  const prefix = /\.SetEnvPrefix\(\s*"([A-Za-z0-9_]+)"\s*\)/.exec(text)?.[1];
  for (const call of text.matchAll(/\.BindEnv\(([^()]*)\)/g)) {
    const at = (call.index ?? 0) + ".BindEnv(".length;
    if (isCommented(text, call.index ?? 0)) continue;
    const literals = [...(call[1] ?? "").matchAll(/"([^"\\\n]*)"/g)];
    if (literals.length === 0) continue;
    if (literals.length === 1) {
      const key = literals[0]?.[1] ?? "";
      // A dotted key maps to a name only through the file's key replacer, which is not followed.
      if (!/^[A-Za-z0-9_]+$/.test(key)) continue;
      const name = `${prefix ? `${prefix.toUpperCase()}_` : ""}${key.toUpperCase()}`;
      const start = at + (literals[0]?.index ?? 0) + 1;
      reads.push({ name, start, end: start + key.length, via: "viper BindEnv", hasFallback: true, spanIsName: false });
      continue;
    }
    for (const literal of literals.slice(1)) {
      const name = literal[1] ?? "";
      const start = at + (literal.index ?? 0) + 1;
      reads.push({ name, start, end: start + name.length, via: "viper BindEnv", hasFallback: true });
    }
  }
  return reads;
}

/**
 * A struct field tagged `envconfig:"NAME"` or `env:"NAME"`: a default (`default:"…"`,
 * `envDefault:"…"`, `env:"NAME,default=…"`) is a fallback, and so is a field not marked required
 * for envconfig, which leaves it zero. Prefixes given at the call (`envconfig.Process("app", &c)`)
 * are applied when this file makes that call.
 */
function structTagReads(text: string): TextRead[] {
  const reads: TextRead[] = [];
  const prefix = /\benvconfig\.(?:Process|MustProcess)\(\s*"([A-Za-z0-9_]+)"/.exec(text)?.[1];
  for (const tag of text.matchAll(/`([^`\n]*\b(?:envconfig|env):"[^`\n]*)`/g)) {
    if (isCommented(text, tag.index ?? 0)) continue;
    const body = tag[1] ?? "";
    const bodyStart = (tag.index ?? 0) + 1;
    const field = /(?:^|\s)(envconfig|env):"([^"]*)"/.exec(body);
    if (!field) continue;
    const [first = "", ...options] = (field[2] ?? "").split(",");
    const name = first.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const start = bodyStart + (field.index ?? 0) + field[0].indexOf('"') + 1;
    const isEnvconfig = field[1] === "envconfig";
    const hasDefault =
      /(?:^|\s)(?:default|envDefault):"/.test(body) || options.some((option) => option.trim().startsWith("default="));
    const required = /(?:^|\s)required:"true"/.test(body) || options.some((option) => option.trim() === "required");
    reads.push({
      name: isEnvconfig && prefix ? `${prefix.toUpperCase()}_${name}` : name,
      start,
      end: start + name.length,
      via: isEnvconfig ? "envconfig tag" : "env tag",
      hasFallback: hasDefault || !required,
      spanIsName: !(isEnvconfig && prefix),
    });
  }
  return reads;
}

function isCommented(text: string, offset: number): boolean {
  return lineBefore(text, offset).trimStart().startsWith("//");
}
