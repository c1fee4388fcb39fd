// The per-file phase: route one file to the rules and extractors that want its kind, parse it at
// most once (only if a visitor needs the tree), run the visitors, and return plain-JSON results
// (findings, facts, suppression directives) that survive a worker boundary or a cache.
import type { ResolvedFix } from "../findings.js";
import { hashSecret } from "../rule-api/mask.js";
import type {
  Extractor,
  Fact,
  FileRule,
  FileVisitors,
  Fix,
  LineIndex,
  MessageDescriptor,
  ReportedSeverity,
  Settings,
  SourceFileInfo,
  SourceMap,
  SqlDialect,
  SqlDialectContext,
  SqlSource,
} from "../rule-api/types.js";
import { classifyPath } from "../sources/classify.js";
import { createLineIndex } from "../sources/line-index.js";
import { isParsedKind, type ParserSet } from "../sources/registry.js";
import { dialectFromAlias, resolveSqlDialect } from "../sources/sql/dialect.js";
import { isStackOverflow, nestedTooDeeplyFor } from "../sources/too-deep.js";
import { type CompanionKeys, type CompanionReader, companionPath, keyOf } from "./companions.js";
import { PARSE_ERROR_ID } from "./core-rules.js";
import { fingerprintSource, hashText, normaliseSpan } from "./fingerprint.js";
import { formatMessage } from "./format-message.js";
import { resolveLocation } from "./location.js";
import { passesPrefilter } from "./prefilter.js";
import type { Stopwatch } from "./stopwatch.js";
import { type Directive, parseDirectives } from "./suppressions.js";
import { walkScript } from "./walk-script.js";

/** A report as the engine receives it, whatever the rule's message ids. */
export type AnyDescriptor = MessageDescriptor<Record<string, string>, string>;

export interface ActiveFileRule {
  id: string;
  rule: FileRule;
  severity: ReportedSeverity;
  options: unknown;
}

export interface FilePlan {
  rules: ActiveFileRule[];
  extractors: Extractor[];
  settings: Settings;
  /** Severity of deploylint/parse-error for this file ("off" drops those findings). */
  parseErrorSeverity: ReportedSeverity | "off";
  /** Severity of core/file-not-checked for this file ("off": an unreadable owned file is skipped). */
  fileNotCheckedSeverity: ReportedSeverity | "off";
  /** Packs with at least one file rule enabled for this file (Pack.owns counts only for those). */
  activePacks: ReadonlySet<string>;
  /** The packs' SQL dialect hints (Pack.sqlDialect), asked when the config names no dialect. */
  sqlDialectHints: ((file: SqlDialectContext) => string | null)[];
}

