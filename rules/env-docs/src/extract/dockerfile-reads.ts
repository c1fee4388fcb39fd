// The values a Dockerfile takes from outside: build arguments (`ARG NAME`) that nothing in the file
// gives a value. `$NAME` in a RUN or ENV only sees the stage's own ARG and ENV (and the base
// image's environment), so an expansion is never an outside read by itself; the ARG it needs is.
import type { TextRead } from "./text-reads.js";

interface Instruction {
  keyword: string;
  /** The arguments, continuation lines joined; offsets map back to the file text. */
  args: string;
  argsStart: number;
}

/**
 * An `ARG NAME` without a default is a read, except when a global `ARG NAME=default` (before the
 * first FROM) gives it one: re-declaring a global ARG inside a stage is how Docker lets a stage
 * see it, and the default then applies. A global ARG without a default is read once, where it is
 * declared, not again at each re-declaration. Every such read has a fallback: a build argument
 * left unset builds with it empty, and it is never required of the runtime environment.
 */
export function dockerfileReads(text: string): TextRead[] {
  const globalDefaults = new Map<string, boolean>();
  const reads: TextRead[] = [];
  let inStage = false;
  for (const instruction of instructions(text)) {
    if (instruction.keyword === "FROM") {
      inStage = true;
      continue;
    }
    if (instruction.keyword !== "ARG") continue;
    for (const declared of argDeclarations(instruction)) {
      if (!inStage) {
        globalDefaults.set(declared.name, declared.hasDefault);
        if (declared.hasDefault) continue;
      } else if (declared.hasDefault || globalDefaults.has(declared.name)) continue;
      reads.push({
        name: declared.name,
        start: declared.start,
        end: declared.start + declared.name.length,
        via: "Dockerfile ARG",
        hasFallback: true,
      });
    }
  }
  return reads;
}

/** `ARG A B=1 "C=two words"`: each name, whether it has a default, and where the name starts. */
function argDeclarations(instruction: Instruction): { name: string; hasDefault: boolean; start: number }[] {
  const declared: { name: string; hasDefault: boolean; start: number }[] = [];
  for (const word of instruction.args.matchAll(/\S+/g)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(=)?/.exec(word[0]);
    if (!match?.[1]) continue;
    declared.push({ name: match[1], hasDefault: match[2] === "=", start: instruction.argsStart + (word.index ?? 0) });
  }
  return declared;
}

/**
 * The instructions of a Dockerfile: comment lines skipped, a line ending in `\` continued on the
 * next one (continuations are only followed for the instructions read here, whose arguments are
 * kept with their offsets by blanking the line breaks).
 */
function* instructions(text: string): Generator<Instruction> {
  const lines = text.split("\n");
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const lineStart = offset;
    offset += line.length + 1;
    const match = /^(\s*)([A-Za-z]+)(\s+)/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    const keyword = (match[2] ?? "").toUpperCase();
    const argsStart = lineStart + match[0].length;
    let args = line.slice(match[0].length);
    while (args.trimEnd().endsWith("\\") && index + 1 < lines.length) {
      const next = lines[++index] ?? "";
      // The `\` and the line break become spaces, so every later offset still points into the text.
      args = `${args
        .trimEnd()
        .slice(0, -1)
        .padEnd(args.length + 1)}${next.trimStart().startsWith("#") ? " ".repeat(next.length) : next}`;
      offset += next.length + 1;
    }
    yield { keyword, args, argsStart };
  }
}
