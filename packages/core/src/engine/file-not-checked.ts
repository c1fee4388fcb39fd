// What the engine does with a file it could not read, on the main thread, in a worker and in a
// cached run alike: a file a pack is responsible for becomes a core/file-not-checked finding, any
// other file is skipped quietly (listed under --debug), as a PNG should be.
import { HARD_MAX_BYTES, type ReadFailure, type ReadOptions } from "../discovery/read.js";
import type { SkippedFile } from "../findings.js";
import { classifyPath } from "../sources/classify.js";
import { FILE_NOT_CHECKED_HELP, FILE_NOT_CHECKED_ID, FILE_NOT_CHECKED_MESSAGE } from "./core-rules.js";
import { hashText } from "./fingerprint.js";
import { formatMessage } from "./format-message.js";
import type { FileResult } from "./lint-file.js";
import type { Planner } from "./planner.js";

/** How to read one file: a file in scope is read up to the hard ceiling and is expected to be text. */
export function readOptionsFor(options: { path: string; planner: Pick<Planner, "ownerOf">; maxFileSize: number }): {
  owner: string | null;
  read: Required<ReadOptions>;
} {
  const owner = options.planner.ownerOf(options.path);
  const kind = classifyPath(options.path);
  return {
    owner,
    read: {
      maxBytes: owner !== null ? Math.max(HARD_MAX_BYTES, options.maxFileSize) : options.maxFileSize,
      textExpected: owner !== null || kind !== "text",
      binary: kind === "binary",
    },
  };
}

const REASONS: Record<ReadFailure, string> = {
  unreadable: "it cannot be read",
  "too-large": "it is too large",
  "not-decodable": "it is not decodable as text",
  binary: "it is binary where text was expected",
  encrypted: "it is encrypted",
};

/** Discovery's reasons (walk.ts), said the way a finding's message needs them. */
const DISCOVERY_DETAILS: Record<string, string> = {
  "symlink-outside": "it is a link out of the working directory, which deploylint never follows",
  "broken-symlink": "it is a link to nothing",
  "symlink-loop": "it is a link that loops",
  "not-a-regular-file": "it is not a regular file",
};

/**
 * The outcome of a failed read: a result holding the finding for a file in scope that file rules
 * run on, else a skip. A file outside --staged / --changed-since only feeds facts: the change did
 * not touch it, so it is skipped rather than reported on every later pull request.
 */
export function unreadOutcome(options: {
  path: string;
  failure: { reason: ReadFailure | string; detail?: string };
  owner: string | null;
  planner: Pick<Planner, "planFile">;
  linted: boolean;
}): { result: FileResult } | { skipped: SkippedFile } {
  const { path, failure, owner } = options;
  // An encrypted file (git-crypt without its key) is kept unreadable on purpose: committing
  // secrets that way is the remedy, not the problem, so it is skipped like a file of no pack.
  const judged = owner !== null && options.linted && failure.reason !== "encrypted";
  const severity = judged ? options.planner.planFile(path).fileNotCheckedSeverity : "off";
  if (owner === null || severity === "off") return { skipped: { file: path, reason: failure.reason } };
  const known = failure.reason in REASONS ? REASONS[failure.reason as ReadFailure] : failure.reason;
  const reason = failure.detail ? (DISCOVERY_DETAILS[failure.detail] ?? `${known} (${failure.detail})`) : known;
  return {
    result: {
      file: path,
      findings: [
        {
          ruleId: FILE_NOT_CHECKED_ID,
          severity,
          message: formatMessage(FILE_NOT_CHECKED_MESSAGE, { pack: owner, reason }),
          help: FILE_NOT_CHECKED_HELP,
          file: path,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          // The reason, not its detail: a file that grows a little keeps its fingerprint.
          spanHash: hashText(`${FILE_NOT_CHECKED_ID}:${failure.reason}`),
        },
      ],
      facts: [],
      directives: [],
      ranRules: [],
    },
  };
}
