// The pack's extractors: per-file code that turns the manifest, env files, platform files, CI
// workflows and flag reads in code into facts for the ladder's project rules.
import {
  defineExtractor,
  type Fact,
  type FileVisitors,
  type LineIndex,
  type RunScope,
  type Settings,
  type TSESTree,
} from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import { describeValue } from "./extract/classify-value.js";
import { environmentOfPath, isTemplatePath } from "./extract/env-file-name.js";
import { callsFlagFunction, flagFunctions, flagRead } from "./extract/flag-reads.js";
import { manifestFact } from "./extract/manifest-fact.js";
import { CI_JOB_FACT, FLAG_READ_FACT, MANIFEST_FACT, VALUES_FACT, type ValuesFact } from "./facts.js";
import { isManifestFile } from "./manifest.js";
import { isGithubWorkflow, isGitlabCi, readCiJobs } from "./readers/ci-jobs.js";
import { isPlatformYamlPath, readPlatformText, readPlatformYaml } from "./readers/platforms.js";
import { TomlError } from "./readers/toml.js";
import { isVercelFile, readVercel } from "./readers/vercel.js";

// Facts are plain JSON by construction; the interfaces only lack Fact's index signature.
const asFact = (value: object): Fact => value as unknown as Fact;

/**
 * Whether the run holds a ladder manifest. Every ladder rule returns before reading the values,
 * CI-job and flag-read facts when there is no manifest fact (readLadder), and no other pack reads
 * them: without a manifest those extractors parse workflows and platform files for nothing (31 of
 * hatchet's 35 YAML parses). Each is gated here rather than in its rule, because one rule per file
 * cannot see whether another file exists; the manifest extractor itself always runs.
 */
function hasManifest(run: RunScope): boolean {
  return run.files.some((path) => isManifestFile(path, run.settingsFor(path)));
}

export const manifestExtractor = defineExtractor({
  id: MANIFEST_FACT,
  kinds: ["yaml", "json"],
  create(context) {
    if (!isManifestFile(context.file.path, context.settings)) return null;
    const emit = (document: Document | undefined) => {
      if (document) context.emit(asFact(manifestFact(document, context.file.lines)));
    };
    return {
      yaml: (source) => emit(source.documents[0]),
      json: (source) => emit(source.document),
    };
  },
});

export const valuesExtractor = defineExtractor({
  id: VALUES_FACT,
  runsWhen: hasManifest,
  kinds: ["dotenv", "yaml", "json", "text"],
  create(context) {
    // `lines` is read only once a file gives values: the line index is built on first read, and
    // this extractor sees every text file (logto: 7,585 indexes built for nothing, ~80 ms).
    const { path, kind } = context.file;
    const emitAll = (facts: ValuesFact[]) => {
      for (const fact of facts) context.emit(asFact(fact));
    };
    if (kind === "dotenv") {
      if (isTemplatePath(path)) return null;
      return {
        dotenv(source) {
          const { lines } = context.file;
          const entries = source.entries.map((entry) => {
            const start = lines.positionAt(entry.keyRange.start);
            const end = lines.positionAt(entry.keyRange.end);
            return describeValue({
              key: entry.key,
              value: entry.value,
              ...start,
              endLine: end.line,
              endColumn: end.column,
            });
          });
          emitAll([{ source: "dotenv", environment: environmentOfPath(path), entries }]);
        },
      };
    }
    if (kind === "yaml") {
      const isCi = isGithubWorkflow(path) || isGitlabCi(path);
      if (!isCi && !isPlatformYamlPath(path)) return null;
      return {
        yaml(source) {
          const document = source.documents[0];
          if (!document) return;
          if (isCi) emitAll(ciJobsOf(context, document).values);
          // Kustomize patches and helm charts may hold several documents.
          else
            for (const each of source.documents)
              emitAll(readPlatformYaml({ path, document: each, lines: context.file.lines }));
        },
      };
    }
    if (kind === "json")
      return isVercelFile(path) ? { json: (source) => emitAll(readVercel(source.document, context.file.lines)) } : null;
    if (kind !== "text" || !path.endsWith(".toml")) return null;
    return {
      text(text) {
        try {
          emitAll(readPlatformText(path, text));
        } catch (error) {
          // A TOML file beyond the reader's subset is skipped: the ladder judges what it can read.
          if (!(error instanceof TomlError)) throw error;
        }
      },
    } satisfies FileVisitors;
  },
});

export const ciJobExtractor = defineExtractor({
  id: CI_JOB_FACT,
  runsWhen: hasManifest,
  kinds: ["yaml"],
  create(context) {
    const { path } = context.file;
    if (!isGithubWorkflow(path) && !isGitlabCi(path)) return null;
    return {
      yaml(source) {
        const document = source.documents[0];
        if (!document) return;
        for (const job of ciJobsOf(context, document).jobs) context.emit(asFact(job));
      },
    };
  },
});

export const flagReadExtractor = defineExtractor({
  id: FLAG_READ_FACT,
  runsWhen: hasManifest,
  kinds: ["script"],
  create(context) {
    const functions = flagFunctions(context.settings);
    // The text prefilter keeps files that call no flag function from being parsed.
    if (!callsFlagFunction(context.file.text, functions)) return null;
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const read = flagRead({ node, functions, lines: context.file.lines });
        if (read) context.emit(asFact(read));
      },
    };
  },
});

/**
 * A CI file's jobs and values, read once per file: the values and ci-job extractors both need
 * them, and reading every step's script against the command table is most of their cost.
 */
function ciJobsOf(
  context: { file: { path: string; lines: LineIndex }; settings: Settings; memo<T>(key: string, compute: () => T): T },
  document: Document,
): ReturnType<typeof readCiJobs> {
  return context.memo("env-ladder:ci-jobs", () =>
    readCiJobs({ path: context.file.path, document, lines: context.file.lines, settings: context.settings }),
  );
}

export const extractors = [manifestExtractor, valuesExtractor, ciJobExtractor, flagReadExtractor];
