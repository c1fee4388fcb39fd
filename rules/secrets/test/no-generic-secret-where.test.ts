// Where no-generic-secret looks: every text file by content (not lockfiles, bundles, maps, docs),
// compound and abbreviated names in any case style, the password argument of login calls, bare
// `auth` only as base64 user:password, and SQL password columns outside migrations.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it, vi } from "vitest";
import { Scanner } from "../src/detectors/scan.js";
import pack from "../src/index.js";
import { couldHoldSecret } from "../src/shared/prefilter.js";
import { isReadByGenericLayer } from "../src/shared/scan-scope.js";
import { isBasicAuthBlob, isPasswordName, isSecretName } from "../src/shared/secret-names.js";
import { sqlPasswordValues } from "../src/shared/sql-inserts.js";
import { at, lintFiles } from "./helpers/lint.js";

const password = "Vq7-pLm2Rz9wKx";
const basic = btoa(`ci-robot:${password}`);

describe("secret names", () => {
  it.each([
    "dbpasswd",
    "DBPASSWD",
    "db_pass",
    "DbPass",
    "db-pass",
    "pwd",
    "Pwd",
    "passphrase",
    "ssh_passphrase",
    "secret_key",
    "SecretKey",
    "ftppassword",
    "smtppass",
    "clientsecret",
    "authtoken",
    "_auth",
    "auth",
  ])("%s names a credential", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "password_enabled",
    "passwordLength",
    "password_min",
    "password_path",
    "minpassword",
    "nexttoken",
    "csrftoken",
    "oldpwd",
    "bypass",
    "compass",
    "author",
    "authMode",
  ])("%s is a setting or another word", (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  // Credential words in any case and across word breaks: the quick test of the whole name before it
  // is split must ignore case as splitting does.
  it.each(["Password", "x-Api-Key", "GITHUB_PAT", "Creds", "SALT", "clientSecret", "Db.PWD", "__AUTH"])(
    "%s names a credential in any case",
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );

  // Most names of a file hold no credential word (`id`, `displayName`, keys of a JSON data file).
  it("settles a name without a credential word without splitting it into words", () => {
    const split = vi.spyOn(String.prototype, "split");
    try {
      expect(["displayName", "user_id", "created-at", "Pasture", "keynote"].map(isSecretName)).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(split.mock.calls.length).toBe(1); // "keynote" holds "key": it is split, and judged no credential
    } finally {
      split.mockRestore();
    }
  });

  it("takes compound passwords for passwords", () => {
    expect(isPasswordName("dbpasswd")).toBe(true);
    expect(isPasswordName("clientsecret")).toBe(false);
  });

  it("reads `auth` values as base64 user:password only", () => {
    expect(isBasicAuthBlob(basic)).toBe(true);
    expect(isBasicAuthBlob("jwt")).toBe(false);
    expect(isBasicAuthBlob(btoa("no colon in here"))).toBe(false);
  });
});

describe("scope and prefilter", () => {
  it("skips lockfiles, bundles, source maps and documentation, and reads the rest", () => {
    for (const path of ["package-lock.json", "yarn.lock", "web/app.min.js", "web/app.js.map", "docs/guide.mdx"])
      expect(isReadByGenericLayer(path, "password = x\n"), path).toBe(false);
    const bundle = `!function(){${"var a=1;".repeat(400)}}();\n`;
    expect(isReadByGenericLayer("public/vendor.js", bundle)).toBe(false);
    for (const path of [".credentials", ".s3cfg", "config", "hub", "notes.txt", "app.conf", "a.cfg", "dump.sql"])
      expect(isReadByGenericLayer(path, "password = x\n"), path).toBe(true);
  });

  it("parses a script only when a secret-like word has a literal within a line or two", () => {
    expect(couldHoldSecret(`const password =\n  "${password}";\n`)).toBe(true);
    expect(couldHoldSecret(`await client.login("alerts", "${password}");\n`)).toBe(true);
    expect(couldHoldSecret('import { useState } from "react";\nconst key = id;\n')).toBe(false);
    expect(couldHoldSecret(`const password = input.value;\n\n\nconst title = "${password}";\n`)).toBe(false);
  });
});

describe("SQL", () => {
  it("reads password columns of every row of an INSERT, not in migrations", () => {
    const sql = `INSERT INTO users (id, "password") VALUES (1, '${password}'), (2, 'it''s-${password}');\n`;
    expect(sqlPasswordValues("backup/dump.sql", sql).map((a) => a.value)).toEqual([password, `it's-${password}`]);
    expect(sqlPasswordValues("db/migrations/0001_seed.sql", sql)).toEqual([]);
  });
});

const tester = new RuleTester({ pack });
const php = `<?php\n$dbpasswd = '${password}';\n`;
const xml = `<settings>\n  <server>\n    <Pass>${password}</Pass>\n  </server>\n  <db password="${password}x"/>\n</settings>\n`;
const extensionless = `[default]\naws_session_password = ${password}\n`;
// (npm's `_auth` and Docker's config.json have catalogue detectors; these files do not.)
const yamlAuth = `registry:\n  auth: ${basic}\n`;
const confAuth = `[mirror]\nAUTH = ${basic}\n`;
const loginTs = `await imap.login(user, "${password}");\n`;
const loginPy = `server.login(user, "${password}")\n`;
const mysqli = `<?php\n$db = mysqli_connect("db", "app", "${password}", "shop");\n`;
const kwargs = `conn = psycopg2.connect(host="db", password="${password}")\n`;

tester.run("no-generic-secret", {
  valid: [
    { name: "auth as a setting", filename: "config/app.json", code: '{ "auth": "jwt", "authMode": "session" }\n' },
    { name: "login with variables", filename: "src/a.ts", code: "await client.login(user, password);\n" },
    { name: "bare call values", filename: "config/app.conf", code: "token = get_token_auth_header()\n" },
    { name: "documentation", filename: "docs/guide.mdx", code: `password = "${password}"\n` },
    { name: "a lockfile", filename: "deps/Cargo.lock", code: `password = "${password}"\n` },
  ],
  invalid: [
    {
      name: "PHP compound",
      filename: "legacy/config.php",
      code: php,
      errors: [{ messageId: "generic", ...at(php, password) }],
    },
    {
      name: "XML element and attribute",
      filename: "conf/settings.xml",
      code: xml,
      errors: [
        { messageId: "generic", ...at(xml, `${password}</Pass>`) },
        { messageId: "generic", ...at(xml, `${password}x`) },
      ],
    },
    {
      name: "extension-less INI",
      filename: "home/.credentials",
      code: extensionless,
      errors: [{ messageId: "generic", ...at(extensionless, password) }],
    },
    {
      name: "YAML auth",
      filename: "deploy/registry.yml",
      code: yamlAuth,
      errors: [{ messageId: "generic", ...at(yamlAuth, basic) }],
    },
    {
      name: "INI AUTH",
      filename: "etc/mirror.conf",
      code: confAuth,
      errors: [{ messageId: "generic", ...at(confAuth, basic) }],
    },
    {
      name: "login call (AST)",
      filename: "src/mail.ts",
      code: loginTs,
      errors: [{ messageId: "generic", ...at(loginTs, `"${password}`) }],
    },
    {
      name: "login call (text)",
      filename: "bin/mail.py",
      code: loginPy,
      errors: [{ messageId: "generic", ...at(loginPy, `"${password}`) }],
    },
    {
      name: "mysqli_connect",
      filename: "db.php",
      code: mysqli,
      errors: [{ messageId: "generic", ...at(mysqli, `"${password}`) }],
    },
    {
      name: "keyword argument",
      filename: "bin/db.py",
      code: kwargs,
      errors: [{ messageId: "generic", ...at(kwargs, password) }],
    },
  ],
});

// The catalogue scan that keeps provider formats to no-hardcoded-secret is asked for only when a
// value passed every other test: with that rule off, a file of ordinary assignments is not scanned.
describe("no-generic-secret and the catalogue scan", () => {
  it("does not scan a file whose assignments hold no candidate", async () => {
    const scan = vi.spyOn(Scanner.prototype, "scan");
    try {
      const findings = await lintFiles({
        files: {
          "config/app.json": JSON.stringify({ title: "Shop", password_min: 8, tokenUrl: "https://example.com/t" }),
          "src/settings.py": "DEBUG = True\nSECRET_KEY_NAME = 'django'\n",
        },
        rules: { "no-generic-secret": undefined },
      });
      expect(findings).toEqual([]);
      expect(scan).not.toHaveBeenCalled();
    } finally {
      scan.mockRestore();
    }
  });

  it("still leaves a provider-format value to no-hardcoded-secret", async () => {
    const token = `ghp_${"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}`;
    const findings = await lintFiles({ files: { "config/app.json": JSON.stringify({ api_token: token }) } });
    expect(findings.map((f) => f.ruleId)).not.toContain("secrets/no-generic-secret");
  });
});
