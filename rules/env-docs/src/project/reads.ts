// The reads of a run, resolved across the files of each package: a call of a helper imported
// from another file reads the names it is given, a name looked up in another module's constants
// is read, `process.env.<key>` for a key next.config's `env` defines reads no variable, and
// neither does `import.meta.env.<name>` without the envPrefix of the app's Vite config.
// Every env-docs project rule asks for reads here, not from the raw facts.
import type { FactRecord } from "@deploylint/core/rule-api";
import { BUILD_CONFIG } from "../extract/script/frameworks.js";
import { READ_FACT, type ReadFact, SCRIPT_LINKS_FACT, type ScriptLinks, type Span } from "../facts.js";
import { inScope } from "./examples.js";

interface ReadsContext {
  readonly files: readonly string[];
  facts<T>(type: string): FactRecord<T>[];
}

type Links = FactRecord<ScriptLinks>;

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const MAX_HOPS = 6;
// biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript's own placeholder, written in tsconfig files.
const CONFIG_DIR = "${configDir}";

/** Both rules of a run ask; the facts list is the same array for both, so the work is done once. */
const cache = new WeakMap<object, FactRecord<ReadFact>[]>();

export function projectReads(ctx: ReadsContext): FactRecord<ReadFact>[] {
  const raw = ctx.facts<ReadFact>(READ_FACT);
  const cached = cache.get(raw);
  if (cached) return cached;
  const links = ctx.facts<ScriptLinks>(SCRIPT_LINKS_FACT);
  const modules = new ModuleGraph(ctx.files, links);
  const reads: FactRecord<ReadFact>[] = [];
  const add = (file: string, name: string | null, via: string, span: Span, hasFallback?: boolean) =>
    reads.push({
      file,
      data: {
        name,
        via,
        ...(hasFallback === undefined ? {} : { hasFallback }),
        line: span.line,
        column: span.column,
        endLine: span.endLine,
        endColumn: span.endColumn,
      },
    });

  for (const { file, data } of links) {
    for (const call of data.calls) {
      const target = modules.exportOf(file, call.from, call.imported);
      if (!target) continue;
      for (const template of target.links.helpers) {
        if (template.export !== target.name) continue;
        const argument = call.args[template.index];
        if (argument === undefined) continue;
        if (argument === null || argument.array !== template.each) {
          add(file, null, "helper", call);
          continue;
        }
        // getEnv("LOG_LEVEL", "info") passes the helper's fallback; a default in its body serves every call.
        const hasFallback =
          template.fallbackArgument !== undefined
            ? call.args.length > template.fallbackArgument || undefined
            : template.hasFallback;
        for (const value of argument.values)
          add(file, template.prefix + value.name + template.suffix, "helper", value, hasFallback);
      }
    }
    for (const member of data.memberReads) {
      const target = modules.exportOf(file, member.from, member.imported);
      if (target?.links.envExports.includes(target.name)) add(file, member.name, "env module", member);
    }
    // envSchema.parse(process.env) with the schema imported: its keys are read, where they are written.
    for (const use of data.schemaUses ?? []) {
      const target = modules.exportOf(file, use.from, use.imported);
      const schema = target?.links.schemas?.find((item) => item.export === target.name);
      if (!target || !schema) add(file, null, use.via, use);
      else for (const key of schema.keys) add(target.file, key.name, use.via, key);
    }
    for (const lookup of data.lookups) {
      const target = modules.exportOf(file, lookup.from, lookup.imported);
      const constants = (target?.links.constants ?? []).filter(
        (constant) =>
          constant.export === target?.name &&
          constant.element === lookup.each &&
          constant.path.join(".") === lookup.path.join("."),
      );
      if (constants.length === 0) add(file, null, lookup.via, lookup);
      for (const constant of constants) add(file, lookup.prefix + constant.value + lookup.suffix, lookup.via, lookup);
    }
  }

  // next.config.js `env: { basePath }`: the app's process.env.basePath is that value, built in.
  const buildConfigs = links.filter(({ file, data }) => BUILD_CONFIG.test(file) && data.buildEnv.length > 0);
  const definedByBuild = (file: string, read: ReadFact) =>
    read.name !== null &&
    buildConfigs.some(
      (config) =>
        config.file !== file &&
        inScope(file, dirOf(config.file)) &&
        config.data.buildEnv.includes(`${read.via}.${read.name}`),
    );
  // Vite gives import.meta.env only the names with its envPrefix (and what `define` adds): any
  // other name is undefined in the app whatever the environment holds, so it reads no variable.
  const viteConfigs = links.filter(({ data }) => data.viteEnvPrefixes !== undefined);
  const hiddenByVite = (file: string, read: ReadFact) => {
    if (read.via !== "import.meta.env" || read.name === null) return false;
    const config = nearest(viteConfigs, file);
    const name = read.name;
    return config !== undefined && !(config.data.viteEnvPrefixes ?? []).some((prefix) => name.startsWith(prefix));
  };
  const kept = raw.filter(({ file, data }) => !definedByBuild(file, data) && !hiddenByVite(file, data));
  const all = [...kept, ...reads];
  cache.set(raw, all);
  return all;
}

