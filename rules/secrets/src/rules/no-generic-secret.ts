// secrets/no-generic-secret: a secret-named variable, property, parameter default or config key
// assigned a literal that looks like a real credential (no provider format needed).
import { defineRule, maskSecret, type TSESTree } from "@deploylint/core/rule-api";
import { inlineSites } from "../ci/sites.js";
import { catalogueScanner } from "../detectors/scan.js";
import {
  type Assignment,
  dotenvAssignments,
  scriptAssignment,
  textAssignments,
  yamlAssignments,
} from "../shared/assignments.js";
import { isDotenvTemplate } from "../shared/env-files.js";
import {
  isIdentifierLike,
  isJwtShaped,
  isTranslationFile,
  namesItself,
  spellsCredentialWord,
} from "../shared/human-values.js";
import { jsonAssignments } from "../shared/json-entries.js";
import { jsonCouldHoldSecret } from "../shared/json-prefilter.js";
import { scriptLoginArgument, textLoginArguments } from "../shared/login-calls.js";
import { scriptCouldHoldSecret } from "../shared/prefilter.js";
import { isCodeTextFile, isReadByGenericLayer, isXmlText } from "../shared/scan-scope.js";
import { isBareAuthName, isBasicAuthBlob, isPasswordName, isSecretName } from "../shared/secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue } from "../shared/secret-values.js";
import { sqlPasswordValues } from "../shared/sql-inserts.js";
import { reportSeverity, type TestPathOptions, type TestSeverity, testPathOptionSchema } from "../shared/test-paths.js";
import { hasHintWord } from "../shared/word-hits.js";
import { yamlCouldHoldSecret } from "../shared/yaml-prefilter.js";
import { roots } from "../shared/yaml-walk.js";

export interface NoGenericSecretOptions extends TestPathOptions {
  /** Shortest value judged (default 8). */
  minLength?: number;
  /** Entropy in bits per character a value must reach (default 3). */
  minEntropy?: number;
  /** Names (exact, case-insensitive) never judged, e.g. ["PASSWORD_RESET_SALT"]. */
  ignoreNames?: string[];
  /** What a password in a test file becomes (default "off": test users' passwords are made up). */
  testPasswordSeverity?: TestSeverity;
}

/**
 * Values code holds that are not credentials: expressions, identifiers and constants
 * (`'i18nextLogtoUiLng'`, `'UpdatePersonalAccessTokenByName'`), and stand-ins that spell out
 * what they stand for (`'Password123!'`, `'test-api-key-123'`). Config files keep these:
 * there a plain word is the value itself.
 */
function isCodeValue(assignment: Assignment): boolean {
  if (assignment.quoted === false) return true;
  return isIdentifierLike(assignment.value) || spellsCredentialWord(assignment.value);
}

/** [start, end) of text another rule reports more precisely. */
type Span = readonly [number, number];

/** How the message names the value: the key, or the call whose password argument it is. */
function nameOf(assignment: Assignment): string {
  return assignment.passwordArgument ? `the password argument of ${assignment.name}` : assignment.name;
}

