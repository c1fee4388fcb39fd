// The files `deploylint init` writes: a commented deploylint.config.yaml built from what was
// detected, and a GitHub Actions workflow. Output is deterministic (no dates), so re-running diffs clean.
import type { Detection } from "./init-detect.js";

/** A YAML scalar: plain when safe, else a JSON string (JSON strings are valid YAML). */
function scalar(value: string): string {
  return /^[A-Za-z0-9_.][A-Za-z0-9_./ -]*$/.test(value) && !value.endsWith(" ") ? value : JSON.stringify(value);
}

function list(values: readonly string[]): string {
  return `[${values.map(scalar).join(", ")}]`;
}

/** The migration settings init chose, after checking each against a lint run (see init-verify.ts). */
export interface MigrationsProposal {
  paths: string[];
  framework: string | null;
  dialect: string | null;
  /** The newest existing migration: everything up to it is history. */
  startAfter: string | null;
  /** Settings detected but not written, each with why. */
  dropped: string[];
}

function migrationsBlock(detection: Detection, proposal: MigrationsProposal | null): string[] {
  if (!proposal || detection.migrations.length === 0) {
    return [
      "  # No migrations folder was found (migrations/, db/migrate/, …). Name yours here:",
      "  # migrations:",
      "  #   paths: [db/migrations]",
      "  #   dialect: postgresql          # postgresql | mysql | mariadb | sqlite",
    ];
  }
  const found = detection.migrations
    .map((m) => `${m.files} ${m.framework.value} file${m.files === 1 ? "" : "s"} in ${m.path}`)
    .join("; ");
  const header = [`  # Detected: ${found}.`, ...proposal.dropped.map((line) => `  # Not set: ${line}.`)];
  if (proposal.paths.length === 0 && !proposal.framework && !proposal.dialect && !proposal.startAfter) {
    return [...header, "  # migrations: detected file by file, as with no config"];
  }
  return [
    ...header,
    "  migrations:",
    proposal.paths.length > 0 ? `    paths: ${list(proposal.paths)}` : "    # paths: the conventional folders",
    proposal.framework ? `    framework: ${scalar(proposal.framework)}` : "    # framework: detected file by file",
    proposal.dialect
      ? `    dialect: ${scalar(proposal.dialect)}          # postgresql | mysql | mariadb | sqlite`
      : "    # dialect: postgresql        # not set: postgresql | mysql | mariadb | sqlite",
    ...(proposal.startAfter
      ? [
          "    # The newest migration when init ran: every migration up to it has shipped, so rules about",
          "    # how a migration is written leave it alone (an edit to one is still reported). Delete this",
          "    # line to review the whole history.",
          `    startAfter: ${JSON.stringify(proposal.startAfter)}`,
        ]
      : []),
  ];
}

function envDocsBlock(detection: Detection): string[] {
  if (detection.envExamples.length === 0) {
    return [
      "  # No .env.example was found. Document every variable the code reads in one, then:",
      "  # envDocs:",
      "  #   example: .env.example",
    ];
  }
  // Not written: naming one file would make it document the whole repository (a podman/env.sample
  // would leave every other variable undocumented), and naming a file name would drop the others.
  return [
    `  # Example env files found: ${detection.envExamples.join(", ")}. Each documents the variables read`,
    "  # in its own folder (the nearest one wins, then the root one); that is the default, so nothing is",
    "  # set here. To make one file document the whole repository:",
    "  # envDocs:",
    `  #   example: ${scalar(detection.envExamples[0] ?? ".env.example")}`,
  ];
}

function ladderBlock(detection: Detection): string[] {
  if (!detection.manifest) {
    return [
      "  # No environment ladder manifest (company.config.yaml) was found; the env-ladder rules",
      "  # stay quiet until there is one:",
      "  # ladder:",
      "  #   manifest: company.config.yaml",
    ];
  }
  return [
    "  # Local, staging and production, declared in one manifest.",
    "  ladder:",
    `    manifest: ${scalar(detection.manifest)}`,
  ];
}

function preDeployBlock(detection: Detection): string[] {
  const commands = detection.checkScripts.map((name) => (name === "test" ? "npm test" : `npm run ${name}`));
  return [
    "# Commands `deploylint pre-deploy` runs after its own checks; each must exit 0.",
    "# preDeploy:",
    `#   commands: ${list(commands.length > 0 ? commands : ["npm test"])}`,
  ];
}

export function renderConfig(detection: Detection, proposal: MigrationsProposal | null): string {
  const envNote =
    detection.envFiles.length > 0
      ? [
          `# Env files found in the repository: ${detection.envFiles.join(", ")}.`,
          "# secrets/no-committed-dotenv reports the ones git tracks; keep real values out of git.",
          "",
        ]
      : [];
  return [
    "# deploylint configuration, written by `deploylint init`. Every key is optional.",
    "# Rules, options and presets: `deploylint rules`, `deploylint explain <rule>`, docs/rules/.",
    "",
    "# recommended is the safe default; move to strict once the repository is clean.",
    "extends: [recommended]",
    ...(detection.manifest
      ? [
          `# ${detection.manifest} declares an environment ladder: the opt-in strategy preset adds the`,
          "# deployment-strategy rules (pipeline, rollout, strategy docs). Not enabled by init:",
          "# extends: [recommended, strategy]",
        ]
      : []),
    "",
    "# Paths never linted (picomatch globs relative to this file's folder).",
    '# ignores: ["vendor/**"]',
    "",
    ...envNote,
    // An empty `settings:` would be null, which the config schema rejects.
    proposal || detection.manifest ? "settings:" : "# settings:",
    ...migrationsBlock(detection, proposal),
    ...envDocsBlock(detection),
    ...ladderBlock(detection),
    "",
    "# Turn a rule off, up or down, or give it options:",
    "# rules:",
    "#   migrations/no-drop-column: error",
    '#   secrets/no-hardcoded-secret: [error, { allow: ["^sk_test_"] }]',
    "",
    ...preDeployBlock(detection),
    "",
  ].join("\n");
}

export function renderWorkflow(options: { branch: string }): string {
  return [
    "# deploylint on every pull request and push: annotations on the diff, a job summary, and",
    "# SARIF in the Security tab (code scanning). Written by `deploylint init --with-ci`.",
    "name: deploylint",
    "on:",
    "  pull_request:",
    "  push:",
    `    branches: [${scalar(options.branch)}]`,
    "permissions:",
    "  contents: read",
    "  security-events: write",
    "jobs:",
    "  deploylint:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          fetch-depth: 0",
    "      - uses: actions/setup-node@v4",
    "        with:",
    "          node-version: 20",
    "      - name: deploylint (annotations and job summary)",
    "        run: npx --yes deploylint --format github",
    "      - name: deploylint (SARIF for code scanning)",
    "        if: always()",
    "        run: npx --yes deploylint --format sarif --output-file deploylint.sarif || true",
    "      - uses: github/codeql-action/upload-sarif@v3",
    "        if: always()",
    "        with:",
    "          sarif_file: deploylint.sarif",
    "          category: deploylint",
    "",
  ].join("\n");
}