/** Finds the file an import names and the file that really defines an export (through re-exports). */
class ModuleGraph {
  private readonly files: Set<string>;
  private readonly links = new Map<string, ScriptLinks>();
  /** Workspace packages by the name their package.json gives: name → directory and `exports`. */
  private readonly packages = new Map<string, { dir: string; exports: Record<string, string[]> }>();
  /** tsconfig files: their own `paths` (targets relative to the config's directory) and `extends`. */
  private readonly tsConfigs = new Map<string, { paths?: Record<string, string[]>; extends: string[] }>();
  /** tsconfig `paths` by the config's directory, targets from the repository root (own or inherited). */
  private readonly tsPaths = new Map<string, Record<string, string[]>>();

  constructor(files: readonly string[], links: Links[]) {
    this.files = new Set(files);
    for (const { file, data } of links) {
      if (data.packageName !== undefined)
        this.packages.set(data.packageName, { dir: dirOf(file), exports: data.packageExports ?? {} });
      else if (data.tsPaths !== undefined || data.tsExtends !== undefined)
        this.tsConfigs.set(file, { ...(data.tsPaths ? { paths: data.tsPaths } : {}), extends: data.tsExtends ?? [] });
      else this.links.set(file, data);
    }
    for (const file of this.tsConfigs.keys()) {
      const paths = this.effectivePaths(file, dirOf(file), 0);
      if (paths) this.tsPaths.set(dirOf(file), { ...this.tsPaths.get(dirOf(file)), ...paths });
    }
  }

  /**
   * A config's `paths`, or those it inherits through `extends` (the last one that has them wins,
   * as in TypeScript). Targets stay relative to the config that writes them.
   */
  private effectivePaths(file: string, leafDir: string, hops: number): Record<string, string[]> | null {
    const config = this.tsConfigs.get(file);
    if (!config || hops > MAX_HOPS) return null;
    // `${configDir}` (TypeScript 5.5) is the directory of the config being compiled with, not the shared one.
    const fromRoot = (target: string) => {
      const at = target.lastIndexOf(CONFIG_DIR);
      return at === -1 ? join(dirOf(file), target) : join(leafDir, target.slice(at + CONFIG_DIR.length));
    };
    if (config.paths)
      return Object.fromEntries(
        Object.entries(config.paths).map(([pattern, targets]) => [pattern, targets.map(fromRoot)]),
      );
    for (const specifier of [...config.extends].reverse()) {
      const base = this.extendedConfig(file, specifier);
      const inherited = base === null ? null : this.effectivePaths(base, leafDir, hops + 1);
      if (inherited) return inherited;
    }
    return null;
  }

  /** The file an `extends` names: relative, or in a workspace package (`@acme/tsconfig/base.json`, `@acme/tsconfig`). */
  private extendedConfig(from: string, specifier: string): string | null {
    const withJson = (path: string) => [path, `${path}.json`, `${path}/tsconfig.json`];
    let candidates: string[];
    if (specifier.startsWith("./") || specifier.startsWith("../")) candidates = withJson(join(dirOf(from), specifier));
    else {
      const found = this.workspacePackage(specifier);
      candidates = found
        ? withJson(join(found.dir, found.rest === "" ? "tsconfig.json" : found.rest))
        : withJson(`node_modules/${specifier}`);
    }
    return candidates.find((candidate) => this.tsConfigs.has(candidate) || this.files.has(candidate)) ?? null;
  }

  exportOf(
    from: string,
    specifier: string,
    name: string,
    hops = 0,
  ): { file: string; links: ScriptLinks; name: string } | null {
    const file = this.resolve(from, specifier);
    if (file === null || hops > MAX_HOPS) return null;
    const links = this.links.get(file);
    if (!links) return null;
    const defines =
      links.envExports.includes(name) ||
      links.helpers.some((item) => item.export === name) ||
      links.constants.some((item) => item.export === name) ||
      (links.schemas ?? []).some((item) => item.export === name);
    if (defines) return { file, links, name };
    for (const item of links.reExports) {
      if (item.exported === name) return this.exportOf(file, item.from, item.imported, hops + 1);
      if (item.exported === "*") {
        const found = this.exportOf(file, item.from, name, hops + 1);
        if (found) return found;
      }
    }
    return null;
  }

