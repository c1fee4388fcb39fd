// The change-set rules of the migrations pack (ordered-versions, no-modified-migration,
// separate-schema-deploy) on real temporary git repositories, through the CLI's --changed-since.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git, runJson, tempRepo } from "../support/cli.js";

const CONFIG = `settings:
  migrations: { paths: [db/migrations], dialect: postgresql }
rules:
  migrations/separate-schema-deploy: warn
`;

const CHANGE_SET_RULES = /^migrations\/(ordered-versions|no-modified-migration|separate-schema-deploy)$/;
const made: string[] = [];

function repoOnMain(): string {
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "db/migrations/000001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
    "db/migrations/000001_users.down.sql": "DROP TABLE users;\n",
    "db/migrations/000003_orders.up.sql": "CREATE TABLE orders (id bigint PRIMARY KEY);\n",
    "db/migrations/000003_orders.down.sql": "DROP TABLE orders;\n",
    "src/orders.ts": "export const table = 'orders';\n",
  });
  made.push(dir);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  git(dir, "checkout", "-qb", "feature");
  return dir;
}

function commit(dir: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else writeFileSync(join(dir, path), text);
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "change");
}

function changeFindings(dir: string): string[] {
  const { report } = runJson(["--changed-since", "main", "--only", "migrations/*"], { cwd: dir });
  return report.findings.filter((f) => CHANGE_SET_RULES.test(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("migrations change-set rules with --changed-since", () => {
  it("ordered-versions: a migration added below one already on main", () => {
    const dir = repoOnMain();
    commit(dir, {
      "db/migrations/000002_status.up.sql": "ALTER TABLE orders ADD COLUMN status text;\n",
      "db/migrations/000002_status.down.sql": "ALTER TABLE orders DROP COLUMN status;\n",
    });
    expect(changeFindings(dir)).toEqual(["migrations/ordered-versions db/migrations/000002_status.up.sql:1"]);
  });

  it("ordered-versions: a migration added after every merged one is fine", () => {
    const dir = repoOnMain();
    commit(dir, {
      "db/migrations/000004_status.up.sql": "ALTER TABLE orders ADD COLUMN status text;\n",
      "db/migrations/000004_status.down.sql": "ALTER TABLE orders DROP COLUMN status;\n",
    });
    expect(changeFindings(dir)).toEqual([]);
  });

  it("no-modified-migration: an edited merged migration", () => {
    const dir = repoOnMain();
    commit(dir, { "db/migrations/000003_orders.up.sql": "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n" });
    expect(changeFindings(dir)).toEqual(["migrations/no-modified-migration db/migrations/000003_orders.up.sql:1"]);
  });

  it("separate-schema-deploy: a migration and application code in one change", () => {
    const dir = repoOnMain();
    commit(dir, {
      "db/migrations/000004_status.up.sql": "ALTER TABLE orders ADD COLUMN status text;\n",
      "db/migrations/000004_status.down.sql": "ALTER TABLE orders DROP COLUMN status;\n",
      "src/orders.ts": "export const table = 'orders';\nexport const statuses = ['new'];\n",
    });
    expect(changeFindings(dir)).toEqual(["migrations/separate-schema-deploy db/migrations/000004_status.up.sql:1"]);
  });

  it("reports nothing about history without --changed-since", () => {
    const dir = repoOnMain();
    commit(dir, { "db/migrations/000003_orders.up.sql": "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n" });
    const { report } = runJson(["--only", "migrations/*"], { cwd: dir });
    expect(report.findings.filter((f) => CHANGE_SET_RULES.test(f.ruleId))).toEqual([]);
  });
});