/** A finding before suppressions and fingerprints: position resolved, span hashed. */
export interface RawFinding {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  help?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Hash of the normalised span text (or of the rule's fingerprintText). */
  spanHash: string;
  fix?: ResolvedFix;
}

/** A rule's fix with its file made explicit; fixes of rules not marked fixable are dropped. */
export function resolveFix(options: {
  fix: Fix | undefined;
  file: string;
  fixable: boolean | undefined;
}): ResolvedFix | undefined {
  const { fix, file, fixable } = options;
  if (!fix || !fixable) return undefined;
  return "append" in fix
    ? { file: fix.file ?? file, append: fix.append }
    : { file: fix.file ?? file, range: fix.range, text: fix.text };
}

export interface FileResult {
  file: string;
  findings: RawFinding[];
  facts: { type: string; data: Fact }[];
  directives: Directive[];
  /** Ids of the rules that ran on this file, kept only when it has directives to judge. */
  ranRules: string[];
  /** Companion files the result depends on (absent when none was read). */
  companions?: CompanionKeys;
  /** Why the file, or SQL in it, was left alone (a dialect no parser reads): printed under --debug. */
  notes?: string[];
}

class ParseFailure extends Error {
  constructor(
    readonly kind: string,
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** A source asked for whose parser the run did not load (no enabled rule wanted that kind). */
class MissingParser extends Error {
  constructor(kind: string) {
    super(`No parser was loaded for ${kind}; the run did not plan for it.`);
  }
}

/** A rule or extractor threw: an internal error that must fail the run (exit 2), not vanish. */
export class RuleCrash extends Error {
  constructor(
    readonly ruleId: string,
    readonly file: string,
    readonly original: unknown,
  ) {
    const detail = original instanceof Error ? original.message : String(original);
    super(`Rule ${ruleId} crashed on ${file}: ${detail}`);
  }
}

interface Subscriber {
  id: string;
  visitors: FileVisitors;
}

export function lintFile(options: {
  path: string;
  text: string;
  /** Size in bytes of a binary-kind file (whose text is empty); the text's length otherwise. */
  size?: number;
  plan: FilePlan;
  parsers: ParserSet;
  readCompanion: CompanionReader;
  /** The run's key for ctx.hashSecret (see FileCache.secretKey). */
  secretKey: string;
  /** Given with --debug: each rule's, extractor's and parser's time goes to it. */
  stopwatch?: Stopwatch;
}): FileResult {
  const { path, text, plan, parsers, stopwatch } = options;
  const kind = classifyPath(path);
  let lines: LineIndex | undefined;
  const info: SourceFileInfo = {
    path,
    kind,
    text,
    get lines() {
      lines ??= createLineIndex(text);
      return lines;
    },
  };
  const findings: RawFinding[] = [];
  const facts: FileResult["facts"] = [];
  const memo = new Map<string, unknown>();
  const companionKeys: CompanionKeys = {};
  let companionsRead = false;
  const companion = (requested: string): string | null => {
    const target = companionPath(path, requested);
    if (target === null) return null;
    const companionText = options.readCompanion(target);
    companionKeys[target] = keyOf(companionText);
    companionsRead = true;
    return companionText;
  };
  let sqlDialect: string | undefined | null = null;
  // The configured dialect, else the first pack hint that names a known one; undefined leaves
  // the choice to the folder names of the path.
  const dialectOf = (): string | undefined => {
    if (sqlDialect !== null) return sqlDialect;
    const configured = (plan.settings.migrations as { dialect?: string } | undefined)?.dialect;
    sqlDialect = configured;
    if (configured === undefined || configured === "") {
      sqlDialect = undefined;
      const context: SqlDialectContext = { path, text, settings: plan.settings, companion };
      for (const hint of plan.sqlDialectHints) {
        const named = hint(context);
        if (named !== null && dialectFromAlias(named) !== null) {
          sqlDialect = named;
          break;
        }
      }
    }
    return sqlDialect;
  };
  const notes = new Set<string>();
  // SQL of a dialect no parser reads is left alone on purpose; --debug says so, and why.
  const noteUnchecked = (sql: SqlSource): void => {
    if (sql.unchecked) notes.add(`SQL left alone: written for ${sql.unchecked.dialect} (${sql.unchecked.reason})`);
  };
  const parsed = new Map<string, { ok: true; source: unknown } | { ok: false; failure: ParseFailure }>();
  let parseErrorReported = false;

  const source = <K extends keyof SourceMap>(wanted: K): SourceMap[K] => {
    if (wanted === "text" || wanted === "markdown") return { text } as SourceMap[K];
    if (wanted !== kind) throw new Error(`${path} is ${kind}, not ${wanted}.`);
    let outcome = parsed.get(wanted);
    if (!outcome) {
      const parse = isParsedKind(wanted) ? parsers[wanted] : undefined;
      if (!parse) throw new MissingParser(wanted);
      const request = { text, path, sqlDialect: dialectOf() };
      const result = stopwatch ? stopwatch.time(`parse:${wanted}`, () => parse(request)) : parse(request);
      if (result.ok && wanted === "sql") noteUnchecked(result.source as SqlSource);
      outcome = result.ok
        ? { ok: true, source: result.source }
        : { ok: false, failure: new ParseFailure(wanted, result.error.offset, result.error.message) };
      parsed.set(wanted, outcome);
    }
    if (!outcome.ok) throw outcome.failure;
    return outcome.source as SourceMap[K];
  };
  // The parser moves every range it reports to the literal's offset, so they are file offsets.
  const parseEmbedded = (wanted: "sql", embedded: string, offset: number): SqlSource | null => {
    const parse = parsers[wanted];
    if (!parse) return null;
    const result = parse({ text: embedded, path, sqlDialect: dialectOf(), offset: Math.max(0, offset) });
    if (!result.ok) return null;
    noteUnchecked(result.source);
    return result.source;
  };
  // A memo is shared work (the migration model, the catalogue's matches): --debug charges it to
  // `memo:<key>`, not to whichever rule happened to ask first.
  const memoise = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, stopwatch ? stopwatch.time(`memo:${key}`, compute) : compute());
    return memo.get(key) as T;
  };

