// A minimal TOML reader for the platform files the ladder reads (fly.toml, netlify.toml,
// wrangler.toml): tables, dotted keys and scalar values, each with the position of its key.
// Arrays and arrays of tables are skipped over (their contents are not needed); strings follow
// the TOML 1.0 escapes.

export type TomlScalar = string | number | boolean;

export interface TomlEntry {
  /** Table path and key path, e.g. ["context", "production", "environment", "LOG_LEVEL"]. */
  path: string[];
  /** The value, or null for arrays and other values the ladder does not read. */
  value: TomlScalar | null;
  line: number;
  column: number;
  endColumn: number;
}

/** Text the reader cannot read (not TOML, or TOML beyond the subset it knows). */
export class TomlError extends Error {}

/** The key/value entries of a TOML document, in order. Throws a TomlError on text it cannot read. */
export function readToml(text: string): TomlEntry[] {
  const reader = new Reader(text);
  return reader.read();
}

class Reader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private table: string[] = [];
  private readonly entries: TomlEntry[] = [];

  constructor(private readonly text: string) {}

  read(): TomlEntry[] {
    while (this.pos < this.text.length) {
      this.skipSpaceAndComments();
      if (this.pos >= this.text.length) break;
      const char = this.text[this.pos];
      if (char === "[") this.readHeader();
      else this.readKeyValue(this.table);
      this.expectLineEnd();
    }
    return this.entries;
  }

  private readHeader(): void {
    const isArray = this.text.startsWith("[[", this.pos);
    this.pos += isArray ? 2 : 1;
    const path = this.readKeyPath().map((part) => part.key);
    this.skipInlineSpace();
    if (!this.text.startsWith(isArray ? "]]" : "]", this.pos)) this.fail("expected ] after the table name");
    this.pos += isArray ? 2 : 1;
    // Entries of an array of tables have no stable name; mark the path so that readers skip them.
    this.table = isArray ? [...path, "[]"] : path;
  }

  private readKeyValue(table: string[]): void {
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    const keys = this.readKeyPath();
    const endColumn = (keys.at(-1)?.end ?? this.pos) - this.lineStart + 1;
    this.skipInlineSpace();
    if (this.text[this.pos] !== "=") this.fail("expected = after the key");
    this.pos++;
    this.skipInlineSpace();
    const path = [...table, ...keys.map((part) => part.key)];
    if (this.text[this.pos] === "{") {
      this.readInlineTable(path);
      return;
    }
    const value = this.readValue();
    this.entries.push({ path, value, line, column, endColumn });
  }

  private readInlineTable(path: string[]): void {
    this.pos++;
    this.skipInlineSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipInlineSpace();
      this.readKeyValue(path);
      this.skipInlineSpace();
      const char = this.text[this.pos];
      this.pos++;
      if (char === "}") return;
      if (char !== ",") this.fail("expected , or } in an inline table");
    }
  }

  private readKeyPath(): { key: string; end: number }[] {
    const parts: { key: string; end: number }[] = [];
    for (;;) {
      this.skipInlineSpace();
      const char = this.text[this.pos];
      let key: string;
      if (char === '"') key = this.readBasicString();
      else if (char === "'") key = this.readLiteralString();
      else {
        const match = /^[A-Za-z0-9_-]+/.exec(this.text.slice(this.pos, this.pos + 256));
        if (!match) this.fail("expected a key");
        key = match[0];
        this.pos += key.length;
      }
      parts.push({ key, end: this.pos });
      this.skipInlineSpace();
      if (this.text[this.pos] !== ".") return parts;
      this.pos++;
    }
  }

  private readValue(): TomlScalar | null {
    const rest = this.text.slice(this.pos, this.pos + 64);
    if (rest.startsWith('"""')) return this.readMultiline('"""');
    if (rest.startsWith("'''")) return this.readMultiline("'''");
    if (rest.startsWith('"')) return this.readBasicString();
    if (rest.startsWith("'")) return this.readLiteralString();
    if (rest.startsWith("[")) {
      this.skipArray();
      return null;
    }
    const match = /^[^\s#,}\]]+/.exec(rest);
    if (!match) this.fail("expected a value");
    this.pos += match[0].length;
    const word = match[0];
    if (word === "true" || word === "false") return word === "true";
    const number = Number(word.replaceAll("_", ""));
    return Number.isFinite(number) && /^[+-]?[\d.]/.test(word) && !/^\d{4}-\d{2}-\d{2}/.test(word) ? number : word;
  }

  private readBasicString(): string {
    this.pos++;
    let value = "";
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char === "\n") this.fail("unterminated string");
      this.pos++;
      if (char === '"') return value;
      if (char === "\\") value += this.readEscape();
      else value += char;
    }
  }

  private readEscape(): string {
    const char = this.text[this.pos++];
    const simple: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };
    if (char !== undefined && char in simple) return simple[char] ?? "";
    if (char === "u" || char === "U") {
      const length = char === "u" ? 4 : 8;
      const code = Number.parseInt(this.text.slice(this.pos, this.pos + length), 16);
      this.pos += length;
      if (Number.isNaN(code)) this.fail("bad unicode escape");
      return String.fromCodePoint(code);
    }
    return this.fail(`bad escape \\${char ?? ""}`);
  }

  private readLiteralString(): string {
    const end = this.text.indexOf("'", this.pos + 1);
    const newline = this.text.indexOf("\n", this.pos + 1);
    if (end < 0 || (newline >= 0 && newline < end)) this.fail("unterminated string");
    const value = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private readMultiline(quote: string): string {
    const start = this.pos + 3;
    const end = this.text.indexOf(quote, start);
    if (end < 0) this.fail("unterminated multi-line string");
    let raw = this.text.slice(start, end);
    this.advanceTo(end + 3);
    if (raw.startsWith("\n")) raw = raw.slice(1);
    else if (raw.startsWith("\r\n")) raw = raw.slice(2);
    // Escapes in multi-line basic strings are rare in platform files; a line-ending backslash is honoured.
    return quote === '"""' ? raw.replace(/\\\r?\n\s*/g, "") : raw;
  }

  private skipArray(): void {
    let depth = 0;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === '"' || char === "'") {
        if (char === '"') this.readBasicString();
        else this.readLiteralString();
        continue;
      }
      if (char === "#") {
        while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
        continue;
      }
      if (char === "[") depth++;
      if (char === "]") depth--;
      this.advanceTo(this.pos + 1);
      if (depth === 0) return;
    }
    this.fail("unterminated array");
  }

  private skipInlineSpace(): void {
    while (this.text[this.pos] === " " || this.text[this.pos] === "\t") this.pos++;
  }

  private skipSpaceAndComments(): void {
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === "#") {
        while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
      } else if (char === " " || char === "\t" || char === "\r" || char === "\n") {
        this.advanceTo(this.pos + 1);
      } else {
        return;
      }
    }
  }

  private expectLineEnd(): void {
    this.skipInlineSpace();
    if (this.text[this.pos] === "#") while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
    if (this.text[this.pos] === "\r") this.pos++;
    if (this.pos < this.text.length && this.text[this.pos] !== "\n") this.fail("expected the end of the line");
  }

  // Moves to `target`, counting the line breaks passed on the way.
  private advanceTo(target: number): void {
    while (this.pos < target) {
      if (this.text[this.pos] === "\n") {
        this.line++;
        this.lineStart = this.pos + 1;
      }
      this.pos++;
    }
  }

  private fail(problem: string): never {
    throw new TomlError(`TOML line ${this.line}: ${problem}.`);
  }
}
