// strategy-docs/ladder-matches-manifest: the strategy's environment table says what the manifest
// (company.config.yaml, as the env-ladder pack reads it) declares, environment by environment and
// cell by cell: a table that says staging runs MySQL where the manifest says PostgreSQL misleads.
import { defineRule } from "@deploylint/core/rule-api";
import { type ManifestEnvironment, type ManifestFact, sameEnvironment } from "@deploylint/rules-env-ladder";
import { DOCS, writtenSection } from "../document.js";
import { DOCUMENT_FACT, MANIFEST_FACT, PATHS_FACT } from "../facts.js";
import { dataPoliciesIn, enginesIn, groupsIn, ladderTable, saysNone } from "../ladder-table.js";

export default defineRule({
  id: "ladder-matches-manifest",
  scope: "project",
  meta: {
    description: "Require the strategy's environment table to agree with the environments the manifest declares.",
    kinds: ["markdown", "yaml"],
    facts: [DOCUMENT_FACT, PATHS_FACT, MANIFEST_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      noTable:
        "The environment ladder section has no table with an Environment column: the ladder the manifest declares ({{environments}}) cannot be checked against it.",
      missingRow:
        "The environment table has no row for {{environment}}, which the manifest declares: readers of the strategy do not learn how it differs from the others.",
      extraRow:
        "The environment table describes {{environment}}, which the manifest does not declare: the document and the manifest disagree on the ladder.",
      cell: "The table says {{environment}} {{column}} is {{document}}, the manifest says {{manifest}}: one of them is wrong, and people deploy by the document.",
    },
    help: "Make the table say what company.config.yaml declares (or correct the manifest); `deploylint strategy` writes the table from the manifest.",
    docs: { url: `${DOCS}/ladder-matches-manifest.md` },
  },
  check(context) {
    const manifest = context.facts<ManifestFact>(MANIFEST_FACT)[0]?.data;
    const written = writtenSection(context, "ladder");
    if (!manifest || manifest.environments.length === 0 || !written) return;
    const { doc, section } = written;
    const names = manifest.environments.map((environment) => environment.name);
    const table = ladderTable(section.blocks);
    if (!table) {
      context.report({
        messageId: "noTable",
        data: { environments: names.join(", ") },
        file: doc.file,
        ...section.heading.at,
      });
      return;
    }
    const nameColumn = table.columns.environment ?? 0;
    const seen = new Set<string>();
    for (const row of table.rows) {
      const nameCell = row[nameColumn];
      if (!nameCell || nameCell.text === "") continue;
      const name = environmentName(nameCell.text);
      const environment = manifest.environments.find((each) => sameEnvironment(each.name, name));
      if (!environment) {
        context.report({ messageId: "extraRow", data: { environment: name }, file: doc.file, ...nameCell });
        continue;
      }
      seen.add(environment.name);
      for (const difference of differences(environment, row, table.columns)) {
        const { cell, ...data } = difference;
        context.report({
          messageId: "cell",
          data: { environment: environment.name, ...data },
          file: doc.file,
          ...cell,
        });
      }
    }
    const header = table.header[nameColumn] ?? section.heading.at;
    for (const name of names.filter((each) => !seen.has(each)))
      context.report({ messageId: "missingRow", data: { environment: name }, file: doc.file, ...header });
  },
});

type Columns = NonNullable<ReturnType<typeof ladderTable>>["columns"];
type Row = NonNullable<ReturnType<typeof ladderTable>>["rows"][number];

interface Difference {
  cell: Row[number];
  column: string;
  document: string;
  manifest: string;
}

// Each comparison runs only when both sides say something recognisable.
function differences(environment: ManifestEnvironment, row: Row, columns: Columns): Difference[] {
  const found: Difference[] = [];
  const cellOf = (index: number | undefined) => (index === undefined ? undefined : row[index]);
  const value = (key: string) => environment.fields[key]?.value;

  const database = cellOf(columns.database);
  const engine = engineOf(value("database"));
  if (database && engine) {
    const declared = enginesIn(engine);
    const written = enginesIn(database.text);
    if (declared.length > 0 && written.length > 0 && !written.some((name) => declared.includes(name)))
      found.push({ cell: database, column: "database", document: written.join(", "), manifest: declared.join(", ") });
  }

  const data = cellOf(columns.data);
  const policy = value("data");
  if (data && typeof policy === "string") {
    const declared = dataPoliciesIn(policy);
    const written = dataPoliciesIn(data.text);
    if (declared.length > 0 && written.length > 0 && !written.some((name) => declared.includes(name)))
      found.push({ cell: data, column: "data", document: written.join(", "), manifest: declared.join(", ") });
  }

  const monitoring = cellOf(columns.monitoring);
  const declaredMonitoring = value("monitoring");
  // A manifest that leaves monitoring out says nothing about it: only a declared value is compared.
  if (monitoring && declaredMonitoring !== undefined) {
    const monitored = declaredMonitoring !== null && declaredMonitoring !== false && declaredMonitoring !== "none";
    if (monitored && saysNone(monitoring.text))
      found.push({ cell: monitoring, column: "monitoring", document: "none", manifest: "monitored" });
    else if (!monitored && monitoring.text !== "" && !saysNone(monitoring.text))
      found.push({
        cell: monitoring,
        column: "monitoring",
        document: `"${monitoring.text}"`,
        manifest: "no monitoring",
      });
  }

  const access = cellOf(columns.access);
  const declaredAccess = value("access");
  if (access && declaredAccess !== undefined) {
    const declared = groupsIn(Array.isArray(declaredAccess) ? declaredAccess.join(", ") : String(declaredAccess));
    const written = groupsIn(access.text);
    const same = declared.length === written.length && declared.every((group) => written.includes(group));
    if (declared.length > 0 && written.length > 0 && !same)
      found.push({ cell: access, column: "access", document: written.join(", "), manifest: declared.join(", ") });
  }
  return found;
}

/** The environment a name cell names: "Staging (staging.shop.com)" and "Production — EU" are staging and production. */
function environmentName(text: string): string {
  return text.replace(/\s*[([].*$|\s+[-–—:]\s+.*$/, "").trim();
}

/** `database: postgres` or `database: { engine: postgres }`. */
function engineOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const engine = (value as Record<string, unknown>).engine;
    return typeof engine === "string" ? engine : null;
  }
  return null;
}
