// The SQL source kind: split, classify and parse a SQL file; choose its dialect.
export { classifyStatement } from "./classify.js";
export { dialectFromAlias, resolveSqlDialect } from "./dialect.js";
export { parseSql, readSqlFile } from "./parse.js";
export { loadPostgresParser, postgresParserLoadMs } from "./pg-parser.js";
export { type SplitResult, type SplitStatement, splitSql } from "./split.js";
export {
  UNCHECKED_DIALECT_NAMES,
  uncheckedDialectFromAlias,
  uncheckedDialectOf,
  uncheckedDialectOfPath,
} from "./unchecked-dialect.js";
