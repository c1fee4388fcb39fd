// The comments of a file in its own language, for suppression directives. Parsed files give their
// parser's comments; the rest are found by a small scanner per language. Kinds without a scanner
// here (markdown, text) return null: the directive scan keeps its line rules for them.
import type { SourceKind, SqlDialect, TSESTree } from "../../rule-api/types.js";
import { parseDotenv } from "../dotenv.js";
import { dotenvComments } from "./dotenv.js";
import { jsonComments } from "./json.js";
import { scriptComments } from "./script.js";
import { sqlComments } from "./sql.js";
import type { CommentRange } from "./types.js";
import { yamlComments } from "./yaml.js";

export type { CommentRange } from "./types.js";

export function commentRanges(options: {
  text: string;
  kind: SourceKind;
  sqlDialect: SqlDialect;
  /** The script parser's comments, when the file was parsed. */
  parsedScriptComments: () => TSESTree.Comment[] | null;
}): CommentRange[] | null {
  const { text } = options;
  switch (options.kind) {
    case "sql":
      return sqlComments(text, options.sqlDialect);
    case "script": {
      const parsed = options.parsedScriptComments();
      if (parsed === null) return scriptComments(text);
      return parsed.map((comment) => ({ start: comment.range[0], end: comment.range[1] }));
    }
    case "yaml":
      return yamlComments(text);
    case "json":
      return jsonComments(text);
    case "dotenv":
      return dotenvComments(text, parseDotenv(text));
    default:
      return null;
  }
}
