// Tests of secrets/no-generic-secret: secret-named names and keys with literal credentials in
// scripts, YAML, JSON, dotenv and other text, and the gates that keep ordinary code quiet.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { at } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const password = "Tr0ub4dor&3-prod-9Qz";
const secret = fakeToken("", 48, 11, "0123456789abcdef");
const salt = fakeToken(
  "",
  64,
  12,
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_[]{}<>~+=.;:/?|",
);

const variable = `const dbPassword = "${password}";\n`;
const property = `export const db = {\n  host: "db.internal",\n  password: '${password}',\n};\n`;
const assignment = `config.sessionSecret = \`${secret}\`;\n`;
const defaultParam = `export function connect({ user, password = "${password}" } = {}) {\n  return [user, password];\n}\n`;
const classField = `class Client {\n  private apiSecret = "${secret}";\n}\n`;
const yaml = `database:\n  host: db\n  password: "${password}"\n`;
const json = `{\n  "client_secret": "${secret}"\n}\n`;
const dotenv = `SESSION_SECRET=${secret}\n`;
const django = `DEBUG = False\nSECRET_KEY = '${secret}'\n`;
const wordpress = `<?php\ndefine( 'DB_PASSWORD', '${password}' );\ndefine( 'AUTH_SALT', '${salt}' );\n`;
const ini = `[database]\npassword = ${password}\n`;

const tester = new RuleTester({ pack });

tester.run("no-generic-secret", {
  valid: [
    {
      name: "labels, prompts, templates and placeholders",
      filename: "src/safe.ts",
      code: [
        'export const apiKeyPlaceholder = "<your-api-key>";',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source code holding a template placeholder.
        'export const tokenTemplate = "${GITHUB_TOKEN}";',
        'export const passwordLabel = "Password";',
        'export const secretQuestionPrompt = "What was the name of your first pet?";',
        'const password = process.env.DB_PASSWORD ?? "changeme";',
        'const token = "refresh_token";',
        'const secretKeyName = "STRIPE_SECRET_KEY";',
        'const passwordMinLength = "12345678";',
        'const showPassword = "visible-always";',
        'const tokenUrl = "https://auth.example.com/oauth/token";',
        'const keyFile = "./certs/server.key";',
      ].join("\n"),
    },
    {
      name: "env references in YAML",
      filename: "config.yaml",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${VAR} reference written in config, not a JS template.
      code: "password: ${DB_PASSWORD}\ntoken: '{{ vault_token }}'\n",
    },
    { name: "templates are left to no-real-value-in-example", filename: ".env.example", code: dotenv },
    { name: "markdown is not read", filename: "README.md", code: `password = ${password}\n` },
    {
      name: "provider credentials are left to no-hardcoded-secret",
      filename: "src/a.ts",
      code: `const apiKey = "${fakeToken("sk_live_", 32, 13)}";\n`,
    },
    {
      name: "CI env blocks are left to no-inline-secret-in-ci",
      filename: ".github/workflows/deploy.yml",
      code: `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      DB_PASSWORD: "${password}"\n`,
    },
    { name: "ignored names", filename: "src/a.ts", code: variable, options: { ignoreNames: ["dbPassword"] } },
  ],
  invalid: [
    {
      name: "variable",
      filename: "src/a.ts",
      code: variable,
      errors: [{ messageId: "generic", ...at(variable, `"${password}`) }],
    },
    {
      name: "property",
      filename: "src/db.ts",
      code: property,
      errors: [{ messageId: "generic", ...at(property, `'${password}`) }],
    },
    {
      name: "member assignment",
      filename: "src/a.js",
      code: assignment,
      errors: [{ messageId: "generic", ...at(assignment, "`") }],
    },
    {
      name: "default parameter",
      filename: "src/connect.ts",
      code: defaultParam,
      errors: [{ messageId: "generic", ...at(defaultParam, `"${password}`) }],
    },
    {
      name: "class field",
      filename: "src/client.ts",
      code: classField,
      errors: [{ messageId: "generic", ...at(classField, `"${secret}`) }],
    },
    {
      name: "YAML key",
      filename: "config/database.yml",
      code: yaml,
      errors: [{ messageId: "generic", ...at(yaml, `"${password}`) }],
    },
    {
      name: "JSON key",
      filename: "config/oauth.json",
      code: json,
      errors: [{ messageId: "generic", ...at(json, `"${secret}`) }],
    },
    { name: "dotenv", filename: ".env", code: dotenv, errors: [{ messageId: "generic", ...at(dotenv, secret) }] },
    {
      name: "Django settings",
      filename: "app/settings.py",
      code: django,
      errors: [{ messageId: "generic", ...at(django, secret) }],
    },
    {
      name: "wp-config.php",
      filename: "wp-config.php",
      code: wordpress,
      errors: [
        { messageId: "generic", ...at(wordpress, password) },
        { messageId: "generic", ...at(wordpress, salt) },
      ],
    },
    { name: "ini", filename: "config/app.ini", code: ini, errors: [{ messageId: "generic", ...at(ini, password) }] },
  ],
});