  /** A relative import, or a path alias (`@/lib/env`, `~/env`) from the package root or its src/. */
  private resolve(from: string, specifier: string): string | null {
    let bases: string[];
    const aliased = this.tsPathTargets(from, specifier);
    if (specifier.startsWith("./") || specifier.startsWith("../")) bases = [join(dirOf(from), specifier)];
    else if (aliased.length > 0) bases = aliased;
    else if (/^[~@#]\//.test(specifier)) {
      const root = this.packageRoot(from);
      const rest = specifier.slice(2);
      bases = [join(root, rest), join(root, `src/${rest}`)];
    } else {
      const found = this.workspacePackage(specifier);
      if (!found) return null;
      // What its `exports` names for the subpath, then its source by convention: `@app/env` →
      // src/index.ts, `@app/env/server` → src/server.ts.
      bases = [
        ...this.exportedFiles(found),
        ...(found.rest === ""
          ? [join(found.dir, "src"), found.dir]
          : [join(found.dir, `src/${found.rest}`), join(found.dir, found.rest)]),
      ];
    }
    for (const base of bases) {
      const stem = base.replace(/\.[cm]?js$/, "");
      const candidates = [
        base,
        ...EXTENSIONS.map((ext) => stem + ext),
        ...EXTENSIONS.map((ext) => `${base}/index${ext}`),
      ];
      const found = candidates.find((candidate) => this.files.has(candidate));
      if (found) return found;
    }
    return null;
  }

  /**
   * What the nearest tsconfig with `paths` maps the specifier to: `#src/env` under
   * `"#src/*": ["src/*"]` is `<config dir>/src/env`. Its nearest one is the one TypeScript uses
   * for the file (with what it inherits through `extends`).
   */
  private tsPathTargets(from: string, specifier: string): string[] {
    for (let dir = dirOf(from); ; dir = dirOf(dir)) {
      const paths = this.tsPaths.get(dir);
      if (paths) {
        for (const [pattern, targets] of Object.entries(paths)) {
          const star = pattern.indexOf("*");
          const head = star === -1 ? pattern : pattern.slice(0, star);
          const tail = star === -1 ? "" : pattern.slice(star + 1);
          const matches =
            star === -1
              ? specifier === pattern
              : specifier.startsWith(head) && specifier.endsWith(tail) && specifier.length >= head.length + tail.length;
          if (!matches) continue;
          const captured = star === -1 ? "" : specifier.slice(head.length, specifier.length - tail.length);
          return targets.map((target) => target.replace("*", captured));
        }
        return [];
      }
      if (dir === "") return [];
    }
  }

  /** `@app/env/server` → the package named `@app/env` and the rest, "server". */
  private workspacePackage(specifier: string): { dir: string; rest: string; exports: Record<string, string[]> } | null {
    const parts = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    const found = this.packages.get(parts.slice(0, nameLength).join("/"));
    return found === undefined ? null : { ...found, rest: parts.slice(nameLength).join("/") };
  }

  /**
   * The files `exports` maps the subpath to (`"./server"`, or a pattern `"./*"`), each also at its
   * source when it names build output: `./dist/server.js` is written from `./src/server.ts`.
   */
  private exportedFiles(found: { dir: string; rest: string; exports: Record<string, string[]> }): string[] {
    const subpath = found.rest === "" ? "." : `./${found.rest}`;
    const targets: string[] = [];
    for (const [pattern, files] of Object.entries(found.exports)) {
      const star = pattern.indexOf("*");
      if (star === -1) {
        if (pattern === subpath) targets.push(...files);
        continue;
      }
      const head = pattern.slice(0, star);
      const tail = pattern.slice(star + 1);
      if (!subpath.startsWith(head) || !subpath.endsWith(tail) || subpath.length < head.length + tail.length) continue;
      const captured = subpath.slice(head.length, subpath.length - tail.length);
      targets.push(...files.map((file) => file.replace("*", captured)));
    }
    return targets.flatMap((target) => {
      const path = join(found.dir, target);
      const source = join(found.dir, target.replace(/^(\.\/)?(dist|build|lib|out)\//, "src/"));
      return source === path ? [path] : [path, source.replace(/\.d\.ts$/, "")];
    });
  }

  private packageRoot(file: string): string {
    for (let dir = dirOf(file); dir !== ""; dir = dirOf(dir)) if (this.files.has(`${dir}/package.json`)) return dir;
    return "";
  }
}

/** The config whose directory holds `file` most closely (a nested app's own config wins). */
function nearest(configs: Links[], file: string): Links | undefined {
  let found: Links | undefined;
  for (const config of configs) {
    const dir = dirOf(config.file);
    if (config.file === file || !inScope(file, dir)) continue;
    if (!found || dir.length > dirOf(found.file).length) found = config;
  }
  return found;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/** `dir` + a relative path, normalised ("" is the root). */
function join(dir: string, relative: string): string {
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}
