// env-ladder/database-parity: staging runs the database engine production runs, so that a
// migration or query that passes in staging passes in production too. Local may differ.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_FACT } from "../facts.js";
import { type LadderEnvironment, objectField, readLadder, spotOf } from "../ladder-model.js";

const SAME_ENGINE: Record<string, string> = { postgresql: "postgres", mssql: "sqlserver" };

// Messages echo an engine or version only when it is one of these (or a plain version number): a
// manifest field may hold anything, a pasted connection string included.
const KNOWN_ENGINES = new Set([
  "postgres",
  "mysql",
  "mariadb",
  "sqlite",
  "sqlserver",
  "oracle",
  "cockroachdb",
  "mongodb",
  "redis",
  "dynamodb",
  "aurora-postgresql",
  "aurora-mysql",
  "spanner",
  "tidb",
  "yugabytedb",
  "clickhouse",
]);

function shownEngine(engine: string): string {
  return KNOWN_ENGINES.has(engine) ? engine : "an unknown engine";
}

function shownVersion(version: string): string {
  return /^\d{1,4}(\.\d{1,4}){0,3}$/.test(version) ? version : "an unknown version";
}

function engineOf(environment: LadderEnvironment): { engine: string; version: string | null } | null {
  const database = objectField(environment, "database");
  const engine = database?.engine;
  if (typeof engine !== "string" || engine.trim() === "") return null;
  const name = engine.trim().toLowerCase();
  const version = database?.version;
  return {
    engine: SAME_ENGINE[name] ?? name,
    version: typeof version === "string" || typeof version === "number" ? String(version) : null,
  };
}

// Major versions: "16.2" -> "16"; MySQL "8.0.36" -> "8.0" (its minor releases change behaviour).
function major(version: string, engine: string): string {
  const parts = version.split(".");
  return engine === "mysql" || engine === "mariadb" ? parts.slice(0, 2).join(".") : (parts[0] ?? version);
}

export default defineRule({
  id: "database-parity",
  scope: "project",
  meta: {
    description: "Require staging to run the same database engine as production.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      engineDiffers:
        "Environment {{name}} runs {{engine}} but production runs {{production}}: migrations, locks and query behaviour tried there do not predict production's.",
      versionDiffers:
        "Environment {{name}} runs {{engine}} {{version}} but production runs {{productionVersion}}: a migration or query that works on one major version may fail on the other.",
    },
    help: "Run the production database engine (and major version) in staging; only local may differ.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/database-parity.md" },
  },
  check(context) {
    const ladder = readLadder(context);
    const production = ladder?.onRung("production");
    if (!ladder || !production) return;
    const target = engineOf(production);
    if (!target) return;
    for (const environment of ladder.environments) {
      if (environment.rung === "local" || environment.rung === "production") continue;
      const own = engineOf(environment);
      if (!own) continue;
      const at = { file: ladder.file, ...spotOf(environment, "database") };
      if (own.engine !== target.engine) {
        context.report({
          messageId: "engineDiffers",
          data: { name: environment.name, engine: shownEngine(own.engine), production: shownEngine(target.engine) },
          ...at,
        });
      } else if (
        own.version &&
        target.version &&
        major(own.version, own.engine) !== major(target.version, own.engine)
      ) {
        context.report({
          messageId: "versionDiffers",
          data: {
            name: environment.name,
            engine: shownEngine(own.engine),
            version: shownVersion(own.version),
            productionVersion: shownVersion(target.version),
          },
          severity: "warn",
          ...at,
        });
      }
    }
  },
});
