// The command table behind `deploylint --help` and the help of each command group. A new command
// is one row here: the top-level help, the group help and the "did you mean" of an unknown
// subcommand all read this table, so none of them can forget it.
import { BASELINE_FILE } from "./baseline-file.js";

export interface CommandHelp {
  /** The words that name it: ["rules"], ["migrations", "verify"]. */
  words: readonly string[];
  /** Its arguments and main options, as typed after the words. */
  usage: string;
  summary: string;
}

export const COMMANDS: readonly CommandHelp[] = [
  { words: ["rules"], usage: "", summary: "list every rule with its preset severities" },
  { words: ["explain"], usage: "<rule-id>", summary: "what a rule checks, why, and its options" },
  {
    words: ["init"],
    usage: "[--force] [--with-ci] [--with-baseline]",
    summary: "write a commented deploylint.config.yaml for this repository",
  },
  {
    words: ["pre-deploy"],
    usage: "[--environment NAME] [--branch NAME] [--changed-since REF] [--verify]",
    summary: "one pass/fail table of every deploy check (exit 1 if any fails)",
  },
  {
    words: ["migrations", "verify"],
    usage: "[--dialect NAME] [--database-url URL] [--changed-since REF]",
    summary: "run each migration up, down and up again on a throwaway database",
  },
  {
    words: ["env", "check"],
    usage: "[--environment NAME] [--env-file FILE] [--from-process]",
    summary: "check a real environment against the documented variables",
  },
  {
    words: ["merge"],
    usage: "<partials…> [--format NAME]",
    summary: "one report from the partial reports of a run sharded with --shard i/n",
  },
  {
    words: ["smoke"],
    usage: "--environment NAME [--url URL]",
    summary: "run the configured smoke checks against a deployed environment",
  },
  {
    words: ["strategy"],
    usage: "[--check] [--force] [--rfc FILE]",
    summary: "write the deployment strategy document (--check: drift; --rfc: a deployment plan)",
  },
];

const COLUMN = 36;

function commandLine(command: CommandHelp): string {
  const name = `deploylint ${[...command.words, command.usage].filter(Boolean).join(" ")}`;
  // A usage too long for the column moves the summary to the next line, aligned.
  return name.length + 1 < COLUMN
    ? `       ${name.padEnd(COLUMN)}${command.summary}`
    : `       ${name}\n       ${" ".repeat(COLUMN)}${command.summary}`;
}

/** The command lines of the top-level help, every command and subcommand. */
export function commandsHelp(): string {
  return COMMANDS.map(commandLine).join("\n");
}

/** The groups: a first word that only names subcommands (migrations, env). */
export function isGroup(word: string): boolean {
  return COMMANDS.some((c) => c.words.length > 1 && c.words[0] === word);
}

/** `deploylint <group>` alone, or with --help: the group's subcommands. */
export function groupHelp(group: string): string {
  const members = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === group);
  return `Usage: deploylint ${group} <command> [options]\n\nCommands:\n${members.map(commandLine).join("\n")}\n\nRun deploylint ${group} <command> --help for its options.\n`;
}

/** The subcommands a group has, for an error naming an unknown one. */
export function groupMembers(group: string): string[] {
  return COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === group).map((c) => c.words.slice(1).join(" "));
}

/**
 * `deploylint --help`. Kept here, beside the command table, with nothing heavier imported: the bin
 * answers a bare --help from this module alone, without loading the engine and the packs.
 */
export function mainHelp(): string {
  return `Usage: deploylint [options] [paths...]     lint the repository, or these paths
${commandsHelp()}

Each command takes --help for its own options.

Options:
  -C, --cwd <dir>             run as if started in <dir> (config search, paths, report)
  -c, --config <file>         use this config file (no search)
  -f, --format <name>         stylish (default), json, sarif, github, gitlab, junit, markdown,
                              a deploylint-reporter-<name> package, or a path
  -o, --output-file <file>    write the report to a file
      --max-warnings <n>      exit 1 when there are more than n warnings
      --quiet                 report errors only
      --no-color              no colours (also NO_COLOR=1)
      --fix                   apply the safe fixes fixable rules offer (e.g. add undocumented
                              variables to .env.example), then report what is left
      --cache                 cache per-file results (node_modules/.cache/deploylint);
                              on by default with --staged and --changed-since
      --no-cache              never read or write the cache
      --cache-location <dir>  where --cache keeps them
      --changed-since <ref>   lint what changed since the merge base with <ref>
      --staged                lint the content staged in git's index
      --only <rule>           run only this rule or "<pack>/*" (repeatable)
      --baseline <file>       hide the findings this baseline holds (default: ${BASELINE_FILE} when present)
      --no-baseline           ignore ${BASELINE_FILE} even when present
      --update-baseline       write every current finding to the baseline, then report against it
      --baseline-strict       exit 1 when baseline entries no longer match (the file should shrink)
      --print-config <file>   print the effective config for a file and exit
      --workers <n|auto>      worker threads for the per-file phase (default auto)
      --shard <i>/<n>         lint shard i of n and write a partial report (--format partial)
                              for deploylint merge (docs/guides/sharding.md)
      --debug                 print config, skipped files and timings to stderr
  -v, --version               print the version
  -h, --help                  print this help
`;
}
