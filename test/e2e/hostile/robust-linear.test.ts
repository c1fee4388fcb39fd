// Issue 13: SQL analysis is linear in the number of statements. A hang guard, not a benchmark: one
// migration of 200,000 statements (with a down of 100,000) must be judged within the test's
// timeout. The model it replaced rescanned every later operation per operation, copied the set of
// created indexes per operation, and searched the whole down per up operation: hours on this file.
// The structural checks of each helper are in rules/migrations/test/model/linear.test.ts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempRepo } from "../../support/cli.js";

const STATEMENTS = 200_000;
// Generous: the run takes well under a minute on an idle machine; CI machines are shared.
const LIMIT_MS = 280_000;

/**
 * One table created, then indexes on it and cheap statements; the down drops every index and the
 * table last. The names run through base 36, so a few are keywords ("in", "is"): those statements
 * do not parse, which must not push the file onto the slow statement-by-statement path either.
 */
function bigMigration(): { up: string; down: string } {
  const up = ["CREATE TABLE t (c int);"];
  const down: string[] = [];
  for (let i = 1; up.length < STATEMENTS; i++) {
    const name = `i${i.toString(36)}`;
    up.push(`CREATE INDEX ${name} ON t(c);`, "SELECT 1;");
    down.push(`DROP INDEX ${name};`);
  }
  down.push("DROP TABLE t;");
  return { up: `${up.join("\n")}\n`, down: `${down.join("\n")}\n` };
}

describe("a migration of 200,000 statements", () => {
  it(
    "is judged within the timeout; only its keyword-named statements are findings",
    () => {
      const { up, down } = bigMigration();
      const dir = tempRepo({
        // Over the default 2 MiB limit, which skips a file unless the config raises it.
        "deploylint.config.yaml":
          "maxFileSize: 50000000\nsettings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
        "db/migrations/000001_big.up.sql": up,
        "db/migrations/000001_big.down.sql": down,
      });
      const run = spawnSync(process.execPath, [BIN, "--format", "json", "-o", "report.json"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: LIMIT_MS,
      });
      expect(run.error).toBeUndefined(); // a timeout kills the run and sets error
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
        findings: { ruleId: string; file: string; message: string }[];
      };
      // The only findings: the statements whose index name is a keyword (i + "n", "s", "nto", …).
      // Everything else is an index on a table created in the same migration, undone by the down.
      expect(report.findings.length).toBeGreaterThan(0);
      for (const finding of report.findings) {
        expect(finding.ruleId).toBe("migrations/parse-error");
        expect(finding.message).toMatch(/syntax error/i);
      }
      expect(report.findings.filter((f) => f.file.endsWith(".up.sql")).length).toBe(
        report.findings.filter((f) => f.file.endsWith(".down.sql")).length,
      );
    },
    LIMIT_MS + 20_000,
  );
});
