// The plain-JSON facts the env-docs extractors emit and its project rules read. Fact type ids
// are global across packs, so other packs (env-ladder) may read them too.

/** Fact type: one variable read in code or config. */
export const READ_FACT = "env-docs:read";
/** Fact type: one entry of an example file (.env.example and its siblings). */
export const DOCUMENTED_FACT = "env-docs:documented";

/**
 * Fact type: what one script tells other files of its package about names (helpers it exports,
 * names it looks up in other modules); the project phase joins them into reads.
 */
export const SCRIPT_LINKS_FACT = "env-docs:script-links";

/** Where a fact points (1-based; the end column is exclusive, as the engine reports it). */
export type Span = {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
};

/** A read of one named variable, or (`name: null`) an access whose name is computed at run time. */
export type ReadFact = Span & {
  name: string | null;
  /** How it was read: "process.env", "import.meta.env", "os.getenv", "compose", … */
  via: string;
  /**
   * true: the read supplies its own value when the variable is unset (`process.env.X ?? "d"`,
   * `os.getenv("X", "d")`, `${X:-d}`, a field default). false: it has none, and an unset variable
   * is an error or an empty value used as is (`os.environ["X"]`, Prisma `env("X")`, `${X:?}`, a
   * bare `process.env.X`); env check then requires the variable. Absent: the extractor cannot tell
   * (`os.getenv("X")` may be checked for None later), which env check does not count as required.
   */
  hasFallback?: boolean;
  /**
   * The read is the fallback of another variable's read (`process.env.APPLE_CLIENT_ID ||
   * process.env.APPLE_ID`): an older or alternative name for that variable, documented with it.
   */
  aliasOf?: string;
};

export interface Decorators {
  required: boolean;
  optional: boolean;
  sensitive: boolean;
  type: string | null;
  default: string | null;
  example: string | null;
  rotation: string | null;
}

/** The decorators as a fact holds them: no values, which may be real by mistake. */
export type FactDecorators = {
  required: boolean;
  optional: boolean;
  sensitive: boolean;
  type: string | null;
  rotation: string | null;
  hasDefault: boolean;
  hasExample: boolean;
};

/**
 * A documented variable. It never carries the value (facts may be cached, and an example file
 * may hold a real secret by mistake): only whether it is empty and which variables it expands.
 */
export type DocumentedFact = Span & {
  name: string;
  /** The same as `name`, with `required` and `sensitive`: the flat fields env-ladder reads. */
  key: string;
  /** @required and not @optional. */
  required: boolean;
  sensitive: boolean;
  description: string | null;
  decorators: FactDecorators;
  empty: boolean;
  /** A commented-out assignment (`# NAME=value`): documented, meant to be set only when needed. */
  commented: boolean;
  /** Variables the value expands (`${OTHER}`), which count as read. */
  references: string[];
};

/** A variable name given as an argument or exported as a constant, where it is written. */
export type NamedSpan = Span & { name: string };

/** An exported function that reads `prefix + argument + suffix`, or each element of the argument. */
export type HelperTemplate = {
  export: string;
  index: number;
  each: boolean;
  prefix: string;
  suffix: string;
  /** The helper's body supplies a default (`process.env[name] ?? "d"`) or asserts presence: every call's read says so. */
  hasFallback?: boolean;
  /** The argument that is the read's fallback (`process.env[name] ?? fallback`): a call passing it reads with one. */
  fallbackArgument?: number;
};

export type ScriptLinks = {
  helpers: HelperTemplate[];
  /** Exported names of variables: `export const KEY = "DB_URL"`, enum members, object properties, array elements. */
  constants: { export: string; path: string[]; value: string; element: boolean }[];
  /** A computed read whose name comes from another module: `process.env[ConfigKey.DatabaseUrl]`. */
  lookups: (Span & {
    from: string;
    imported: string;
    path: string[];
    each: boolean;
    prefix: string;
    suffix: string;
    via: string;
  })[];
  /** Calls of imported functions with variable names as arguments (null: an argument not known). */
  calls: (Span & { from: string; imported: string; args: ({ array: boolean; values: NamedSpan[] } | null)[] })[];
  reExports: { exported: string; from: string; imported: string }[];
  /** Exported env schemas (a zod object, an envalid spec): their keys, where written, read where a file parses the env with one. */
  schemas?: { export: string; keys: NamedSpan[] }[];
  /** `imported.parse(process.env)`, `cleanEnv(process.env, imported)`: a schema from another module read at the call. */
  schemaUses?: (Span & { from: string; imported: string; via: string })[];
  /** Exports that are an env object (`export default process.env`, `export const env = createEnv(…)`). */
  envExports: string[];
  /** `config.API_URL` where `config` is imported from the package: a read if that export is an env object. */
  memberReads: (NamedSpan & { from: string; imported: string })[];
  /** Variables a library the script uses reads itself (Sentry's SENTRY_AUTH_TOKEN): they make an entry used. */
  toolReads: string[];
  /**
   * Expressions a build config replaces ("process.env.basePath" from next.config's `env`,
   * "import.meta.env.IS_CLOUD" from a `define`): in the app they read no variable.
   */
  buildEnv: string[];
  /**
   * A Vite config whose `envPrefix` is known (default "VITE_"): only names with one of these
   * prefixes reach `import.meta.env` in its app. Absent for other files, and when the config sets
   * it in a way not followed or may merge a shared config that does.
   */
  viteEnvPrefixes?: string[];
  /** A package.json's `name`: the workspace imports its modules by it (`@app/env`). */
  packageName?: string;
  /**
   * A tsconfig's (or jsconfig's) `compilerOptions.paths`, each target joined to its `baseUrl` and
   * relative to the config's directory: `{ "#src/*": ["src/*"] }`.
   */
  tsPaths?: Record<string, string[]>;
  /** A tsconfig's `extends`, as written (`./tsconfig.base.json`, `@acme/tsconfig/base.json`): its paths are inherited. */
  tsExtends?: string[];
  /**
   * A package.json's `exports` as subpath → the files it may name, in the order conditions list
   * them (`{ ".": ["./dist/index.js", "./src/index.ts"], "./server": [...] }`); a string is ".".
   */
  packageExports?: Record<string, string[]>;
};
