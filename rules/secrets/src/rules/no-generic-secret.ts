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
import { isPasswordName, isSecretName } from "../shared/secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue } from "../shared/secret-values.js";
import { reportSeverity, type TestPathOptions, type TestSeverity, testPathOptionSchema } from "../shared/test-paths.js";
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

// Text files whose assignment lines are read (other text, such as prose or SQL, is not).
const TEXT_FILES =
  /\.(?:py|rb|go|php|ini|cfg|conf|properties|toml|tf|tfvars|hcl|sh|bash|zsh|ps1|java|kt|kts|scala|cs|swift|rs|gradle|ex|exs|pl|r|envrc)$|(?:^|\/)(?:\.npmrc|\.pypirc|\.yarnrc|Dockerfile[^/]*|\.profile|\.bashrc|\.zshrc)$/i;

const SECRET_HINT = /pass|secret|token|key|cred|salt|pwd|pat\b/i;

// Text files in a programming language: a bare word there is an expression (`token := r.Header.Get(…)`).
const CODE_TEXT_FILES = /\.(?:py|rb|go|php|java|kt|kts|scala|cs|swift|rs|gradle|ex|exs|pl|r|ps1)$/i;

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

export default defineRule({
  id: "no-generic-secret",
  meta: {
    description:
      "Disallow secret-named identifiers and config keys (password, secret, token, api_key, …) assigned a literal credential.",
    kinds: ["script", "yaml", "json", "dotenv", "text"],
    reportsSecrets: true,
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
    if (kind === "markdown" || kind === "sql" || isDotenvTemplate(path)) return null;
    if (kind === "text" && !TEXT_FILES.test(path)) return null;
    if (!SECRET_HINT.test(text)) return null;
    const options = ctx.options ?? {};
    const ignored = new Set((options.ignoreNames ?? []).map((name) => name.toLowerCase()));
    const gate = { minLength: options.minLength, minEntropy: options.minEntropy };
    const inCode = kind === "script" || CODE_TEXT_FILES.test(path);
    const translations = isTranslationFile(path);
    // Spans another secrets rule reports more precisely: provider formats, and CI/deploy blocks.
    const taken = () => {
      const spans = ctx.memo("secrets:catalogue-matches", () => catalogueScanner().scan(text, { path }));
      return spans.map((m) => [m.start, m.end] as const);
    };

    const judge = (assignment: Assignment, skip: readonly (readonly [number, number])[]) => {
      if (!isSecretName(assignment.name) || ignored.has(assignment.name.toLowerCase())) return;
      const password = isPasswordName(assignment.name);
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
      if (skip.some(([start, end]) => start < assignment.end && assignment.start < end)) return;
      const settings = password ? { ...options, testSeverity: options.testPasswordSeverity ?? "off" } : options;
      const level = reportSeverity({ path, settings });
      if (!level) return;
      ctx.report({
        messageId: "generic",
        data: { name: assignment.name, masked: maskSecret(assignment.value) },
        range: { start: assignment.start, end: assignment.end },
        fingerprintText: `name:${assignment.name}`,
        ...level,
      });
    };

    if (kind === "script") {
      const visit = (node: TSESTree.Node) => {
        const assignment = scriptAssignment(node);
        if (assignment) judge(assignment, taken());
      };
      return {
        VariableDeclarator: visit,
        Property: visit,
        PropertyDefinition: visit,
        AssignmentExpression: visit,
        AssignmentPattern: visit,
      };
    }
    return {
      yaml(source) {
        const sites = inlineSites({ path, text, roots: roots(source.documents) }).map((s) => [s.start, s.end] as const);
        for (const a of yamlAssignments(source.documents)) judge(a, [...taken(), ...sites]);
      },
      json(source) {
        for (const a of yamlAssignments([source.document])) judge(a, taken());
      },
      dotenv(source) {
        for (const a of dotenvAssignments(source)) judge(a, taken());
      },
      text() {
        if (kind !== "text") return;
        for (const a of textAssignments(text)) judge(a, taken());
      },
    };
  },
});
