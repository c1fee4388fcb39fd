// The env-ladder pack: checks the environment ladder (local -> staging -> production) that the
// manifest declares against what the repository configures.
import { definePack } from "@deploylint/core/rule-api";
import validManifest from "./rules/valid-manifest.js";

export { validManifest };

export default definePack({ name: "env-ladder", rules: [validManifest] });