export default defineRule({
  id: "no-generic-secret",
  meta: {
    description:
      "Disallow secret-named identifiers and config keys (password, secret, token, api_key, …) assigned a literal credential.",
    kinds: ["script", "yaml", "json", "dotenv", "text"],
    reportsSecrets: true,
    // A script is parsed only when a secret-like word has a literal near it and some literal could
    // be a credential; a YAML file only when some line pairs a key that could be secret-named with a
    // value that could be a credential (or one the text alone cannot settle); a JSON file only when
    // some pair has a secret-named key and a string value that could be a credential.
    // Lockfiles and minified text are never read (see create), so their text is not scanned either.
    prefilter: {
      script: scriptCouldHoldSecret,
      yaml: (text, options, path) => isReadByGenericLayer(path, text) && yamlCouldHoldSecret(text, options ?? {}),
      json: (text, options, path) => jsonCouldHoldSecret(text, options ?? {}, path),
    },
    presets: { recommended: "warn", strict: "error" },
    messages: {
      generic:
        "The value of {{name}} is a literal that looks like a real credential ({{masked}}): a secret in the repository reaches every clone, fork and build log, and git history keeps it. Read it from the environment or a secret store instead.",
    },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the help text shows a ${VAR} reference, not a JS template.
    help: "If the value is real, rotate it and load it at run time (an environment variable set from the platform's secret store); if it is a placeholder, make it look like one (`changeme`, `<token>`, `${TOKEN}`).",
    options: {
      type: "object",
      properties: {
        minLength: { type: "integer", minimum: 1 },
        minEntropy: { type: "number", minimum: 0 },
        ignoreNames: { type: "array", items: { type: "string", minLength: 1 } },
        testPasswordSeverity: testPathOptionSchema.testSeverity,
        ...testPathOptionSchema,
      },
      additionalProperties: false,
    },
    defaultOptions: {} as NoGenericSecretOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-generic-secret.md" },
  },
  create(ctx) {
    const { path, kind, text } = ctx.file;
    if (kind === "markdown" || isDotenvTemplate(path)) return null;
    // Words near which a credential can be assigned or passed (secret-words.ts' HINT_WORDS): a file
    // without one is not read further.
    if (!hasHintWord(text) || !isReadByGenericLayer(path, text)) return null;
    const options = ctx.options ?? {};
    const ignored = new Set((options.ignoreNames ?? []).map((name) => name.toLowerCase()));
    const gate = { minLength: options.minLength, minEntropy: options.minEntropy };
    const inCode = kind === "script" || isCodeTextFile(path);
    const translations = isTranslationFile(path);
    // Spans another secrets rule reports more precisely: provider formats, and CI/deploy blocks.
    // Read only for a value that passed every other test: most files have assignments, few have one
    // worth reporting, and with no-hardcoded-secret off nothing else scans the file with the catalogue.
    const taken = (): readonly Span[] => {
      const spans = ctx.memo("secrets:catalogue-matches", () => catalogueScanner().scan(text, { path }));
      return spans.map((m) => [m.start, m.end] as const);
    };

    const judge = (assignment: Assignment, skipped: () => readonly Span[]) => {
      if (!assignment.passwordArgument && !isSecretName(assignment.name)) return;
      if (ignored.has(assignment.name.toLowerCase())) return;
      // `auth` alone is a credential only as base64 `user:password` (npm's _auth, Docker's auths).
      if (isBareAuthName(assignment.name) && !isBasicAuthBlob(assignment.value)) return;
      const password = assignment.passwordArgument === true || isPasswordName(assignment.name);
      // In config and data files a password is whatever a person chose: no entropy gate. Code and
      // translation catalogues (`password: Wachtwoord` is a word) keep the strict gate: a quoted
      // literal that looks generated, never an identifier or a call.
      const chosen = password && !inCode && !translations;
      const credential = chosen
        ? looksLikePasswordValue(assignment.value)
        : looksLikeSecretValue(assignment.value, gate);
      if (!credential || namesItself(assignment.name, assignment.value)) return;
      if (inCode && isCodeValue(assignment)) return;
      // A JWT is judged by the catalogue's JWT detector, which decodes it (unsigned test tokens are not credentials).
      if (isJwtShaped(assignment.value)) return;
      if (skipped().some(([start, end]) => start < assignment.end && assignment.start < end)) return;
      const settings = password ? { ...options, testSeverity: options.testPasswordSeverity ?? "off" } : options;
      const level = reportSeverity({ path, settings });
      if (!level) return;
      ctx.report({
        messageId: "generic",
        data: { name: nameOf(assignment), masked: maskSecret(assignment.value) },
        range: { start: assignment.start, end: assignment.end },
        fingerprintText: `name:${assignment.name}`,
        ...level,
      });
    };

    if (kind === "script") {
      const visit = (node: TSESTree.Node) => {
        const assignment = scriptAssignment(node) ?? scriptLoginArgument(node);
        if (assignment) judge(assignment, taken);
      };
      return {
        CallExpression: visit,
        NewExpression: visit,
        VariableDeclarator: visit,
        Property: visit,
        PropertyDefinition: visit,
        AssignmentExpression: visit,
        AssignmentPattern: visit,
      };
    }
    return {
      yaml(source) {
        let sites: readonly Span[] | undefined;
        const skipped = () => {
          sites ??= inlineSites({ path, text, roots: roots(source.documents) }).map((s) => [s.start, s.end] as const);
          return [...taken(), ...sites];
        };
        for (const a of yamlAssignments(source.documents)) judge(a, skipped);
      },
      // The text is read only once the engine has parsed it: invalid JSON is a parse error, not pairs.
      json() {
        for (const a of jsonAssignments(text)) judge(a, taken);
      },
      dotenv(source) {
        for (const a of dotenvAssignments(source)) judge(a, taken);
      },
      text() {
        if (kind === "sql") for (const a of sqlPasswordValues(path, text)) judge(a, taken);
        if (kind !== "text") return;
        const found = textAssignments(text, { xml: isXmlText(path, text) });
        if (inCode) found.push(...textLoginArguments(text));
        for (const a of found) judge(a, taken);
      },
    };
  },
});
