// Tests of secrets/no-committed-dotenv: dotenv files with values that reach the repository, the
// templates that are meant to, and a root .gitignore that does not keep `.env*` out.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const ignoring = "node_modules/\n.env\n.env.*\n!.env.example\n";
const tester = new RuleTester({ pack });

tester.run("no-committed-dotenv", {
  valid: [
    {
      name: "templates",
      files: { ".env.example": "API_KEY=changeme\n", ".env.sample": "A=1\n", ".gitignore": ignoring },
    },
    { name: "empty values only", files: { ".env": "API_KEY=\nDEBUG=\n", ".gitignore": ignoring } },
    {
      name: "per-environment files outside the dotenv naming",
      files: { "deploy/staging.env": "LOG_LEVEL=info\n", ".gitignore": ignoring },
    },
    {
      name: "allowed on purpose",
      files: { ".env.development": "PORT=3000\n", ".gitignore": ignoring },
      options: { allow: [".env.development"] },
    },
    { name: "no dotenv files, any .gitignore", files: { ".gitignore": "dist/\n", "src/a.ts": "export {};\n" } },
    {
      // Next.js and Vite: `.env` and `.env.production` are committed defaults, the `.local` files the
      // secrets (linkwarden's .gitignore, and create-next-app's `.env*.local` alone).
      name: "the .local convention: `.env*.local` (and `.env`) ignored, `.env.production` left for defaults",
      files: { ".env.sample": "A=changeme\n", ".gitignore": "# env files\n.env*.local\n.env\n" },
    },
    {
      name: "create-next-app's .gitignore",
      files: { ".env.example": "A=changeme\n", ".gitignore": "# local env files\n.env*.local\n" },
    },
    {
      name: "gitignore with glob forms",
      files: { ".env.example": "A=changeme\n", ".gitignore": "*.log\n/.env*\n" },
    },
  ],
  invalid: [
    {
      name: ".env.production committed",
      files: { ".env.production": "DATABASE_URL=postgres://db/app\n", ".gitignore": ignoring },
      errors: [{ file: ".env.production", messageId: "committed", line: 1, column: 1 }],
    },
    {
      name: ".env and a .gitignore that misses it",
      files: { ".env": "SECRET=abc\n", ".gitignore": "node_modules/\ndist/\n" },
      errors: [
        { file: ".env", messageId: "committed", line: 1, column: 1 },
        {
          file: ".gitignore",
          messageId: "gitignore",
          data: { files: "`.env`, `.env.local` and `.env.production`", patterns: "`.env` and `.env.*`" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "the message names only what is missing (`.env.*` ignored, `.env` not)",
      files: { ".env.sample": "A=changeme\n", ".gitignore": "# env files\n.env.*\n!.env.sample\n" },
      errors: [
        {
          file: ".gitignore",
          messageId: "gitignore",
          data: { files: "`.env`", patterns: "`.env`" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a negation that un-ignores .env.local",
      files: { ".env.example": "A=changeme\n", ".gitignore": ".env*\n!.env.local\n" },
      errors: [{ file: ".gitignore", messageId: "gitignore", line: 1, column: 1 }],
    },
  ],
});
