// `deploylint strategy` on a copy of the example shop: the document it writes has the seven
// sections and the manifest's ladder, --check passes right after and fails after an edit of a
// generated cell, a hand-edited document is not overwritten without --force, and --rfc is idempotent.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runCli, tempRepo } from "../support/cli.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const DOC = join("standards", "ops", "deployment-strategy.md");

/** A copy of the example shop, plus `files`, without its own (filled-in) strategy document. */
function shop(files: Record<string, string> = {}): string {
  const dir = tempRepo(files, "example-shop");
  made.push(dir);
  rmSync(join(dir, DOC), { force: true });
  return dir;
}

const HEADINGS = [
  "Environment ladder",
  "Deployment pipeline",
  "Rollout strategy",
  "Rollback procedure",
  "Database migration safety",
  "Environment variable management",
  "Smoke tests",
];

/** The ladder table's rows as [environment, database, data, monitoring, access]. */
function ladderRows(document: string): string[][] {
  const section = document.split("## Environment ladder")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| Environment"))
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

describe("deploylint strategy", { timeout: 90_000 }, () => {
  it("writes the document with the seven sections and the manifest's ladder", () => {
    const dir = shop();
    const run = runCli(["strategy"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote standards\/ops\/deployment-strategy\.md: replace its \d+ fill-in marks\.\n$/);
    const document = readFileSync(join(dir, DOC), "utf8");
    expect([...document.matchAll(/^## (.+)$/gm)].map((match) => match[1])).toEqual(HEADINGS);

    const manifest = parseYaml(readFileSync(join(dir, "company.config.yaml"), "utf8")) as {
      environments: Record<string, { database: { engine: string }; data: string; access: string[] }>;
    };
    const rows = ladderRows(document);
    expect(rows.map((row) => row[0])).toEqual(Object.keys(manifest.environments));
    for (const [name, database, data, , access] of rows) {
      const declared = manifest.environments[name ?? ""];
      expect(database).toBe(declared?.database.engine);
      expect(data).toBe(declared?.data);
      expect(access).toBe(declared?.access.join(", "));
    }
    expect(rows.find((row) => row[0] === "production")?.[3]).toBe(
      "logging: full, alerts: #shop-prod, on_call: pagerduty",
    );
    // The config's smoke checks and enabled migrations rules are written out.
    expect(document).toContain("| payments provider | integration | `/api/health/payments` | production |");
    expect(document).toContain("| health | health | `/healthz` | all |");
    expect(document).toMatch(/^- `migrations\/no-drop-column` \(error\): /m);
  });

  it("--check passes right after writing and fails after an edit of a generated table cell", () => {
    const dir = shop();
    expect(runCli(["strategy"], { cwd: dir }).status).toBe(0);
    const clean = runCli(["strategy", "--check"], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/matches the repository/);

    const path = join(dir, DOC);
    writeFileSync(path, readFileSync(path, "utf8").replace("| staging | postgres |", "| staging | mysql |"));
    const drift = runCli(["strategy", "--check"], { cwd: dir });
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain("@@ ## Environment ladder @@");
    expect(drift.stdout).toContain("-| staging | mysql |");
    expect(drift.stdout).toContain("+| staging | postgres |");
    expect(drift.stderr).toContain(
      "1 section of standards/ops/deployment-strategy.md no longer matches the repository.",
    );

    // Without --force the edited document stays; with it, it is rewritten.
    const refused = runCli(["strategy"], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(path, "utf8")).toContain("| staging | mysql |");
    expect(runCli(["strategy", "--force"], { cwd: dir }).status).toBe(0);
    expect(runCli(["strategy", "--check"], { cwd: dir }).status).toBe(0);
  });

  it("keeps a document whose marks were filled in: not drift, and not overwritten", () => {
    const dir = shop();
    runCli(["strategy"], { cwd: dir });
    const path = join(dir, DOC);
    const filled = readFileSync(path, "utf8").replaceAll("<!-- deploylint: fill in -->", "the on-call engineer");
    writeFileSync(path, filled);
    expect(runCli(["strategy", "--check"], { cwd: dir }).status).toBe(0);
    const again = runCli(["strategy"], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("is up to date");
    expect(readFileSync(path, "utf8")).toBe(filled);
  });

  it("writes no credential: not a smoke path's query, not a manifest URL's password", () => {
    const base = shop();
    const config = readFileSync(join(base, "deploylint.config.yaml"), "utf8");
    const manifest = readFileSync(join(base, "company.config.yaml"), "utf8");
    const dir = shop({
      "deploylint.config.yaml": config.replace("path: /healthz }", "path: /healthz?token=sm0ke-t0ken-123 }"),
      "company.config.yaml": manifest.replace(
        "    database: { engine: postgres }\n    data: anonymized",
        "    database: postgres://shop:s3cr3t-pw@db.internal/shop\n    data: anonymized",
      ),
    });
    expect(runCli(["strategy"], { cwd: dir }).status).toBe(0);
    const document = readFileSync(join(dir, DOC), "utf8");
    expect(document).toContain("| health | health | `/healthz` | all |");
    expect(document).toContain("| staging | postgres | anonymized |");
    expect(document).not.toMatch(/sm0ke-t0ken|s3cr3t-pw|db\.internal/);
  });

  it("--check on a repository without the document exits 1", () => {
    const run = runCli(["strategy", "--check"], { cwd: shop() });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("does not exist; run deploylint strategy to write it");
  });

  it("--rfc appends a deployment plan once", () => {
    const dir = shop({ "artifacts/rfcs/wishlists.md": "# RFC: wishlists\n\nShoppers keep a wishlist.\n" });
    const rfc = join(dir, "artifacts", "rfcs", "wishlists.md");
    const first = runCli(["strategy", "--rfc", "artifacts/rfcs/wishlists.md"], { cwd: dir });
    expect(first.status).toBe(0);
    const once = readFileSync(rfc, "utf8");
    expect(once).toContain("## Deployment plan");
    expect(once).toContain("### Rollback triggers");
    const second = runCli(["strategy", "--rfc", "artifacts/rfcs/wishlists.md"], { cwd: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("already has a Deployment plan");
    expect(readFileSync(rfc, "utf8")).toBe(once);
    expect(existsSync(join(dir, DOC))).toBe(false);
  });

  it("refuses paths outside the working directory and bad config with exit 2 and one line", () => {
    const dir = shop();
    const outside = runCli(["strategy", "--rfc", "../elsewhere.md"], { cwd: dir });
    expect(outside.status).toBe(2);
    expect(outside.stderr.trim().split("\n")).toHaveLength(1);
    expect(outside.stderr).toContain("outside the working directory");
    // A symlink inside the repository does not lead a write outside it.
    const elsewhere = mkdtempSync(join(tmpdir(), "deploylint-outside-"));
    made.push(elsewhere);
    writeFileSync(join(elsewhere, "rfc.md"), "# RFC\n");
    symlinkSync(elsewhere, join(dir, "linked"));
    const linked = runCli(["strategy", "--rfc", "linked/rfc.md"], { cwd: dir });
    expect(linked.status).toBe(2);
    expect(readFileSync(join(elsewhere, "rfc.md"), "utf8")).toBe("# RFC\n");
    const missing = runCli(["strategy", "--rfc", "artifacts/rfcs/none.md"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read artifacts/rfcs/none.md (ENOENT)");

    writeFileSync(join(dir, "company.config.yaml"), "environments: [unclosed\n");
    const badManifest = runCli(["strategy"], { cwd: dir });
    expect(badManifest.status).toBe(2);
    expect(badManifest.stderr.trim().split("\n")).toHaveLength(1);

    const badConfig = shop({ "deploylint.config.yaml": "extends: [recommended]\nrules: nope\n" });
    const config = runCli(["strategy"], { cwd: badConfig });
    expect(config.status).toBe(2);
    expect(existsSync(join(badConfig, DOC))).toBe(false);
  });

  it("writes to settings.strategyDocs.strategy, but never outside the working directory", () => {
    const config = readFileSync(join(shop(), "deploylint.config.yaml"), "utf8");
    const dir = shop({
      "deploylint.config.yaml": config.replace(
        "settings:\n",
        "settings:\n  strategyDocs:\n    strategy: docs/ops.md\n",
      ),
    });
    expect(runCli(["strategy"], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, "docs", "ops.md"))).toBe(true);
    const outsider = shop({
      "deploylint.config.yaml": config.replace("settings:\n", "settings:\n  strategyDocs:\n    strategy: ../ops.md\n"),
    });
    const run = runCli(["strategy"], { cwd: outsider });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("outside the working directory");
  });

  it("writes where the manifest's docs.deployment_strategy says, when the config does not say", () => {
    const manifest = readFileSync(join(shop(), "company.config.yaml"), "utf8");
    const dir = shop({ "company.config.yaml": `docs:\n  deployment_strategy: ops/strategy.md\n${manifest}` });
    expect(runCli(["strategy"], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, "ops", "strategy.md"))).toBe(true);
    expect(existsSync(join(dir, DOC))).toBe(false);
  });
});
