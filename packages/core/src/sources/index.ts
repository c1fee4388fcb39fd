// The parsers, for tools and tests ("@deploylint/core/sources"). The engine itself imports each
// one lazily through registry.ts, so the CLI never loads a parser it does not need.
export { classifyPath } from "./classify.js";
export { parseDotenv } from "./dotenv.js";
export { isJsoncPath, parseJson } from "./json.js";
export { createLineIndex } from "./line-index.js";
export { parseScript } from "./script.js";
export {
  classifyStatement,
  loadPostgresParser,
  parseSql,
  readSqlFile,
  resolveSqlDialect,
  splitSql,
} from "./sql/index.js";
export { nodeRangeAt, parseYaml } from "./yaml.js";
