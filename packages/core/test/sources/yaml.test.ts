// Tests for the YAML source: ranges, multi-document streams, error offsets, alias bombs, key paths.
import { describe, expect, it } from "vitest";
import type { YamlSource } from "../../src/rule-api/types.js";
import { MAX_FLOW_DEPTH, nodeRangeAt, parseYaml } from "../../src/sources/yaml.js";

function parsed(text: string): YamlSource {
  const result = parseYaml(text);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message} at ${result.error.offset}`);
  return result.source;
}

function errorOf(text: string) {
  const result = parseYaml(text);
  if (result.ok) throw new Error("expected an error result");
  return result.error;
}

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
  "",
].join("\n");

describe("parseYaml", () => {
  it("keeps node ranges as offsets into the text", () => {
    const text = "name: api\nport: 8080\n";
    const [doc] = parsed(text).documents;
    const port = doc?.get("port", true);
    expect(port).toMatchObject({ value: 8080 });
    const range = (port as { range: [number, number, number] }).range;
    expect(text.slice(range[0], range[1])).toBe("8080");
  });

  it("returns every document of a multi-document stream, with offsets into the whole text", () => {
    const text = "kind: Service\n---\nkind: Deployment\n---\nkind: Ingress\n";
    const { documents } = parsed(text);
    expect(documents.map((doc) => doc.toJS())).toEqual([
      { kind: "Service" },
      { kind: "Deployment" },
      { kind: "Ingress" },
    ]);
    const second = documents[1];
    const range = second ? nodeRangeAt(second, ["kind"]) : null;
    expect(range).toEqual({ start: 18, end: 22 });
  });

  it("gives an empty file and a comment-only file no documents", () => {
    expect(parsed("").documents).toEqual([]);
    expect(parsed("# nothing here\n").documents).toEqual([]);
  });

  it("turns a syntax error into an error result at the offset of the first error", () => {
    const text = "a: 1\nb: [1, 2\nc: d\n";
    const error = errorOf(text);
    expect(error.offset).toBe(text.indexOf("c: d"));
    expect(error.message).toMatch(/flow sequence/i);
  });

  it("reports the earliest error across documents", () => {
    const text = "ok: true\n---\nx: : y\n---\nz: [\n";
    expect(errorOf(text).offset).toBe(text.indexOf(": y"));
  });

  it("treats a tab used as indentation as an error", () => {
    const text = "a:\n\tb: 2\n";
    expect(errorOf(text).offset).toBeGreaterThanOrEqual(3);
  });

  it("treats a duplicate key as an error at the second key", () => {
    const text = "image: nginx\nimage: redis\n";
    expect(errorOf(text).offset).toBe(text.indexOf("image: redis"));
  });

  it("finds duplicate keys in flow maps and nested maps, but allows several merge keys", () => {
    const flow = "ports: {http: 80, http: 8080}\n";
    expect(errorOf(flow).offset).toBe(flow.lastIndexOf("http"));
    const nested = "a:\n  b:\n    c: 1\n    c: 2\n";
    expect(errorOf(nested).offset).toBe(nested.lastIndexOf("c:"));
    expect(parsed("x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: *x\n  <<: *y\n").documents).toHaveLength(1);
    expect(parsed("1: a\n'1': b\n").documents).toHaveLength(1);
  });

  it("finds duplicate keys and aliases everywhere the walk goes: in keys, sequences and pairs in sequences", () => {
    const inKey = "? {a: 1, a: 2}\n: value\n";
    expect(errorOf(inKey).offset).toBe(inKey.lastIndexOf("a:"));
    const inSeqPair = "- [x: {b: 1, b: 2}]\n";
    expect(errorOf(inSeqPair).offset).toBe(inSeqPair.lastIndexOf("b:"));
    const aliasAsKey = "? *nowhere\n: value\n";
    expect(errorOf(aliasAsKey).offset).toBe(aliasAsKey.indexOf("*nowhere"));
  });

  it("reports the first unresolved alias in document order, a key's before its value's", () => {
    const text = "- {*first : *second}\n- *third\n";
    const error = errorOf(text);
    expect(error.message).toContain("*first");
    expect(error.offset).toBe(text.indexOf("*first"));
  });

  it("reports the earliest duplicate across nesting, whichever map the walk reaches first", () => {
    const text = "outer:\n  inner: {k: 1, k: 2}\nouter: 3\n";
    expect(errorOf(text).offset).toBe(text.indexOf("k: 2"));
  });

  it("does not quote the source in error messages", () => {
    const text = "token: sk_live_abcdefghijklmnop\nbad: [1, 2\nnext: x\n";
    expect(errorOf(text).message).not.toContain("sk_live");
  });

  it("reports an alias bomb as an error quickly instead of expanding it", () => {
    const error = errorOf(BOMB);
    expect(error.message).toMatch(/alias/i);
    expect(error.offset).toBe(BOMB.indexOf("*a"));
  });

  it("reports an alias to a missing anchor at the alias", () => {
    const text = "base: 1\nuse: *missing\n";
    const error = errorOf(text);
    expect(error.message).toContain("*missing");
    expect(error.offset).toBe(text.indexOf("*missing"));
  });

  it("accepts ordinary anchors, aliases and merge keys", () => {
    const text = [
      ".defaults: &defaults",
      "  image: node:20",
      "  tags: [docker]",
      "test:",
      "  <<: *defaults",
      "  script: [npm test]",
      "",
    ].join("\n");
    const [doc] = parsed(text).documents;
    expect(doc?.toJS()).toMatchObject({ test: { image: "node:20", tags: ["docker"], script: ["npm test"] } });
  });

  it("keeps unknown tags (CloudFormation, GitLab) as warnings, not errors", () => {
    const [doc] = parsed("bucket: !Ref Bucket\nscript: !reference [.setup, script]\n").documents;
    expect(doc?.warnings.length).toBe(2);
    expect(doc?.toJS()).toEqual({ bucket: "Bucket", script: [".setup", "script"] });
  });
});

describe("nodeRangeAt", () => {
  const text = [
    "environments:",
    "  staging:",
    "    log_level: info",
    "    access: [developers, qa]",
    "  production:",
    "    log_level: warn",
    "",
  ].join("\n");
  const doc = parsed(text).documents[0];
  if (!doc) throw new Error("no document");
  const slice = (path: (string | number)[]) => {
    const range = nodeRangeAt(doc, path);
    return range ? text.slice(range.start, range.end) : null;
  };

  it("returns the range of the key of a map entry", () => {
    expect(slice(["environments", "staging", "log_level"])).toBe("log_level");
    expect(nodeRangeAt(doc, ["environments", "production"])).toEqual({
      start: text.indexOf("production"),
      end: text.indexOf("production") + "production".length,
    });
  });

  it("returns the item itself for a sequence index, as a number or a numeric string", () => {
    expect(slice(["environments", "staging", "access", 1])).toBe("qa");
    expect(slice(["environments", "staging", "access", "0"])).toBe("developers");
  });

  it("returns the document contents for the empty path", () => {
    expect(nodeRangeAt(doc, [])?.start).toBe(0);
  });

  it("returns null for a path that does not exist", () => {
    expect(nodeRangeAt(doc, ["environments", "local"])).toBeNull();
    expect(nodeRangeAt(doc, ["environments", "staging", "access", 5])).toBeNull();
    expect(nodeRangeAt(doc, ["environments", "staging", "log_level", "deeper"])).toBeNull();
    expect(nodeRangeAt(doc, ["environments", "staging", "access", "x"])).toBeNull();
  });

  it("follows aliases and merge keys to where the value is written", () => {
    const source = "base: &base\n  engine: postgres\nstaging:\n  <<: *base\n  size: small\nprod: *base\n";
    const merged = parsed(source).documents[0];
    if (!merged) throw new Error("no document");
    const at = (path: string[]) => {
      const range = nodeRangeAt(merged, path);
      return range?.start;
    };
    expect(at(["staging", "engine"])).toBe(source.indexOf("engine"));
    expect(at(["staging", "size"])).toBe(source.indexOf("size"));
    expect(at(["prod", "engine"])).toBe(source.indexOf("engine"));
  });

  it("matches non-string keys by their text", () => {
    const source = "ports:\n  8080: web\n  true: yes\n";
    const map = parsed(source).documents[0];
    if (!map) throw new Error("no document");
    expect(nodeRangeAt(map, ["ports", 8080])?.start).toBe(source.indexOf("8080"));
    expect(nodeRangeAt(map, ["ports", "true"])?.start).toBe(source.indexOf("true"));
  });
});

describe("parseYaml on flow collections nested beyond MAX_FLOW_DEPTH", () => {
  const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

  it("refuses them before composing, at the first collection too deep", () => {
    const text = `---\nname: app\nlist: ${deep(MAX_FLOW_DEPTH + 50)}\n`;
    const result = parseYaml(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/nested too deeply to analyse \(flow collections more than 256 levels deep\)/);
    // The offset is the text's own: yaml's lexer markers (document start, scalar) take no place in it.
    expect(result.error.offset).toBe(text.indexOf("[") + MAX_FLOW_DEPTH);
  });

  it("parses a file nested exactly MAX_FLOW_DEPTH levels", () => {
    expect(parseYaml(`list: ${deep(MAX_FLOW_DEPTH)}\n`).ok).toBe(true);
  });

  it("counts no bracket of a quoted or block scalar, or of a comment", () => {
    const brackets = "[".repeat(MAX_FLOW_DEPTH * 2);
    for (const text of [
      `pattern: "${brackets}"\n`,
      `pattern: '${brackets}'\n`,
      `script: |\n  echo ${brackets}\n`,
      `# ${brackets}\nname: app\n`,
      `name: app # ${brackets}\n`,
    ])
      expect(parseYaml(text).ok, text.slice(0, 20)).toBe(true);
  });
});