  const reportParseFailure = (failure: ParseFailure) => {
    if (parseErrorReported || plan.parseErrorSeverity === "off") return;
    parseErrorReported = true;
    const start = info.lines.positionAt(failure.offset);
    findings.push({
      ruleId: PARSE_ERROR_ID,
      severity: plan.parseErrorSeverity,
      message: formatMessage("This file does not parse as {{kind}}: {{message}}", {
        kind: failure.kind,
        message: firstLine(failure.message),
      }),
      help: "Fix the syntax error; until then no rule that reads this file's structure can judge it.",
      file: path,
      line: start.line,
      column: start.column,
      endLine: start.line,
      endColumn: start.column,
      spanHash: hashText(`${failure.kind}:${firstLine(failure.message)}`),
    });
  };

  // Runs a rule's or extractor's code; a parse failure becomes a finding, anything else a crash.
  const guarded = (id: string, work: () => void) => {
    try {
      if (stopwatch) stopwatch.time(id, work);
      else work();
    } catch (error) {
      if (error instanceof ParseFailure) reportParseFailure(error);
      else if (error instanceof RuleCrash) throw error;
      // A rule's own recursion over a file nested thousands deep: the file is unjudged, not the run.
      else if (isStackOverflow(error)) reportParseFailure(new ParseFailure(kind, 0, nestedTooDeeplyFor(id)));
      else throw new RuleCrash(id, path, error);
    }
  };

  const subscribers: Subscriber[] = [];
  const ranRules: string[] = [];
  const routed = routedFor(plan, kind);
  for (const active of routed.rules) {
    ranRules.push(active.id);
    // As if create() returned null: the rule ran on the file and found nothing to read.
    if (!passesPrefilter(active.rule.meta.prefilter, kind, { text, path }, active.options, plan.settings)) continue;
    guarded(active.id, () => {
      const visitors = active.rule.create({
        id: active.id,
        file: info,
        options: active.options,
        settings: plan.settings,
        source,
        memo: memoise,
        parseEmbedded,
        companion,
        report(descriptor: AnyDescriptor) {
          const range = resolveLocation(descriptor, info.lines, text.length);
          const start = info.lines.positionAt(range.start);
          const end = info.lines.positionAt(range.end);
          const help = descriptor.help ?? active.rule.meta.help;
          const message = formatMessage(
            active.rule.meta.messages[descriptor.messageId] ?? descriptor.messageId,
            descriptor.data as Record<string, string | number> | undefined,
          );
          const spanText = fingerprintSource({
            fingerprintText: descriptor.fingerprintText,
            reportsSecrets: active.rule.meta.reportsSecrets === true,
            kind,
            messageId: descriptor.messageId,
            message,
            spanText: () => text.slice(range.start, range.end),
          });
          findings.push({
            ruleId: active.id,
            severity: capSeverity(active.severity, descriptor.severity),
            message,
            ...(help ? { help } : {}),
            file: path,
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            spanHash: hashText(normaliseSpan(spanText)),
            ...withFix(resolveFix({ fix: descriptor.fix, file: path, fixable: active.rule.meta.fixable })),
          });
        },
      });
      if (visitors) subscribers.push({ id: active.id, visitors });
    });
  }
  for (const extractor of routed.extractors) {
    if (!passesPrefilter(extractor.prefilter, kind, { text, path }, undefined, plan.settings)) continue;
    const id = `extractor:${extractor.id}`;
    guarded(id, () => {
      const visitors = extractor.create({
        file: info,
        settings: plan.settings,
        source,
        memo: memoise,
        companion,
        hashSecret: (value) => hashSecret(value, options.secretKey),
        emit(data) {
          facts.push({ type: extractor.id, data });
        },
      });
      if (visitors) subscribers.push({ id, visitors });
    });
  }

  if (kind === "binary") {
    // Only the path and the size: a binary file's bytes are never read, so no rule can print them.
    const binary = { path, size: options.size ?? text.length };
    for (const { id, visitors } of subscribers) if (visitors.binary) guarded(id, () => visitors.binary?.(binary));
  } else dispatch({ subscribers, kind, info, source, guarded });

