// File discovery and reading (DESIGN.md "Data flow", "Failure shape"): what to lint, and each
// file's text or the reason it is skipped.
export { DiscoveryError, printablePath } from "./errors.js";
export {
  changedSince,
  indexBlobs,
  listWorkTree,
  type StagedFile,
  type StagedSelection,
  stagedFiles,
  type WorkTreeListing,
} from "./git.js";
export { type GitignoreMatcher, loadGitignore } from "./gitignore.js";
export {
  createConfigIgnore,
  DEFAULT_IGNORED_DIRS,
  type DiscoveredFile,
  type DiscoverOptions,
  type DiscoverResult,
  discover,
} from "./glob.js";
export { normaliseInside, type Resolved, relativeInside, resolveInside, resolveInsideSync } from "./inside.js";
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
export { listGitScope, type ScopeListing } from "./scope.js";
export type { Skipped, SkipReason } from "./walk.js";
