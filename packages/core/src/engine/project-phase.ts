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
}): RawFinding[] {
  const { rules, results, files, changes, settings, severityFor, readText } = options;
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

  for (const active of rules) {
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
