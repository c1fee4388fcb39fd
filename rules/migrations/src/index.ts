// @deploylint/rules-migrations: rules for database migrations, over one model of every framework and dialect.
import { definePack } from "@deploylint/core/rule-api";
import noDropColumn from "./rules/no-drop-column.js";
import parseError from "./rules/parse-error.js";

export type { Migration, Operation } from "./model/index.js";
export { noDropColumn, parseError };

export default definePack({ name: "migrations", rules: [noDropColumn, parseError] });
