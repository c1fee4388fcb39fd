// no-public-secret's script prefilter (mayExposeSecret): a script is parsed only when a name in it
// that a public prefix starts names a secret; every variable the rule reports still passes.
import { describe, expect, it } from "vitest";
import { mayExposeSecret } from "../src/rules/no-public-secret.js";
import { lintFiles } from "./helpers/lint.js";

const rules = { "no-public-secret": undefined };
// A syntax error shows whether the file was parsed: a parsed file reports it.
const broken = "\nconst broken = ;\n";

describe("no-public-secret script prefilter", () => {
  it("does not parse a script whose public variables are settings, public keys and demo logins", async () => {
    const text = [
      "const url = process.env.NEXT_PUBLIC_API_URL;",
      "const on = import.meta.env.VITE_CREDENTIALS_ENABLED === 'true';",
      "const demo = process.env.NEXT_PUBLIC_DEMO_PASSWORD;",
      "const key = process.env['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY'];",
    ].join("\n");
    expect(mayExposeSecret(text)).toBe(false);
    expect(await lintFiles({ files: { "src/env.ts": `${text}${broken}` }, rules })).toEqual([]);
  });

  it("parses and reports a secret behind a public prefix however the script names it", async () => {
    const reads = {
      "a member": "const s = process.env.NEXT_PUBLIC_STRIPE_SECRET;\n",
      "a string member": "const s = import.meta.env['VITE_ADMIN_TOKEN'];\n",
      "a string with a dash": 'const s = process.env["NEXT_PUBLIC_db-password"];\n',
      "a destructuring": "const { NUXT_PUBLIC_SIGNING_KEY } = process.env;\n",
      "a name after another public one": "const a = process.env.VITE_URL + process.env.VITE_SERVICE_ROLE_KEY;\n",
    };
    for (const [what, text] of Object.entries(reads)) {
      expect(mayExposeSecret(text), what).toBe(true);
      const findings = await lintFiles({ files: { "src/env.ts": text }, rules });
      expect(
        findings.map((f) => f.ruleId),
        what,
      ).toContain("secrets/no-public-secret");
    }
  });

  it("lets a public-prefixed string with an escape through: it may spell any name", () => {
    expect(mayExposeSecret('process.env["NEXT_PUBLIC_\\u0053ECRET"]')).toBe(true);
  });
});
