// A small reader for Terraform's HCL, limited to what the rollout pack needs: blocks (with their
// labels and nested blocks) and attributes whose values are literals (strings without
// interpolation, numbers, booleans) or, for anything else, the raw expression text.
// Why our own: @cdktf/hcl2json (the maintained npm option) runs Go in WebAssembly behind an async
// API, which the synchronous extractors cannot await, and returns JSON without positions, while a
// finding must point at the attribute. Expressions are never evaluated: a value that is not a
// literal stays text, and the readers treat it as unknown.

export interface HclAttribute {
  name: string;
  /** A literal's value, or the expression's source text (`var.enabled`, `aws_lb_target_group.web.arn`). */
  value: string | number | boolean;
  literal: boolean;
  offset: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  offset: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

/** The top-level blocks of a file; null when the text is not HCL the reader can follow (unbalanced braces). */
export function readHcl(text: string): HclBlock[] | null {
  const reader = new Reader(text);
  const root = reader.body(false);
  return root && reader.done() ? root.blocks : null;
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    this.skipSpace(true);
    return this.at >= this.text.length;
  }

  /** Items up to the closing brace (inside a block) or the end of the text. */
  body(inBlock: boolean): Pick<HclBlock, "attributes" | "blocks"> | null {
    const result: Pick<HclBlock, "attributes" | "blocks"> = { attributes: new Map(), blocks: [] };
    for (;;) {
      this.skipSpace(true);
      if (this.at >= this.text.length) return inBlock ? null : result;
      if (this.text[this.at] === "}") {
        if (!inBlock) return null;
        this.at++;
        return result;
      }
      const offset = this.at;
      const name = this.identifier();
      if (!name) return null;
      this.skipSpace(false);
      if (this.text[this.at] === "=" && this.text[this.at + 1] !== "=") {
        this.at++;
        const value = this.expression();
        if (value === null) return null;
        result.attributes.set(name, { name, ...value, offset });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const char = this.text[this.at];
        if (char === "{") break;
        const label = char === '"' ? this.quoted() : this.identifier();
        if (label === null) return null;
        labels.push(label);
      }
      this.at++;
      const inner = this.body(true);
      if (!inner) return null;
      result.blocks.push({ type: name, labels, offset, ...inner });
    }
  }

  // An expression runs to the end of the line, unless a bracket, a string or a heredoc is open.
  private expression(): { value: string | number | boolean; literal: boolean } | null {
    this.skipSpace(false);
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const char = this.text[this.at] ?? "";
      if (char === '"') {
        if (this.quoted() === null) return null;
        continue;
      }
      if (
        char === "<" &&
        this.text.startsWith("<<", this.at) &&
        /^<<-?\w+/.test(this.text.slice(this.at, this.at + 40))
      ) {
        if (!this.heredoc()) return null;
        continue;
      }
      const beforeComment = this.at;
      if (this.comment()) {
        if (depth > 0) continue;
        // A trailing comment is not part of the value; the cursor stays after it.
        return literalOf(this.text.slice(start, beforeComment).trim());
      }
      if ("{[(".includes(char)) depth++;
      else if ("}])".includes(char)) {
        if (depth === 0) break;
        depth--;
      } else if (char === "\n" && depth === 0) break;
      this.at++;
    }
    if (depth !== 0) return null;
    const source = this.text.slice(start, this.at).trim();
    return literalOf(source);
  }

  private identifier(): string | null {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.at, this.at + 200));
    if (!match) return null;
    this.at += match[0].length;
    return match[0];
  }

  /** A quoted string (its raw content), skipping `${ … }` interpolations whole. */
  private quoted(): string | null {
    const start = ++this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (char === "\\") this.at += 2;
      else if (char === "$" && this.text[this.at + 1] === "{") {
        depth++;
        this.at += 2;
      } else if (char === "}" && depth > 0) {
        depth--;
        this.at++;
      } else if (char === '"' && depth === 0) {
        this.at++;
        return this.text.slice(start, this.at - 1);
      } else if (char === "\n" && depth === 0) return null;
      else this.at++;
    }
    return null;
  }

  private heredoc(): boolean {
    const match = /^<<-?(\w+)[^\n]*\n/.exec(this.text.slice(this.at, this.at + 200));
    if (!match) return false;
    const end = new RegExp(`\\n[ \\t]*${match[1]}[ \\t]*(\\n|$)`).exec(this.text.slice(this.at));
    if (!end) return false;
    this.at += end.index + end[0].length - (end[0].endsWith("\n") ? 1 : 0);
    return true;
  }

  /** Skips one comment at the cursor; whether there was one. A line comment stops at its newline. */
  private comment(): boolean {
    const rest = this.text.slice(this.at, this.at + 2);
    if (rest[0] === "#" || rest === "//") {
      const end = this.text.indexOf("\n", this.at);
      this.at = end < 0 ? this.text.length : end;
      return true;
    }
    if (rest === "/*") {
      const end = this.text.indexOf("*/", this.at + 2);
      this.at = end < 0 ? this.text.length : end + 2;
      return true;
    }
    return false;
  }

  private skipSpace(newlines: boolean): void {
    while (this.at < this.text.length) {
      const char = this.text[this.at] ?? "";
      if (char === " " || char === "\t" || char === "\r" || (newlines && char === "\n")) this.at++;
      else if (!this.comment()) return;
      else if (!newlines && this.text[this.at] === "\n") return;
    }
  }
}

function literalOf(source: string): { value: string | number | boolean; literal: boolean } {
  if (source === "true" || source === "false") return { value: source === "true", literal: true };
  if (/^-?\d+(\.\d+)?$/.test(source)) return { value: Number(source), literal: true };
  const string = /^"((?:[^"\\$]|\\.|\$(?!\{))*)"$/.exec(source);
  if (string) return { value: (string[1] ?? "").replace(/\\(.)/g, "$1"), literal: true };
  return { value: source, literal: false };
}
