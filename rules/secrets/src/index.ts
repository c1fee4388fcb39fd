// @deploylint/rules-secrets: rules that keep credentials and keys out of repositories and deploy config.
import { definePack } from "@deploylint/core/rule-api";
import noPrivateKey from "./rules/no-private-key.js";

export { noPrivateKey };

export default definePack({ name: "secrets", rules: [noPrivateKey] });
