// Test helper for the change-set rules: runs a project rule's check over migration facts built by
// the real extractor path, with a change set (the RuleTester has no --changed-since).
import type { ChangeSet, FactRecord, ProjectRule } from "@deploylint/core/rule-api";
import { createLineIndex, loadPostgresParser, parseScript, parseSql } from "@deploylint/core/sources";
import { buildMigration, buildScriptMigration, type MigrationFact, migrationFact } from "../src/model/index.js";

// PostgreSQL's grammar loads asynchronously, once, before any statement is parsed.
await loadPostgresParser();

function factOf(path: string, text: string): MigrationFact | null {
  const lines = createLineIndex(text);
  if (path.endsWith(".sql")) {
    const migration = buildMigration({ path, text, source: parseSql(text, "postgresql"), settings: {} });
    return migration === null ? null : migrationFact(migration, lines);
  }
  const migration = buildScriptMigration({
    path,
    text,
    settings: {},
    program: () => {
      const parsed = parseScript(text, path);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.source.program;
    },
  });
  return migration === null ? null : migrationFact(migration, lines);
}

export interface Reported {
  messageId: string;
  file: string;
  line: number;
  data: Record<string, unknown>;
}

export function checkChanges(options: {
  // biome-ignore lint/suspicious/noExplicitAny: a rule of any message map, as the engine holds them.
  rule: ProjectRule<any, any>;
  files: Record<string, string>;
  changes: Omit<ChangeSet, "base"> | null;
  options?: unknown;
  settings?: Record<string, unknown>;
}): Reported[] {
  const records: FactRecord<MigrationFact>[] = Object.entries(options.files).flatMap(([path, text]) => {
    const data = factOf(path, text);
    return data === null ? [] : [{ file: path, data }];
  });
  const reported: Reported[] = [];
  options.rule.check({
    id: `migrations/${options.rule.id}`,
    options: options.options ?? options.rule.meta.defaultOptions,
    settings: options.settings ?? {},
    files: Object.keys(options.files),
    changes: options.changes === null ? null : { base: "origin/main", ...options.changes },
    facts: <T>() => records as unknown as FactRecord<T>[],
    report(descriptor: { messageId: string; file: string; line?: number; data?: Record<string, unknown> }) {
      reported.push({
        messageId: descriptor.messageId,
        file: descriptor.file,
        line: descriptor.line ?? 1,
        data: descriptor.data ?? {},
      });
    },
  } as never);
  return reported;
}
