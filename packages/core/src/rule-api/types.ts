// The rule API: everything a rule, an extractor or a pack may see. Rules import only this
// module (through "@deploylint/core/rule-api"), never the engine, node:fs or process.env.
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type { Document } from "yaml";

export type { TSESTree };

/** A finding's level. "info" is reported but never fails a run. */
export type Severity = "error" | "warn" | "info" | "off";
export type ReportedSeverity = Exclude<Severity, "off">;

/**
 * The kinds a file is classified into. "text" matches every text file. "binary" files (key stores
 * such as .p12, .jks, .kdbx) are never read: only rules that name the kind get them, as path and size.
 */
export type SourceKind = "sql" | "script" | "yaml" | "json" | "dotenv" | "markdown" | "text" | "binary";

/** A 1-based line and a 1-based column (columns count UTF-16 code units, like editors). */
export interface Position {
  line: number;
  column: number;
}

/** Half-open range of character offsets into the file's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface LineIndex {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string;
}

// ---- parsed sources -------------------------------------------------------------------------

export type SqlDialect = "postgresql" | "mysql" | "mariadb" | "sqlite";

export interface SqlComment {
  text: string;
  range: OffsetRange;
}

/**
 * One top-level statement. `kind` is a normalised classification from the leading keywords
 * ("create_table", "alter_table", "create_index", "drop_index", "drop_table", "insert",
 * "update", "delete", "lock_table", "begin", "commit", "set", "unknown", …) that is present
 * whether or not the statement parsed; `cst` is the sql-parser-cst node when it did.
 */
export interface SqlStatement {
  text: string;
  range: OffsetRange;
  kind: string;
  /**
   * The parser's tree, or null when the parser rejected the statement: for PostgreSQL, libpg-query's
   * RawStmt (see PgRawStmt); for the other dialects, the sql-parser-cst statement node (with `range`).
   */
  cst: unknown | null;
  /** The parser's message when `cst` is null and the statement is not a known unparseable form. */
  parseError: string | null;
  /** Where the parser stopped (file offset of the offending token), when it says. */
  parseErrorOffset?: number;
}

/**
 * A statement as PostgreSQL's own parser (libpg-query) gives it: `stmt` holds one node keyed by its
 * type (`{ AlterTableStmt: {…} }`); names in it are already unquoted and case-folded by PostgreSQL.
 */
export interface PgRawStmt {
  stmt: Record<string, unknown>;
  /** UTF-8 byte offset and length in the parsed text (absent when 0 / "to the end"). */
  stmt_location?: number;
  stmt_len?: number;
}

/** A SQL file written for a dialect deploylint has no grammar for, and why it was taken for one. */
export interface UncheckedSql {
  /** Display name: "ClickHouse". */
  dialect: string;
  /** Why, said after "because": `it has a MergeTree table engine`. */
  reason: string;
}

export interface SqlSource {
  dialect: SqlDialect;
  statements: SqlStatement[];
  comments: SqlComment[];
  /**
   * Set when the file is written for a dialect no parser of deploylint reads (ClickHouse, …): it is
   * left alone, `statements` and `comments` are empty and `dialect` means nothing.
   */
  unchecked?: UncheckedSql;
}

export interface ScriptSource {
  program: TSESTree.Program;
  comments: TSESTree.Comment[];
}

export interface YamlSource {
  documents: Document.Parsed[];
}

export interface JsonSource {
  /** The parsed value (JSON.parse semantics). */
  value: unknown;
  /** The same text as a YAML document, for node ranges. */
  document: Document.Parsed;
}

export interface DotenvEntry {
  key: string;
  /** The value as dotenv would load it (quotes removed, escapes applied). */
  value: string;
  /** The raw text after `=` up to the end of the value (quotes included, inline comment excluded). */
  rawValue: string;
  quote: '"' | "'" | "`" | null;
  exported: boolean;
  /** 1-based line of the key. */
  line: number;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
  /** Comment lines directly above the entry (no blank line between), without their `#`. */
  comments: string[];
  inlineComment: string | null;
}

export type DotenvLineKind = "blank" | "comment" | "entry" | "continuation" | "invalid";

export interface DotenvLine {
  line: number;
  kind: DotenvLineKind;
  text: string;
}

export interface DotenvSource {
  entries: DotenvEntry[];
  lines: DotenvLine[];
}

export interface SourceMap {
  sql: SqlSource;
  script: ScriptSource;
  yaml: YamlSource;
  json: JsonSource;
  dotenv: DotenvSource;
  markdown: { text: string };
  text: { text: string };
  binary: BinaryFile;
}

/** What a rule learns of a binary file: where it is and how big, never its bytes. */
export interface BinaryFile {
  path: string;
  /** Size in bytes. */
  size: number;
}

