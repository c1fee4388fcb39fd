// pipeline/require-checks: the CI that runs on every push or pull request runs the tests, the
// linter, a dependency security scan and, when the repository has migrations, the migration check.
import { type CiExternal, COMMAND_CLASSES, type CommandClass } from "@deploylint/ci-model";
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import { at, CHECK_LABELS, Graph, pipelinesOf, unreadFor, unreadLabel } from "../graph.js";

export interface RequireChecksOptions {
  /** The checks every push/PR must run; "migration-check" only applies to a repository with migrations. */
  checks: CommandClass[];
}

const DEFAULTS: RequireChecksOptions = { checks: ["test", "lint", "dependency-scan", "migration-check"] };

// Migration folders of the usual tools: SQL/ORM migrations, Rails, Alembic, Prisma, Django.
const MIGRATION_PATH =
  /(^|\/)(migrations?|db\/migrate|alembic\/versions|prisma\/migrations)\/[^/]+(\/[^/]+)?\.(sql|ts|js|mjs|py|rb|go|php|exs)$/i;

export default defineRule({
  id: "require-checks",
  scope: "project",
  meta: {
    description:
      "Require the CI that runs on every push or pull request to run the tests, a linter, a dependency scan and (with migrations) a migration check.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      missing:
        "No push or pull-request pipeline runs {{check}} (looked in {{pipelines}}): a change that {{consequence}} can be merged without anyone seeing it fail.",
      noGate:
        "No CI pipeline runs on push or pull request ({{pipelines}} run only on other events): nothing checks a change before it is merged.",
      missingUnread:
        "No push or pull-request pipeline that deploylint could read runs {{check}}; it may be defined in {{unread}}, which cannot be read offline: check that it runs there and can fail the pipeline.",
      unread:
        "Jobs from {{ref}} were not checked: deploylint cannot read {{what}} offline, so the pipeline rules judge {{pipeline}} without them.",
      problem: "The CI model could not be read as configured: {{problem}}.",
      lintInBuild:
        "No push or pull-request pipeline runs a linter step, but {{pipelines}} builds a Next.js app with an ESLint config, and `next build` lints unless eslint.ignoreDuringBuilds is set: if it is not, the build is the lint check.",
    },
    help: "Add the missing check as a step of the workflow that runs on push and pull_request (or teach deploylint your command: settings.pipeline.commands).",
    options: {
      type: "object",
      properties: {
        checks: {
          type: "array",
          items: {
            enum: COMMAND_CLASSES.filter((kind) =>
              ["test", "lint", "dependency-scan", "migration-check", "secret-scan"].includes(kind),
            ),
          },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/require-checks.md" },
  },
  check(context) {
    const options = { ...DEFAULTS, ...context.options };
    const pipelines = pipelinesOf(context);
    if (pipelines.length === 0) return;
    for (const problem of new Set(
      pipelines.flatMap((pipeline) =>
        pipeline.problems.map((p) => `${pipeline.file}\u0000${p.message}\u0000${p.line}\u0000${p.column}`),
      ),
    )) {
      const [file = "", message = "", line = "1", column = "1"] = problem.split("\u0000");
      context.report({
        messageId: "problem",
        data: { problem: message },
        file,
        line: Number(line),
        column: Number(column),
      });
    }
    // One note per file that cannot be read offline (an include, a reusable workflow of another
    // repository, an orb's job): every rule that misses something it might define says so at info.
    const noted = new Set<string>();
    for (const pipeline of pipelines) {
      for (const external of pipeline.external) {
        const key = `${external.file}:${external.line}:${external.column}:${external.ref}`;
        if (noted.has(key)) continue;
        noted.add(key);
        context.report({
          messageId: "unread",
          data: { ref: external.ref, what: UNREAD_KINDS[external.kind], pipeline: pipeline.file },
          severity: "info",
          fingerprintText: `${pipeline.file} unread ${external.ref}`,
          ...at(external),
        });
      }
    }
    const graph = new Graph(pipelines);
    const gates = graph.mergeGates();
    const first = pipelines[0];
    if (gates.length === 0) {
      if (first) context.report({ messageId: "noGate", data: { pipelines: names(pipelines) }, ...at(first) });
      return;
    }
    const counts = gates.map((pipeline) => {
      const classes = new Set(pipeline.jobs.flatMap((job) => [...graph.classesOf(job)]));
      return { pipeline, classes };
    });
    const ran = new Set(counts.flatMap(({ classes }) => [...classes]));
    // A workflow given over to migrations (hatchet's load-online-migrate applies a branch's new
    // migrations under load) is a migration check in its own right, whatever commands it runs.
    if (gates.some((pipeline) => /migrat/i.test(`${pipeline.name} ${pipeline.file}`))) ran.add("migration-check");
    const hasMigrations = context.files.some((file) => MIGRATION_PATH.test(file));
    // The finding goes on the pipeline that already runs the most checks: the one to extend.
    const target = [...counts].sort((a, b) => checkCount(b.classes) - checkCount(a.classes))[0]?.pipeline;
    if (!target) return;
    for (const check of options.checks) {
      if (ran.has(check)) continue;
      if (check === "migration-check" && !hasMigrations) continue;
      if (check === "lint" && ran.has("build") && nextAppWithEslint(context.files)) {
        // linkwarden: `yarn web:build` runs `next build`, which fails on ESLint errors by default.
        context.report({
          messageId: "lintInBuild",
          data: {
            pipelines: names(counts.filter(({ classes }) => classes.has("build")).map(({ pipeline }) => pipeline)),
          },
          severity: "info",
          ...at(target),
        });
        continue;
      }
      const unread = [...new Set(gates.flatMap((pipeline) => unreadFor(pipeline, pipeline.jobs)))];
      if (unread.length > 0) {
        context.report({
          messageId: "missingUnread",
          data: { check: CHECK_LABELS[check], unread: unreadLabel(unread) },
          severity: "info",
          fingerprintText: `${target.file} ${check}`,
          ...at(target),
        });
        continue;
      }
      context.report({
        messageId: "missing",
        data: { check: CHECK_LABELS[check], pipelines: names(gates), consequence: CONSEQUENCES[check] ?? "breaks it" },
        fingerprintText: `${target.file} ${check}`,
        ...at(target),
      });
    }
  },
});

const UNREAD_KINDS: Record<CiExternal["kind"], string> = {
  "gitlab-remote": "a remote include",
  "gitlab-project": "another project's file",
  "gitlab-template": "GitLab's templates",
  "gitlab-component": "a CI/CD component",
  "github-workflow": "another repository's reusable workflow",
  "circleci-orb": "an orb's jobs and commands",
};

const CONSEQUENCES: Partial<Record<CommandClass, string>> = {
  test: "breaks the tests",
  lint: "breaks the linter's rules",
  "dependency-scan": "pulls in a dependency with a known vulnerability",
  "migration-check": "adds a migration that locks a busy table or drops what the running code still reads",
  "secret-scan": "commits a credential",
};

// A Next.js app (next.config.*) and an ESLint config in its folder or one above it.
function nextAppWithEslint(files: readonly string[]): boolean {
  const eslintDirs = new Set(
    files.flatMap((file) => {
      const match = /^(?:(.*)\/)?(?:\.eslintrc(?:\.\w+)?|eslint\.config\.\w+)$/.exec(file);
      return match ? [match[1] ?? ""] : [];
    }),
  );
  return files.some((file) => {
    const match = /^(?:(.*)\/)?next\.config\.\w+$/.exec(file);
    if (!match) return false;
    const parts = (match[1] ?? "").split("/").filter(Boolean);
    for (let depth = parts.length; depth >= 0; depth--)
      if (eslintDirs.has(parts.slice(0, depth).join("/"))) return true;
    return false;
  });
}

function checkCount(classes: Set<CommandClass>): number {
  return ["test", "lint", "dependency-scan", "migration-check"].filter((kind) => classes.has(kind as CommandClass))
    .length;
}

function names(pipelines: { file: string }[]): string {
  const files = [...new Set(pipelines.map((pipeline) => pipeline.file))];
  return files.length > 4 ? `${files.slice(0, 4).join(", ")} and ${files.length - 4} more` : files.join(", ");
}