  const directives = text.includes(DIRECTIVE_MARKER) ? fileDirectives({ text, kind, source, dialectOf, path }) : [];
  // A file without directives needs no record of what ran; big runs hold a result per file.
  return {
    file: path,
    findings,
    facts,
    directives,
    ranRules: directives.length > 0 ? ranRules : [],
    ...(companionsRead ? { companions: companionKeys } : {}),
    ...(notes.size > 0 ? { notes: [...notes] } : {}),
  };
}

/** The file's suppression directives, read only from its real comments (the parser's, for a parsed script). */
function fileDirectives(options: {
  text: string;
  kind: SourceFileInfo["kind"];
  path: string;
  source: <K extends keyof SourceMap>(kind: K) => SourceMap[K];
  dialectOf: () => string | undefined;
}): Directive[] {
  const { text, kind, source } = options;
  return parseDirectives(text, kind, {
    sqlDialect: kind === "sql" ? sqlDialectOf(options.path, options.dialectOf()) : "postgresql",
    parsedScriptComments: () => {
      // A script no rule parsed, or one that does not parse, falls back to the comment scanner.
      try {
        return source("script").comments;
      } catch (error) {
        if (error instanceof ParseFailure || error instanceof MissingParser) return null;
        throw error;
      }
    },
  });
}

function sqlDialectOf(path: string, configured: string | undefined): SqlDialect {
  return (configured !== undefined && dialectFromAlias(configured)) || resolveSqlDialect(path);
}

/**
 * Lints one file as the run plans it (main thread and workers alike): a file outside `lintPaths`
 * (--staged, --changed-since) runs only its extractors, which feed the project rules.
 */
export function lintPlannedFile(options: {
  path: string;
  text: string;
  size?: number;
  planner: { planFile(path: string): FilePlan };
  lintPaths: ReadonlySet<string> | null;
  parsers: ParserSet;
  readCompanion: CompanionReader;
  secretKey: string;
  stopwatch?: Stopwatch;
}): FileResult {
  const plan = options.planner.planFile(options.path);
  const linted = options.lintPaths === null || options.lintPaths.has(options.path);
  return lintFile({
    path: options.path,
    text: options.text,
    ...(options.size !== undefined ? { size: options.size } : {}),
    plan: linted ? plan : { ...plan, rules: [] },
    parsers: options.parsers,
    readCompanion: options.readCompanion,
    secretKey: options.secretKey,
    ...(options.stopwatch ? { stopwatch: options.stopwatch } : {}),
  });
}

/** The directive marker (`deploylint-disable…`): a file without it has no directives. */
export const DIRECTIVE_MARKER = "deploylint-";

/**
 * Whether no rule or extractor of the plan gets this file (a file outside `lintPaths` runs only
 * extractors): lintFile then reads nothing but its directives, so a text without DIRECTIVE_MARKER
 * yields the empty result, and the run need not decode, hash or lint it.
 */
export function readsNothing(options: {
  path: string;
  planner: { planFile(path: string): FilePlan };
  lintPaths: ReadonlySet<string> | null;
}): boolean {
  const kind = classifyPath(options.path);
  // A binary file's bytes are never read anyway; its subscribers get only its size.
  if (kind === "binary") return false;
  const plan = options.planner.planFile(options.path);
  const linted = options.lintPaths === null || options.lintPaths.has(options.path);
  if (plan.extractors.some((extractor) => routes(extractor.kinds, kind))) return false;
  return !linted || !plan.rules.some((active) => routes(active.rule.meta.kinds, kind));
}

/** lintFile's result for a file that reads nothing and has no directives. */
export function emptyResult(path: string): FileResult {
  return { file: path, findings: [], facts: [], directives: [], ranRules: [] };
}

/** The rules and extractors of a plan that get files of one kind, in the plan's order. */
interface Routed {
  rules: ActiveFileRule[];
  extractors: Extractor[];
}

/**
 * Worked out once per plan and kind rather than for every file: a run has a handful of plans (one
 * per set of matching overrides) and kinds, and asking each rule and extractor whether it takes the
 * file's kind was a dozen array searches per file.
 */
const routedByPlan = new WeakMap<FilePlan, Map<SourceFileInfo["kind"], Routed>>();

function routedFor(plan: FilePlan, kind: SourceFileInfo["kind"]): Routed {
  let byKind = routedByPlan.get(plan);
  if (!byKind) {
    byKind = new Map();
    routedByPlan.set(plan, byKind);
  }
  let routed = byKind.get(kind);
  if (!routed) {
    routed = {
      rules: plan.rules.filter((active) => routes(active.rule.meta.kinds, kind)),
      extractors: plan.extractors.filter((extractor) => routes(extractor.kinds, kind)),
    };
    byKind.set(kind, routed);
  }
  return routed;
}

/** Whether a rule or extractor of these kinds gets a file of `kind`: "text" means every text file, never a binary one. */
function routes(kinds: readonly string[], kind: SourceFileInfo["kind"]): boolean {
  return kinds.includes(kind) || (kind !== "binary" && kinds.includes("text"));
}

function dispatch(options: {
  subscribers: Subscriber[];
  kind: SourceFileInfo["kind"];
  info: SourceFileInfo;
  source: <K extends keyof SourceMap>(kind: K) => SourceMap[K];
  guarded: (id: string, work: () => void) => void;
}): void {
  const { subscribers, kind, info, source, guarded } = options;
  for (const { id, visitors } of subscribers) {
    if (visitors.file) guarded(id, () => visitors.file?.(info));
    if (visitors.text) guarded(id, () => visitors.text?.(info.text));
  }
  switch (kind) {
    case "sql":
      for (const { id, visitors } of subscribers) {
        if (!visitors.sql && !visitors.statement) continue;
        guarded(id, () => {
          const sql = source("sql");
          visitors.sql?.(sql);
          if (visitors.statement) for (const statement of sql.statements) visitors.statement(statement, sql);
        });
      }
      break;
    case "dotenv":
      for (const { id, visitors } of subscribers) {
        if (!visitors.dotenv && !visitors.entry) continue;
        guarded(id, () => {
          const dotenv = source("dotenv");
          visitors.dotenv?.(dotenv);
          if (visitors.entry) for (const entry of dotenv.entries) visitors.entry(entry, dotenv);
        });
      }
      break;
    case "yaml":
    case "json":
    case "markdown":
      for (const { id, visitors } of subscribers) {
        const visit = visitors[kind] as ((source: unknown) => void) | undefined;
        if (visit) guarded(id, () => visit(source(kind)));
      }
      break;
    case "script":
      dispatchScript({ subscribers, source, guarded });
      break;
  }
}

function dispatchScript(options: {
  subscribers: Subscriber[];
  source: <K extends keyof SourceMap>(kind: K) => SourceMap[K];
  guarded: (id: string, work: () => void) => void;
}): void {
  const { subscribers, source, guarded } = options;
  let nodeVisitors: Map<string, { id: string; visit: (node: never) => void }[]> | null = null;
  for (const { id, visitors } of subscribers) {
    if (visitors.script) guarded(id, () => visitors.script?.(source("script")));
    // Asked of every subscriber of every script, most of which have one lower-case visitor: a
    // character test and no array of entries.
    for (const key in visitors) {
      // ESTree node types are PascalCase; the kind visitors above are lower-case.
      const code = key.charCodeAt(0);
      if (code < 65 || code > 90 || !Object.hasOwn(visitors, key)) continue;
      const visit = visitors[key as keyof FileVisitors];
      if (!visit) continue;
      nodeVisitors ??= new Map();
      const list = nodeVisitors.get(key) ?? [];
      list.push({ id, visit: visit as (node: never) => void });
      nodeVisitors.set(key, list);
    }
  }
  if (nodeVisitors === null) return;
  const byType = nodeVisitors;
  guarded("script-walk", () => {
    walkScript(source("script").program, (node) => {
      for (const { id, visit } of byType.get(node.type) ?? []) guarded(id, () => visit(node as never));
    });
  });
}

export function withFix(fix: ResolvedFix | undefined): { fix?: ResolvedFix } {
  return fix ? { fix } : {};
}

const RANK = { info: 0, warn: 1, error: 2 } as const;

/** A rule may lower its finding's severity (never raise it above what the config set). */
export function capSeverity(configured: ReportedSeverity, requested: ReportedSeverity | undefined): ReportedSeverity {
  return requested !== undefined && RANK[requested] < RANK[configured] ? requested : configured;
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n/, 1)[0] ?? message;
  return line.trim().replace(/\.?$/, ".");
}