export interface SourceFileInfo {
  /** Path relative to the working directory, with `/` separators. */
  path: string;
  /** "text" for files no parser claims (Dockerfile, shell, TOML, …). */
  kind: SourceKind;
  text: string;
  lines: LineIndex;
}

// ---- reporting ------------------------------------------------------------------------------

/** Where a finding points: offsets into the file, positions, or nothing (line 1 of the file). */
export type ReportLocation =
  | { range: OffsetRange }
  | { start: Position; end?: Position }
  | { line: number; column?: number; endLine?: number; endColumn?: number };

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** The `{{name}}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? Trim<P> | Placeholders<Rest>
  : never;

/**
 * An edit `--fix` applies: replace a range of a file, or append to the end of a file (created
 * when missing). `file` defaults to the finding's own file.
 */
export type Fix = { file?: string; range: OffsetRange; text: string } | { file?: string; append: string };

export type MessageData<T extends string> = [Placeholders<T>] extends [never]
  ? { data?: Record<string, never> }
  : { data: Record<Placeholders<T>, string | number> };

/** What a rule reports about one message id `K` (a union of ids needs the placeholders of all of them). */
export type MessageDescriptor<M extends Record<string, string>, K extends keyof M & string> = {
  messageId: K;
  /** Overrides the rule's `meta.help` for this finding. */
  help?: string;
  /**
   * Text that identifies the finding for its fingerprint instead of the span's text. For a secret,
   * name the key or detector: never the value, nor any hash of it (a dictionary confirms those).
   */
  fingerprintText?: string;
  /** Lowers the configured severity for this finding, never raises it (a down section at info, a test fixture at warn). */
  severity?: "warn" | "info";
  /** A safe, mechanical edit that resolves the finding, applied by `deploylint --fix` (rules with `meta.fixable`). */
  fix?: Fix;
} & MessageData<M[K]> &
  ReportLocation;

/** Any report a rule with messages `M` can make: one member per message id, each with its own placeholders. */
export type ReportDescriptor<M extends Record<string, string>> = {
  [K in keyof M & string]: MessageDescriptor<M, K>;
}[keyof M & string];

// ---- rules ----------------------------------------------------------------------------------

export type JSONSchema = Record<string, unknown>;

/**
 * A text test run before a file is parsed: a regular expression (any match passes) or a function
 * of the text, the rule's options (an extractor's get `undefined`), the file's path and the settings
 * in effect for the file.
 */
export type TextPrefilter<O = undefined> =
  | RegExp
  | { bivariant(text: string, options: O, path: string, settings: Settings): boolean }["bivariant"];

/** Prefilters by kind (see RuleMeta.prefilter). */
export type Prefilters<O = undefined> = Partial<Record<SourceKind, TextPrefilter<O>>>;

export interface RuleMeta<M extends Record<string, string>, O> {
  description: string;
  /** The kinds of files the rule reads; "text" means every file. */
  kinds: SourceKind[];
  /**
   * Severity in each shipped preset; "off" keeps the rule out of it. `strategy` is the opt-in preset
   * of the deployment-strategy packs (pipeline, rollout, strategy-docs): their rules judge a
   * repository against a strategy it has to adopt first, so they are `off` in `recommended` (a
   * zero-config run must not fail a project for not following our pipeline) and set here instead.
   */
  presets: { recommended: Severity; strict: Severity; strategy?: Severity };
  /**
   * Options a shipped preset sets with the severity (the generated preset then holds `[severity,
   * options]`), for a rule whose stricter checks are opt-in options rather than a separate rule.
   */
  presetOptions?: { recommended?: O; strict?: O; strategy?: O };
  messages: M;
  /** What to do instead; shown under the message. */
  help?: string;
  /** The rule attaches `fix` edits that `deploylint --fix` may apply. */
  fixable?: boolean;
  /** JSON Schema of the options object (ajv-validated when the config is loaded). */
  options?: JSONSchema;
  defaultOptions?: O;
  /**
   * Checks the schema cannot express, run when the config is loaded (e.g. that a user's regular
   * expression compiles and cannot backtrack catastrophically). Returns the problem, or null.
   */
  checkOptions?: (options: O) => string | null;
  docs?: { url?: string };
  /** Languages the rule parses out of string literals (SQL in an ORM migration): their parsers are loaded for it. */
  embeds?: "sql"[];
  /**
   * Cheap tests of a file's text, per kind, that a file of that kind must pass before the rule is
   * created for it. A file failing its kind's test is skipped as if `create` had returned null, so
   * it is never parsed for this rule; kinds without a test, and rules without a prefilter, get
   * every routed file. A test must be a necessary condition of a finding (it may let through
   * files that give none, never hold back one that would). A function also gets the rule's options,
   * the file's path and the settings in effect for it (a pack's own settings may say which files
   * are its business, as migrations.paths does).
   */
  prefilter?: Prefilters<NoInfer<O>>;
  /**
   * The rule's findings point at secret values: their fingerprints come from `fingerprintText`
   * (the key or detector) or the message id, never from the span's text, which holds the value.
   */
  reportsSecrets?: boolean;
}

export interface Settings {
  readonly [section: string]: unknown;
}

export interface FileRuleContext<M extends Record<string, string>, O> {
  /** Full id, e.g. "migrations/no-drop-column". */
  readonly id: string;
  readonly file: SourceFileInfo;
  readonly options: O;
  readonly settings: Settings;
  /** Parse the file as `kind` (at most once per file, shared by every rule). Throws on kinds other than the file's own. */
  source<K extends keyof SourceMap>(kind: K): SourceMap[K];
  /** A per-file value computed once and shared by every rule and extractor of the run. */
  memo<T>(key: string, compute: () => T): T;
  /**
   * Parses SQL embedded in this file (a string literal starting at `offset`): statement and
   * syntax-tree ranges are file offsets. Null when no enabled rule declared `embeds: ["sql"]`.
   */
  parseEmbedded(kind: "sql", text: string, offset: number): SqlSource | null;
  /**
   * The text of another file of the repository that decides how this one is judged (diesel's
   * metadata.toml beside up.sql): a path relative to this file's folder, or to the working
   * directory when it starts with "/". Null when it is absent, unreadable or outside the
   * working directory. The engine records what was read, so a cached result is reused only
   * while the companion is unchanged.
   */
  companion(path: string): string | null;
  report(descriptor: ReportDescriptor<M>): void;
  /** The same with a message id chosen at run time (a union): data must cover every candidate's placeholders. */
  report<K extends keyof M & string>(descriptor: MessageDescriptor<M, K>): void;
}

/** Visitors a file rule returns. `file` is called once for every routed file. */
export interface FileVisitors {
  file?(file: SourceFileInfo): void;
  sql?(source: SqlSource): void;
  statement?(statement: SqlStatement, source: SqlSource): void;
  script?(source: ScriptSource): void;
  yaml?(source: YamlSource): void;
  json?(source: JsonSource): void;
  dotenv?(source: DotenvSource): void;
  entry?(entry: DotenvEntry, source: DotenvSource): void;
  markdown?(source: { text: string }): void;
  text?(text: string): void;
  /** A binary file (kind "binary"): its path and size; its text is empty. */
  binary?(file: BinaryFile): void;
  /** ESTree node visitors for scripts, keyed by node type (one shared walk for all rules). */
  [nodeType: string]: ((...args: never[]) => void) | undefined;
}

export interface FileRule<M extends Record<string, string> = Record<string, string>, O = unknown> {
  id: string;
  scope?: "file";
  meta: RuleMeta<M, O>;
  /** Called for each routed file; return null to skip the file before anything is parsed. */
  create(context: FileRuleContext<M, O>): FileVisitors | null;
}

// ---- facts and project rules ----------------------------------------------------------------

/** A plain-JSON value: what an extractor emits and a project rule reads. */
export type Fact = null | boolean | number | string | Fact[] | { [key: string]: Fact };

export interface ExtractorContext {
  readonly file: SourceFileInfo;
  readonly settings: Settings;
  source<K extends keyof SourceMap>(kind: K): SourceMap[K];
  memo<T>(key: string, compute: () => T): T;
  /**
   * The text of another file of the repository that decides how this one is judged (diesel's
   * metadata.toml beside up.sql): a path relative to this file's folder, or to the working
   * directory when it starts with "/". Null when it is absent, unreadable or outside the
   * working directory. The engine records what was read, so a cached result is reused only
   * while the companion is unchanged.
   */
  companion(path: string): string | null;
  /**
   * A keyed hash of a secret value (HMAC-SHA256 under the run's key, kept beside the cache or
   * random per run): equal values give equal hashes across the run and its cache, and nobody
   * without the key can confirm a guessed value from it. The only form of a value a fact may hold.
   */
  hashSecret(value: string): string;
  emit(data: Fact): void;
}

export interface Extractor {
  /** Fact type, e.g. "env-usage"; project rules ask for it by this name. */
  id: string;
  kinds: SourceKind[];
  /** Text tests a file must pass before the extractor is created for it (see RuleMeta.prefilter). */
  prefilter?: Prefilters;
  /**
   * A condition on the whole run, decided once before any file is linted: when it is false the
   * extractor is created for no file (its files are not parsed for it). For facts that no rule can
   * use unless another file exists (the ladder's values without its manifest). It must be a
   * necessary condition of any finding its facts lead to. The run's cache is keyed by the outcome.
   */
  runsWhen?(run: RunScope): boolean;
  /**
   * Loads what create() needs that is slow to load (a parser), awaited before the first file of
   * one of `kinds` is linted: a run that reads no such file, or has every one cached, loads nothing.
   */
  load?(): Promise<void>;
  create(context: ExtractorContext): FileVisitors | null;
}

/** What an extractor's `runsWhen` sees of a run: every file's path and the settings each file gets. */
export interface RunScope {
  /** Every file of the run (relative paths), whatever part of it this process lints (a shard). */
  readonly files: readonly string[];
  settingsFor(path: string): Settings;
}

export interface FactRecord<T = Fact> {
  file: string;
  data: T;
}

export interface ChangeSet {
  base: string;
  added: string[];
  modified: string[];
  deleted: string[];
}

export interface ProjectRuleContext<M extends Record<string, string>, O> {
  readonly id: string;
  readonly options: O;
  readonly settings: Settings;
  /** Every file of the run (relative paths). */
  readonly files: readonly string[];
  /** With --changed-since / --staged: what the change touched; null otherwise. */
  readonly changes: ChangeSet | null;
  /**
   * The severity the resolved config gives each loaded rule, by full id, at the repository level
   * (presets and base config; file overrides and --only not applied): for a rule that holds what
   * a document promises against what the config enforces.
   */
  readonly ruleSeverities: Readonly<Record<string, Severity>>;
  facts<T = Fact>(type: string): FactRecord<T>[];
  /** Project findings name their file (relative path, as in `files`). */
  report(descriptor: ReportDescriptor<M> & { file: string }): void;
  report<K extends keyof M & string>(descriptor: MessageDescriptor<M, K> & { file: string }): void;
}

export interface ProjectRuleMeta<M extends Record<string, string>, O> extends RuleMeta<M, O> {
  /** The fact types the rule reads. */
  facts: string[];
  /**
   * "fact-files": every finding lands on a file that emitted one of `facts` (or on a file the
   * change deleted). A --staged or --changed-since run whose files emitted none of them, and that
   * deletes nothing, then skips the rule: its findings could only fall outside the change. The
   * engine holds the rule to it in every run: a finding elsewhere is an internal error.
   */
  reportsOn?: "fact-files";
}

export interface ProjectRule<M extends Record<string, string> = Record<string, string>, O = unknown> {
  id: string;
  scope: "project";
  meta: ProjectRuleMeta<M, O>;
  check(context: ProjectRuleContext<M, O>): void;
}

// The erased form the engine stores rules in. Each rule is typed precisely where it is written
// (defineRule infers its messages and options); a collection of rules with different message
// maps and option types can only be held with the type parameters erased.
// biome-ignore lint/suspicious/noExplicitAny: type erasure for heterogeneous rule collections, never seen by a rule.
export type Rule = FileRule<any, any> | ProjectRule<any, any>;

// ---- packs ----------------------------------------------------------------------------------

export type RuleSetting = Severity | [Severity] | [Severity, unknown];

export interface PackConfig {
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
}

export interface Pack {
  /** Prefix of every rule id in the pack, e.g. "migrations". */
  name: string;
  rules: Rule[];
  extractors?: Extractor[];
  /** Named configs users can extend as "<pack>/<name>". */
  configs?: Record<string, PackConfig>;
  /**
   * Names the SQL dialect of a file from framework hints when the config does not (Prisma's
   * migration_lock.toml, a Drizzle config): "postgresql", "mysql", "mariadb", "sqlite" or an
   * alias of one; null when the pack has no opinion. Folder names (migrations/mysql/) come after.
   */
  sqlDialect?: (file: SqlDialectContext) => string | null;
  /**
   * JSON Schema of each `settings` section the pack reads, keyed by section ("migrations",
   * "envDocs", …). The config loader validates those sections with it, like rule options; a
   * string property marked `"deploylintPath": true` must name a file or folder that exists.
   */
  settingsSchema?: Record<string, JSONSchema>;
  /**
   * The files the pack is responsible for, by path (relative, `/`-separated) under the file's
   * settings. While any of the pack's rules is enabled, such a file is read even above
   * maxFileSize, and one that cannot be read or decoded is a core/file-not-checked finding
   * instead of a quiet skip: a gate that could not look does not pass.
   */
  owns?: (path: string, settings: Settings) => boolean;
}

export interface SqlDialectContext {
  readonly path: string;
  readonly text: string;
  readonly settings: Settings;
  /** As FileRuleContext.companion: read another file, recorded for the cache. */
  companion(path: string): string | null;
}
