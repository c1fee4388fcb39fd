// secrets/no-committed-dotenv: a `.env` / `.env.<name>` file with values in the repository, and a
// root .gitignore that does not keep such files out.
import { defineRule } from "@deploylint/core/rule-api";
import type { DotenvFileFact } from "../extractors/dotenv-file.js";
import type { GitignoreFact } from "../extractors/gitignore.js";
import type { NextAppFact } from "../extractors/next-app.js";
import { globToRegExp } from "../shared/test-paths.js";

export interface NoCommittedDotenvOptions {
  /** Globs of dotenv files that are committed on purpose without secrets (e.g. ".env.development"). */
  allow?: string[];
  /** Also report a root .gitignore that does not ignore `.env*` (default true). */
  checkGitignore?: boolean;
}

export default defineRule({
  id: "no-committed-dotenv",
  scope: "project",
  meta: {
    description: "Disallow committing `.env` files with values, and require .gitignore to cover `.env*`.",
    kinds: ["dotenv", "text"],
    facts: ["secrets:dotenv-file", "secrets:gitignore", "secrets:next-app"],
    presets: { recommended: "error", strict: "error" },
    messages: {
      committed:
        "The dotenv file {{file}} holds values and is in the repository: a dotenv file is where real credentials end up, and once pushed they are in every clone and in git history. Remove it from git, ignore `.env*`, and commit a template (`.env.example`) with placeholders instead.",
      committedNextDefaults:
        "The dotenv file {{file}} is one Next.js reads as committed defaults, which must hold only public values, but {{names}} {{verb}} a value that is not public: once pushed it is in every clone and in git history. Move {{them}} to `.env.production.local` (ignored) or the platform's secret store, and rotate what was committed.",
      gitignore:
        "This .gitignore does not ignore {{files}}: the next `git add .` commits local credentials. Add {{patterns}} (and `!.env.example` for the template).",
    },
    help: "Run `git rm --cached <file>`, add `.env*` with `!.env.example` to .gitignore, rotate any credential the file held, and load real values from the platform's secret store.",
    options: {
      type: "object",
      properties: {
        allow: { type: "array", items: { type: "string", minLength: 1 } },
        checkGitignore: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: {} as NoCommittedDotenvOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-committed-dotenv.md" },
  },
  check(ctx) {
    const options = ctx.options ?? {};
    const allowed = (options.allow ?? []).map(globToRegExp);
    // Discovery honours .gitignore, so a dotenv file in the run is one git does not ignore: it is
    // committed, or `git add` will commit it. (A file passed explicitly on the command line is the exception.)
    const dotenvFiles = ctx.facts<DotenvFileFact>("secrets:dotenv-file");
    const nextApps = nextAppFolders(ctx.files, ctx.facts<NextAppFact>("secrets:next-app"));
    for (const { file, data } of dotenvFiles) {
      if (!data.valueFile || data.valued === 0) continue;
      if (allowed.some((re) => re.test(file) || re.test(file.slice(file.lastIndexOf("/") + 1)))) continue;
      if (!isNextDefaultsFile(file, nextApps)) {
        ctx.report({ messageId: "committed", data: { file }, file, line: 1, column: 1 });
        continue;
      }
      // Next.js documents these files as committed defaults: only a value that is not public is wrong.
      const names = data.notPublic;
      if (names.length === 0) continue;
      const many = names.length > 1;
      const listed = { names: codeList(names), verb: many ? "hold" : "holds", them: many ? "them" : "it" };
      ctx.report({ messageId: "committedNextDefaults", data: { file, ...listed }, file, line: 1, column: 1 });
    }
    if (options.checkGitignore === false || dotenvFiles.length === 0) return;
    for (const { file, data } of ctx.facts<GitignoreFact>("secrets:gitignore")) {
      if (data.dir !== "" || data.coversDotenv) continue;
      // Name exactly what is missing: a .gitignore with `.env` but not `.env.*` needs only the latter.
      const names = { files: codeList(data.notIgnored), patterns: codeList(data.missing) };
      ctx.report({ messageId: "gitignore", data: names, file, line: 1, column: 1 });
    }
  },
});

// The files Next.js loads as defaults and documents as committed ("`.env`, `.env.development`, and
// `.env.production` files should be included in your repository as they define defaults", and
// `.env.test` likewise); `.env*.local` are the ignored ones.
const NEXT_DEFAULTS = new Set([".env", ".env.development", ".env.production", ".env.test"]);

/** Folders of Next.js apps: a next.config.* there, or a package.json that declares `next`. */
function nextAppFolders(files: readonly string[], apps: readonly { data: NextAppFact }[]): Set<string> {
  const folders = new Set(apps.map(({ data }) => data.dir));
  for (const file of files) {
    const match = /^(?:(.*)\/)?next\.config\.(?:js|cjs|mjs|ts|mts)$/.exec(file);
    if (match) folders.add(match[1] ?? "");
  }
  return folders;
}

/** True when `file` is a defaults file Next.js loads: one of NEXT_DEFAULTS beside an app's config. */
function isNextDefaultsFile(file: string, nextApps: Set<string>): boolean {
  const slash = file.lastIndexOf("/");
  return NEXT_DEFAULTS.has(file.slice(slash + 1)) && nextApps.has(slash < 0 ? "" : file.slice(0, slash));
}

/** `a`, `a` and `b`, `a`, `b` and `c`: names in backticks for a message. */
function codeList(items: readonly string[]): string {
  const quoted = items.map((item) => `\`${item}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
