// CircleCI (.circleci/config.yml): one pipeline per workflow; its jobs with `requires`, branch and
// tag filters, approval jobs, contexts (a context named for an environment is the environment the
// job deploys to) and `serial-group`; steps from the job definitions (`run`, orb commands).
import { type Document, isMap, isScalar, isSeq } from "yaml";
import { rungOfEnvironment } from "../commands.js";
import type { CiExternal, CiJob, CiPipeline, CiStep, CiTrigger } from "../model.js";
import { keyAt, locate, nodeAt, pairsOf, scalarText, textList } from "../yaml-nodes.js";
import { type ReadContext, stepOf } from "./shared.js";

export function isCircleCi(path: string): boolean {
  return /^\.circleci\/config\.ya?ml$/.test(path);
}

export function readCircleCi(document: Document, context: ReadContext): CiPipeline[] {
  const { file, lines } = context;
  const root = document.contents;
  const definitions = new Map(pairsOf(nodeAt(root, ["jobs"])).map(({ key, value }) => [key, value]));
  const orbs = new Map(pairsOf(nodeAt(root, ["orbs"])).map(({ key, value }) => [key, scalarText(value)]));
  const pipelines: CiPipeline[] = [];
  for (const { key: name, value: workflow, keyNode } of pairsOf(nodeAt(root, ["workflows"]))) {
    if (!isMap(workflow)) continue; // `version: 2`
    const jobsNode = nodeAt(workflow, ["jobs"]);
    const jobs: CiJob[] = [];
    const external: CiExternal[] = [];
    for (const item of isSeq(jobsNode) ? jobsNode.items : []) {
      const ref = isScalar(item) ? String(item.value) : (pairsOf(item)[0]?.key ?? null);
      if (ref === null) continue;
      const config = isScalar(item) ? undefined : pairsOf(item)[0]?.value;
      const at = locate(isScalar(item) ? item : pairsOf(item)[0]?.keyNode, lines, file);
      const id = scalarText(nodeAt(config, ["name"])) ?? ref;
      const approval = scalarText(nodeAt(config, ["type"])) === "approval";
      const contexts = textList(nodeAt(config, ["context"]));
      const environment = contexts.find((context) => rungOfEnvironment(context) !== null) ?? null;
      const filters = nodeAt(config, ["filters"]);
      const only = textList(nodeAt(filters, ["branches", "only"]));
      const definition = definitions.get(ref);
      // An orb's job (`aws-ecs/deploy-service-update`): its steps are in the orb, not in this file.
      const orb = !definition && !approval && ref.includes("/") ? orbJob(ref, orbs) : null;
      if (orb) external.push({ ...at, kind: "circleci-orb", ref: orb, addsJobs: false });
      const steps = definition ? readSteps(definition, context) : [];
      // A job of the config's own that runs an orb's commands (`node/test`): those steps are in the orb.
      const orbCommands = steps.filter((step) => step.uses?.includes("/"));
      for (const step of orbCommands)
        external.push({ ...step, kind: "circleci-orb", ref: orbJob(step.uses ?? "", orbs), addsJobs: false });
      jobs.push({
        ...at,
        id,
        name: null,
        stage: null,
        needs: textList(nodeAt(config, ["requires"])),
        environment:
          environment === null ? null : { ...locate(keyAt(config, "context") ?? item, lines, file), name: environment },
        branches: only.length > 0 ? only : null,
        tags: nodeAt(filters, ["tags"]) !== undefined,
        steps: definition
          ? steps
          : approval
            ? []
            : // An orb's job (`aws-ecs/deploy-service-update`): classified by its name, like an action.
              [stepOf({ where: at, label: ref, script: null, uses: ref, mayFail: false, table: context.table })],
        manual: approval ? locate(keyAt(config, "type"), lines, file) : null,
        approvalOnly: approval,
        mayFail: null,
        serialisedBy: scalarText(nodeAt(config, ["serial-group"])),
        uses: definition ? null : ref,
        external: orb ?? (orbCommands[0] ? orbJob(orbCommands[0].uses ?? "", orbs) : null),
      });
    }
    const triggers: CiTrigger[] = [{ ...locate(keyNode, lines, file), kind: "push", branches: null }];
    const scheduled = nodeAt(workflow, ["triggers"]);
    if (isSeq(scheduled) && scheduled.items.length > 0) {
      // A workflow with `triggers:` runs on its schedule only.
      triggers.splice(0, 1, { ...locate(keyAt(workflow, "triggers"), lines, file), kind: "schedule", branches: null });
    }
    if (jobs.some((job) => job.tags)) triggers.push({ ...locate(keyNode, lines, file), kind: "tag", branches: [] });
    pipelines.push({
      ...locate(keyNode, lines, file),
      provider: "circleci",
      name,
      triggers,
      jobs,
      includes: [],
      external,
      problems: [],
    });
  }
  return pipelines;
}

function readSteps(definition: unknown, context: ReadContext): CiStep[] {
  const { file, lines, table } = context;
  const steps = nodeAt(definition, ["steps"]);
  if (!isSeq(steps)) return [];
  return steps.items.flatMap((step, index): CiStep[] => {
    if (isScalar(step)) {
      // `checkout`, a parameterless command; an orb's (`node/test`) is a step deploylint cannot see into.
      const name = String(step.value);
      if (!name.includes("/")) return [];
      return [
        stepOf({ where: locate(step, lines, file), label: name, script: null, uses: name, mayFail: false, table }),
      ];
    }
    const [first] = pairsOf(step);
    if (!first) return [];
    const where = locate(first.keyNode, lines, file);
    if (first.key === "run") {
      const command = scalarText(first.value) ?? scalarText(nodeAt(first.value, ["command"]));
      const label = scalarText(nodeAt(first.value, ["name"])) ?? `step ${index + 1}`;
      return [stepOf({ where, label, script: command, uses: null, mayFail: false, table })];
    }
    // An orb command (`snyk/scan`, `node/test`) or a command of the config's own.
    return [stepOf({ where, label: first.key, script: null, uses: first.key, mayFail: false, table })];
  });
}

/** An orb job as messages name it: `aws-ecs/deploy-service-update` (orb circleci/aws-ecs@4.1). */
function orbJob(ref: string, orbs: Map<string, string | null>): string {
  const source = orbs.get(ref.split("/")[0] ?? "");
  return source ? `${ref} (orb ${source})` : ref;
}
