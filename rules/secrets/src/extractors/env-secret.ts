// Fact "secrets:env-secret": each credential-like value of a per-environment file (env files,
// compose overrides, Kubernetes overlays, CI jobs with an `environment:`), as a keyed hash only.
import { defineExtractor, type Fact } from "@deploylint/core/rule-api";
import { inlineSites, mayHaveEnvironmentSites } from "../ci/sites.js";
import { catalogueScanner, realMatches } from "../detectors/scan.js";
import { findCredentialUrls } from "../shared/credential-urls.js";
import { environmentOfPath, isDeployedEnvironment, isDotenvTemplate } from "../shared/env-files.js";
import { isPlaceholder } from "../shared/placeholders.js";
import { isSecretName } from "../shared/secret-names.js";
import { roots } from "../shared/yaml-walk.js";

export interface EnvSecretFact {
  environment: string;
  key: string;
  /** ctx.hashSecret(credential): keyed, so equal values compare equal and no guess can be confirmed. */
  hash: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Candidate {
  key: string;
  value: string;
  start: number;
  end: number;
  environment: string | null;
  alwaysSecret?: boolean;
}

export default defineExtractor({
  id: "secrets:env-secret",
  kinds: ["dotenv", "yaml"],
  // A YAML file's candidates are its inline sites with an environment: a file that cannot have any
  // (pnpm-lock.yaml, a workflow without `environment:`) is not parsed.
  prefilter: { yaml: (text, _options, path) => mayHaveEnvironmentSites(text, path) },
  create(ctx) {
    const { path, text } = ctx.file;
    if (isDotenvTemplate(path)) return null;
    const emitAll = (candidates: Candidate[]) => {
      const matches = realMatches(ctx.memo("secrets:catalogue-matches", () => catalogueScanner().scan(text, { path })));
      for (const c of candidates) {
        if (!c.environment || !isDeployedEnvironment(c.environment)) continue;
        const credential = credentialOf(c, matches);
        if (credential === null) continue;
        const start = ctx.file.lines.positionAt(c.start);
        const end = ctx.file.lines.positionAt(c.end);
        const fact: EnvSecretFact = {
          environment: c.environment,
          key: c.key,
          hash: ctx.hashSecret(credential),
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
        };
        ctx.emit({ ...fact } as Fact);
      }
    };
    return {
      dotenv(source) {
        const environment = environmentOfPath(path);
        emitAll(
          source.entries.map((e) => ({
            key: e.key,
            value: e.value,
            start: e.valueRange.start,
            end: e.valueRange.end,
            environment,
          })),
        );
      },
      yaml(source) {
        emitAll(inlineSites({ path, text, roots: roots(source.documents) }));
      },
    };
  },
});

/** The credential a candidate carries (a URL's password, a provider token, a secret-named value), or null. */
function credentialOf(c: Candidate, matches: readonly { start: number; end: number; value: string }[]): string | null {
  const url = findCredentialUrls(c.value)[0];
  if (url) return url.password;
  const match = matches.find((m) => m.start < c.end && c.start < m.end);
  if (match) return match.value;
  if (!(isSecretName(c.key) || c.alwaysSecret) || isPlaceholder(c.value) || c.value.length < 8) return null;
  return c.value;
}
