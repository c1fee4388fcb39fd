// The project phase: project rules over the facts every file emitted (never re-parsing a file).
import type { ChangeSet, FactRecord, Severity } from "../rule-api/types.js";
import { createLineIndex } from "../sources/line-index.js";
import { hashText } from "./fingerprint.js";
import { formatMessage } from "./format-message.js";
import type { FileResult, RawFinding } from "./lint-file.js";
import { type AnyDescriptor, capSeverity, RuleCrash, resolveFix, withFix } from "./lint-file.js";
import { resolveLocation } from "./location.js";
import type { ActiveProjectRule } from "./planner.js";

export function runProjectPhase(options: {
  rules: ActiveProjectRule[];
  results: FileResult[];
  files: string[];
  changes: ChangeSet | null;
  settings: Record<string, unknown>;
  severityFor: (ruleId: string, path: string) => Severity;
  /** The base config's severity of every loaded rule (ProjectRuleContext.ruleSeverities). */
  ruleSeverities: Readonly<Record<string, Severity>>;
  /** Reads a file's text when a project finding points at offsets (rare; positions need no text). */
  readText: (path: string) => string | null;
  /** Called with each rule's time, for --debug. */
  timed?: (ruleId: string, milliseconds: number) => void;
  /** The files whose findings the run keeps (--staged, --changed-since); null or absent: every file. */
  lintPaths?: ReadonlySet<string> | null;
}): RawFinding[] {
  const { rules, results, files, changes, settings, severityFor, readText } = options;
  const lintPaths = options.lintPaths ?? null;
  const deleted = new Set(changes?.deleted ?? []);
  const factsByType = new Map<string, FactRecord[]>();
  for (const result of results) {
    for (const fact of result.facts) {
      const list = factsByType.get(fact.type) ?? [];
      list.push({ file: result.file, data: fact.data });
      factsByType.set(fact.type, list);
    }
  }
  const findings: RawFinding[] = [];
  const texts = new Map<string, string | null>();
  const textOf = (path: string) => {
    if (!texts.has(path)) texts.set(path, readText(path));
    return texts.get(path) ?? "";
  };

  const factFilesByTypes = new Map<string, Set<string>>();
  const factFilesOf = (types: string[]): Set<string> => {
    const key = types.join("\0");
    let set = factFilesByTypes.get(key);
    if (!set) {
      set = new Set(types.flatMap((type) => (factsByType.get(type) ?? []).map((record) => record.file)));
      factFilesByTypes.set(key, set);
    }
    return set;
  };

  for (const active of rules) {
    const meta = active.rule.meta;
    const factFiles = meta.reportsOn === "fact-files" ? factFilesOf(meta.facts) : null;
    // A migrations rule in a commit that touches no migration: every finding it could make would
    // be dropped below. Its facts are still read from every file, so nothing else changes.
    if (factFiles && lintPaths && deleted.size === 0 && !someIn(lintPaths, factFiles)) continue;
    const started = performance.now();
    try {
      active.rule.check({
        id: active.id,
        options: active.options,
        settings,
        files,
        changes,
        ruleSeverities: options.ruleSeverities,
        facts: <T>(type: string) => (factsByType.get(type) ?? []) as FactRecord<T>[],
        report(descriptor: AnyDescriptor & { file: string }) {
          if (factFiles && !factFiles.has(descriptor.file) && !deleted.has(descriptor.file))
            throw new Error(
              `it reported on ${descriptor.file}, which emitted none of its facts (${meta.facts.join(", ")}), though its meta.reportsOn is "fact-files"`,
            );
          const severity = severityFor(active.id, descriptor.file);
          if (severity === "off") return;
          const text = "range" in descriptor ? textOf(descriptor.file) : "";
          const lines = createLineIndex(text);
          const range =
            "range" in descriptor || "start" in descriptor || "line" in descriptor
              ? resolveLocation(descriptor, lines, "range" in descriptor ? text.length : Number.MAX_SAFE_INTEGER)
              : null;
          const start = range ? positionOf(descriptor, lines, range.start, "start") : { line: 1, column: 1 };
          const end = range ? positionOf(descriptor, lines, range.end, "end") : start;
          const message = formatMessage(
            active.rule.meta.messages[descriptor.messageId] ?? descriptor.messageId,
            descriptor.data as Record<string, string | number> | undefined,
          );
          const help = descriptor.help ?? active.rule.meta.help;
          findings.push({
            ruleId: active.id,
            severity: capSeverity(severity, descriptor.severity),
            message,
            ...(help ? { help } : {}),
            file: descriptor.file,
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            // Messages name keys, never values; a secrets rule's is still kept out (see fingerprintSource).
            spanHash: hashText(
              descriptor.fingerprintText ?? (active.rule.meta.reportsSecrets ? descriptor.messageId : message),
            ),
            ...withFix(resolveFix({ fix: descriptor.fix, file: descriptor.file, fixable: active.rule.meta.fixable })),
          });
        },
      });
    } catch (error) {
      if (error instanceof RuleCrash) throw error;
      throw new RuleCrash(active.id, "(project)", error);
    }
    options.timed?.(active.id, performance.now() - started);
  }
  return findings;
}

function someIn(paths: ReadonlySet<string>, within: ReadonlySet<string>): boolean {
  for (const path of paths) if (within.has(path)) return true;
  return false;
}

// Positions given as line/column are taken as they are (no text needed); offsets go through the index.
function positionOf(
  descriptor: object,
  lines: ReturnType<typeof createLineIndex>,
  offset: number,
  which: "start" | "end",
): { line: number; column: number } {
  if ("line" in descriptor) {
    const d = descriptor as { line: number; column?: number; endLine?: number; endColumn?: number };
    return which === "start"
      ? { line: d.line, column: d.column ?? 1 }
      : { line: d.endLine ?? d.line, column: d.endColumn ?? d.column ?? 1 };
  }
  if ("start" in descriptor) {
    const d = descriptor as { start: { line: number; column: number }; end?: { line: number; column: number } };
    return which === "start" ? d.start : (d.end ?? d.start);
  }
  return lines.positionAt(offset);
}
