// Issue 13: a suppression directive counts only in a real comment of the file's language. The same
// words inside an SQL string, a JS template literal, a YAML block scalar or a dotenv value are text:
// they suppress nothing, and are not reported as unused suppressions (they are not directives).
import { describe, expect, it } from "vitest";
import { runJson, tempRepo } from "../../support/cli.js";

// A well-formed Stripe live key (the detector's fixture value elsewhere in the suite), not a real one.
const KEY = "sk_live_gFa1LDY8FJmeJ3vc6s4uEHdbrGDqFgg2HBiolgFe";
const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

describe("suppression directives outside comments", () => {
  it("suppress nothing inside an SQL string, a template literal, a YAML block scalar or a dotenv value", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": CONFIG,
      "db/migrations/000001_drop.up.sql":
        "INSERT INTO notes (body) VALUES ('\n-- deploylint-disable migrations/no-drop-table\n');\nDROP TABLE users;\n",
      "db/migrations/000001_drop.down.sql": "CREATE TABLE users (id bigint);\n",
      "src/template.ts": `const banner = \`\n// deploylint-disable\n\`;\nexport const stripe = "${KEY}";\n`,
      "src/nested.js": `const banner = \`\${"x"}\n/* deploylint-disable */\n\`;\nexport const stripe = "${KEY}";\n`,
      "config/app.yaml": `run: |\n  # deploylint-disable\nstripe: "${KEY}"\n`,
      ".env": `NOTE="first\n# deploylint-disable\n"\nSTRIPE_KEY=${KEY}\n`,
    });
    const { report } = runJson([], { cwd: dir });
    const found = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "migrations/no-drop-table db/migrations/000001_drop.up.sql:4",
        "secrets/no-hardcoded-secret src/template.ts:4",
        "secrets/no-hardcoded-secret src/nested.js:4",
        "secrets/no-hardcoded-secret config/app.yaml:3",
        "secrets/no-hardcoded-secret .env:4",
      ]),
    );
    expect(found.filter((f) => f.startsWith("deploylint/unused-suppression"))).toEqual([]);
    expect(report.summary.suppressed).toBe(0);
  });

  it("still suppress in a real comment of each language (control)", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": CONFIG,
      "db/migrations/000001_drop.up.sql":
        "SELECT 'it''s -- not a comment';\n-- deploylint-disable-next-line migrations/no-drop-table -- rebuilt below\nDROP TABLE users;\n",
      "db/migrations/000001_drop.down.sql": "CREATE TABLE users (id bigint);\n",
      "src/template.ts": `const banner = \`\${1}\`; // deploylint-disable-next-line secrets/no-hardcoded-secret -- test key\nexport const stripe = "${KEY}";\n`,
      "config/app.yaml": `run: |\n  echo hi\n# deploylint-disable-next-line secrets/no-hardcoded-secret -- test key\nstripe: "${KEY}"\n`,
      ".env": `NOTE="first # still the value"\n# deploylint-disable-next-line secrets/no-hardcoded-secret -- test key\nSTRIPE_KEY=${KEY}\n`,
    });
    const { report } = runJson([], { cwd: dir });
    const found = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(found.filter((f) => /no-drop-table|no-hardcoded-secret|unused-suppression/.test(f))).toEqual([]);
    expect(report.summary.suppressed).toBe(4);
  });
});
