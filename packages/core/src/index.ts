// @deploylint/core: config, discovery, sources and the engine. Rule packs import only
// "@deploylint/core/rule-api"; the CLI and tools import this.
export { ConfigError, suggest } from "./config/errors.js";
export { CONFIG_FILE_NAMES, findConfigFile } from "./config/find.js";
export { type Builtins, DEFAULT_MAX_FILE_SIZE, type LoadConfigOptions, loadConfig } from "./config/load.js";
export { requireDirectory } from "./config/paths.js";
export type {
  SmokeCapture,
  SmokeCheck,
  SmokeExpect,
  SmokeHeader,
  SmokeKind,
  SmokeMethod,
  SmokeRequest,
  SmokeSection,
  SmokeStep,
} from "./config/smoke.js";
export type { LoadedPack, OverrideConfig, ResolvedConfig, RuleConfigEntry } from "./config/types.js";
export { configSchema, validateRuleOptions } from "./config/validate.js";
export { type BuiltinPacks, builtinSpecifier, registerBuiltinPacks } from "./engine/builtin-packs.js";
export {
  CORE_CHECKS_PACK,
  CORE_PACK,
  ENGINE_PACKS,
  FILE_NOT_CHECKED_ID,
  PARSE_ERROR_ID,
  UNUSED_SUPPRESSION_ID,
} from "./engine/core-rules.js";
export { RuleCrash } from "./engine/lint-file.js";
export { applyCliV8Flags, applyEngineV8Flags, type RunFile, type RunOptions, runLint } from "./engine/run.js";
export type { ShardSpec } from "./engine/shard.js";
export { SHARD_KEY_VARIABLE, ShardKeyError } from "./engine/shard-key.js";
export {
  mergePartials,
  PARTIAL_FORMAT,
  PartialMismatchError,
  type PartialReport,
  parsePartial,
} from "./engine/shard-partial.js";
export type {
  BaselineSummary,
  Finding,
  LintResult,
  LintSummary,
  Reporter,
  ReporterContext,
  ReporterRuleInfo,
  ResolvedFix,
  SkippedFile,
  SuppressedFinding,
} from "./findings.js";
export {
  type LintProjectOptions,
  type LintShardOptions,
  lintProject,
  lintShard,
  partialConfigFingerprint,
  UsageError,
} from "./lint.js";
export * from "./rule-api/index.js";
