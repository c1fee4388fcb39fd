// @deploylint/rules-secrets: rules that keep credentials and keys out of repositories and deploy config.
import { classifyPath, definePack } from "@deploylint/core/rule-api";
import { isCredentialFile } from "./detectors/credential-files/index.js";
import dotenvFile from "./extractors/dotenv-file.js";
import envSecret from "./extractors/env-secret.js";
import gitignore from "./extractors/gitignore.js";
import nextApp from "./extractors/next-app.js";
import noCommittedDotenv from "./rules/no-committed-dotenv.js";
import noCredentialsInUrl from "./rules/no-credentials-in-url.js";
import noGenericSecret from "./rules/no-generic-secret.js";
import noHardcodedSecret from "./rules/no-hardcoded-secret.js";
import noInlineSecretInCi from "./rules/no-inline-secret-in-ci.js";
import noPrivateKey from "./rules/no-private-key.js";
import noPublicSecret from "./rules/no-public-secret.js";
import noRealValueInExample from "./rules/no-real-value-in-example.js";
import noSharedCredentialsAcrossEnvironments from "./rules/no-shared-credentials-across-environments.js";
import { secretsSettingsSchema } from "./settings-schema.js";

export { catalogue } from "./detectors/catalogue/index.js";
export { catalogueScanner, Scanner } from "./detectors/scan.js";
export type { Detector, SecretMatch } from "./detectors/types.js";
export {
  noCommittedDotenv,
  noCredentialsInUrl,
  noGenericSecret,
  noHardcodedSecret,
  noInlineSecretInCi,
  noPrivateKey,
  noPublicSecret,
  noRealValueInExample,
  noSharedCredentialsAcrossEnvironments,
};

export default definePack({
  name: "secrets",
  settingsSchema: { secrets: secretsSettingsSchema },
  rules: [
    noHardcodedSecret,
    noGenericSecret,
    noPrivateKey,
    noCredentialsInUrl,
    noCommittedDotenv,
    noRealValueInExample,
    noSharedCredentialsAcrossEnvironments,
    noInlineSecretInCi,
    noPublicSecret,
  ],
  extractors: [dotenvFile, gitignore, envSecret, nextApp],
  // dotenv and credential files (.pgpass, config/master.key, …) are where committed credentials
  // live; one that cannot be read (too large, not decodable) is not clean.
  owns: (path) => classifyPath(path) === "dotenv" || isCredentialFile(path),
});
