// Reads one config file into plain data, keeping a YAML document when there is one so that
// validation errors can name the line.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { type Document, isMap, isScalar, parseDocument } from "yaml";
import { ConfigError } from "./errors.js";

export interface RawConfig {
  file: string;
  data: unknown;
  /** Line of a JSON path in the file, when the format keeps positions. */
  lineOf(path: (string | number)[]): number | null;
}

export async function readConfigFile(file: string): Promise<RawConfig> {
  const name = basename(file);
  if (name.endsWith(".mjs") || name.endsWith(".js")) {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      throw new ConfigError(`${file}: cannot load: ${firstLine(error)}`);
    }
    if (module.default === undefined) throw new ConfigError(`${file}: must export the config as its default export.`);
    return { file, data: module.default, lineOf: () => null };
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read: ${firstLine(error)}`);
  }
  // JSON is YAML 1.2, so one parser gives positions for both.
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const line = lineAt(text, firstError.pos[0]);
    throw new ConfigError(
      `${file}:${line}: not valid ${name.endsWith(".json") ? "JSON" : "YAML"}: ${firstLine(firstError.message)}`,
    );
  }
  let data: unknown = document.toJS({ maxAliasCount: 100 });
  let prefix: string[] = [];
  if (name === "package.json") {
    data = (data as Record<string, unknown> | null)?.deploylint;
    prefix = ["deploylint"];
  }
  return {
    file,
    data: data ?? {},
    lineOf: (path) => lineOfPath(document, text, [...prefix, ...path]),
  };
}

function lineOfPath(document: Document, text: string, path: (string | number)[]): number | null {
  let node: unknown = document.contents;
  let line: number | null = null;
  for (const key of path) {
    if (!isMap(node) && !(node && typeof node === "object" && "items" in node)) break;
    const items = (node as { items: unknown[] }).items;
    const pair = isMap(node)
      ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key))
      : undefined;
    if (pair) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (range) line = lineAt(text, range[0]);
      node = pair.value;
    } else if (typeof key === "number" && Array.isArray(items) && items[key]) {
      const item = items[key] as { range?: [number, number, number] };
      if (item.range) line = lineAt(text, item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0] ?? message;
}
