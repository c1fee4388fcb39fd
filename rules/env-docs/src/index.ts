// @deploylint/rules-env-docs: rules for the environment-variable documentation (.env.example)
// and the dotenv files themselves.
import { definePack } from "@deploylint/core/rule-api";
import validDotenv from "./rules/valid-dotenv.js";

export type { ValidDotenvMessageId, ValidDotenvOptions } from "./rules/valid-dotenv.js";
export { validDotenv };

export default definePack({ name: "env-docs", rules: [validDotenv] });
