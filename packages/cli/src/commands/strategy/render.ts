// The strategy document, generated from StrategyInputs: the seven sections of the contract, each
// from what the repository declares, with a fill-in mark wherever only a person can know.

import { FILL_IN_COMMENT, type SectionId, STRATEGY_SECTIONS } from "@deploylint/rules-strategy-docs";
import { escapeCell } from "./cells.js";
import type { StrategyInputs } from "./inputs.js";
import { pipelineSection } from "./pipeline.js";
import { platformsIn, rollbackSection } from "./rollback.js";

/** The first line of a generated document; it names the command so a reader knows how to refresh it. */
export const GENERATED_HEADER =
  "<!-- Written by `deploylint strategy` from this repository. Replace each fill-in mark; `deploylint strategy --check` reports where the rest no longer matches the repository. -->";

const cell = (text: string | null): string => (text === null ? FILL_IN_COMMENT : escapeCell(text));

export function ladderSection(inputs: StrategyInputs): string[] {
  const manifest = inputs.manifest;
  if (!manifest || manifest.environments.length === 0) {
    return [
      `No ladder manifest with environments was found (company.config.yaml, or settings.ladder.manifest). ${FILL_IN_COMMENT}`,
    ];
  }
  return [
    `From \`${manifest.path}\` (the ladder manifest): change it there, then run \`deploylint strategy\` again.`,
    "",
    "| Environment | Database | Data | Monitoring | Access |",
    "|---|---|---|---|---|",
    ...manifest.environments.map(
      (row) =>
        `| ${escapeCell(row.name)} | ${cell(row.database)} | ${cell(row.data)} | ${cell(row.monitoring)} | ${cell(row.access)} |`,
    ),
  ];
}

export function rolloutSection(inputs: StrategyInputs): string[] {
  const manifest = inputs.manifest;
  const model = manifest?.deploymentModel ?? null;
  const lines = [
    model !== null
      ? `Deployment model: \`${model}\` (architecture.deployment_model in \`${manifest?.path}\`).`
      : `Deployment model: ${FILL_IN_COMMENT} (${manifest ? `\`${manifest.path}\` declares no architecture.deployment_model` : "no ladder manifest was found to declare architecture.deployment_model"}).`,
    "",
  ];
  if (inputs.platforms.length === 0) {
    lines.push(`Platform files: none found. ${FILL_IN_COMMENT}`);
  } else {
    lines.push("Platform files:");
    for (const platform of platformsIn(inputs)) {
      const files = inputs.platforms.filter((file) => file.platform === platform);
      const configured = files.flatMap((file) =>
        file.strategies.map((strategy) => `a ${strategy} rollout in \`${file.file}\``),
      );
      lines.push(
        `- ${platform}: ${files.map((file) => `\`${file.file}\``).join(", ")}${configured.length > 0 ? ` (configured: ${configured.join(", ")})` : ""}`,
      );
    }
  }
  lines.push(
    "",
    // The prompt names no strategy: words left in it would read as a description the document does not give.
    `How a release reaches users (the strategy, the health checks that gate traffic, how long the previous version stays available): ${FILL_IN_COMMENT}`,
  );
  return lines;
}

export function migrationsSection(inputs: StrategyInputs): string[] {
  const lines: string[] = [];
  if (inputs.migrationFolders.length === 0) lines.push("Migrations: no migrations folder was found.");
  else {
    const folders = inputs.migrationFolders.map(
      (folder) => `\`${folder.path}\` (${[folder.framework, folder.dialect].filter(Boolean).join(", ")})`,
    );
    lines.push(`Migrations: ${folders.join(", ")}.`);
  }
  const on = inputs.migrationRules.filter((rule) => rule.severity !== "off");
  const off = inputs.migrationRules.filter((rule) => rule.severity === "off");
  lines.push("", "deploylint checks every migration against these rules, as the deploylint config sets them:", "");
  for (const rule of on) lines.push(`- \`${rule.id}\` (${rule.severity}): ${rule.description}`);
  if (on.length === 0) lines.push("- none: the config switches every migrations rule off.");
  if (off.length > 0) {
    lines.push("", "Switched off (not enforced):", "");
    for (const rule of off) lines.push(`- \`${rule.id}\` (off)`);
  }
  return lines;
}

export function envSection(inputs: StrategyInputs): string[] {
  if (inputs.envFiles.length === 0) {
    return [`No documented-variables file (.env.example or its kin) was found. ${FILL_IN_COMMENT}`];
  }
  const lines = [
    "The variables are documented in these files; a new one is added there in the same change that reads it:",
    "",
  ];
  for (const file of inputs.envFiles) {
    lines.push(
      `- \`${file.file}\`: ${file.count} variable${file.count === 1 ? "" : "s"}, ${file.required} marked @required`,
    );
  }
  const sensitive = inputs.envFiles.flatMap((file) =>
    file.sensitive.map((variable) => ({ ...variable, file: file.file })),
  );
  lines.push("");
  if (sensitive.length === 0) {
    lines.push(`Secrets and their rotation (no variable is marked @sensitive): ${FILL_IN_COMMENT}`);
    return lines;
  }
  lines.push(
    "Secrets (marked @sensitive) and their rotation (@rotation):",
    "",
    "| Variable | File | Rotation |",
    "|---|---|---|",
  );
  for (const variable of sensitive) {
    lines.push(`| \`${variable.name}\` | \`${variable.file}\` | ${cell(variable.rotation)} |`);
  }
  return lines;
}

export function smokeSection(inputs: StrategyInputs): string[] {
  const checks = inputs.smoke.checks;
  if (checks.length === 0) {
    return [`No smoke checks are configured (smoke.checks in the deploylint config). ${FILL_IN_COMMENT}`];
  }
  return [
    "`deploylint smoke --environment <name>` runs these checks after each deploy (smoke.checks in the deploylint config); a failed check starts the rollback procedure.",
    "",
    "| Check | Kind | Path | Environments |",
    "|---|---|---|---|",
    ...checks.map(
      (check) =>
        `| ${escapeCell(check.name)} | ${check.kind ?? "-"} | ${check.paths.map((path) => `\`${escapeCell(path)}\``).join(", ")} | ${check.environments ? escapeCell(check.environments.join(", ")) : "all"} |`,
    ),
  ];
}

const SECTION_BODIES: Record<SectionId, (inputs: StrategyInputs) => string[]> = {
  ladder: ladderSection,
  pipeline: pipelineSection,
  rollout: rolloutSection,
  rollback: rollbackSection,
  migrations: migrationsSection,
  env: envSection,
  smoke: smokeSection,
};

/** The whole document, ending with one newline. */
export function renderStrategy(inputs: StrategyInputs): string {
  const parts = [GENERATED_HEADER, "", "# Deployment strategy"];
  for (const section of STRATEGY_SECTIONS) {
    parts.push("", `## ${section.heading}`, "", ...SECTION_BODIES[section.id](inputs));
  }
  return `${parts.join("\n")}\n`;
}
