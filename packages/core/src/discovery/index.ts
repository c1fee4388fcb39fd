// File discovery and reading (DESIGN.md "Data flow", "Failure shape"): what to lint, and each
// file's text or the reason it is skipped.
export { DiscoveryError } from "./errors.js";
export { type FilterPathsOptions, filterPaths } from "./filter.js";
export { changedSince, indexBlobs, type StagedFile, stagedFiles, trackedIgnored } from "./git.js";
export { type GitignoreMatcher, loadGitignore } from "./gitignore.js";
export {
  DEFAULT_IGNORED_DIRS,
  type DiscoveredFile,
  type DiscoverOptions,
  type DiscoverResult,
  discover,
} from "./glob.js";
export {
  DEFAULT_MAX_BYTES,
  decodeSource,
  HARD_MAX_BYTES,
  type ReadFailure,
  type ReadOptions,
  type ReadResult,
  readSource,
  readSourceSync,
} from "./read.js";
export type { Skipped, SkipReason } from "./walk.js";
