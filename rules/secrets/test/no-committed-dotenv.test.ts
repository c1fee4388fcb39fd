// Tests of secrets/no-committed-dotenv: dotenv files with values that reach the repository, the
// templates that are meant to, and a root .gitignore that does not keep `.env*` out.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const ignoring = "node_modules/\n.env\n.env.*\n!.env.example\n";
// create-next-app's .gitignore: only the `.local` files are ignored, the defaults are committed.
const nextIgnore = "node_modules/\n.next/\n.env*.local\n";
// Written for these tests: the public defaults a Next.js app commits (browser-bound values, URLs
// without credentials, switches and numbers, settings under names that are no credential's).
const publicDefaults = [
  "NEXT_PUBLIC_SITE_URL=https://shop.example.com",
  "NEXT_PUBLIC_ANALYTICS_ID=G-4XK2M9PQ7Z",
  "NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLWhlcmU",
  "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_placeholder",
  "NEXT_TELEMETRY_DISABLED=1",
  "SENTRY_DSN=https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o4504.ingest.us.sentry.io/4505",
  "API_URL=https://api.example.com/v2",
  "ENABLE_SIGNUP=false",
  "MAX_UPLOAD_MB=25",
  "NODE_ENV=production",
  "APP_NAME=Corner Shop",
  "NEXTAUTH_SECRET=",
  "",
].join("\n");
const nextPackage = JSON.stringify({ name: "web", dependencies: { next: "15.1.0", react: "19.0.0" } });
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
    {
      name: "Next.js app (next.config): .env.production with public defaults only",
      files: { ".env.production": publicDefaults, "next.config.mjs": "export default {};\n", ".gitignore": nextIgnore },
    },
    {
      name: "Next.js app in a monorepo (package.json declares next): .env, .env.development, .env.test",
      files: {
        "apps/web/package.json": nextPackage,
        "apps/web/.env": publicDefaults,
        "apps/web/.env.development": "NEXT_PUBLIC_API_URL=http://localhost:3000\nDEBUG=true\n",
        "apps/web/.env.test": "DATABASE_URL=postgres://localhost:5432/test\n",
        ".gitignore": nextIgnore,
      },
    },
    {
      name: "Next.js app: placeholders and references are public",
      files: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the dotenv text holds a `${VAR}` reference.
        ".env.production": "NEXTAUTH_SECRET=changeme\nDATABASE_URL=${DATABASE_URL}\n",
        "next.config.js": "module.exports = {};\n",
        ".gitignore": nextIgnore,
      },
    },
  ],
  invalid: [
    {
      name: "Next.js app: a secret-named value in .env.production is named, never shown",
      files: {
        ".env.production": `${publicDefaults}\nNEXTAUTH_SECRET=Vq3xR8kP2mZ7tL9w\n`,
        "next.config.ts": "export default {};\n",
        ".gitignore": nextIgnore,
      },
      errors: [
        {
          file: ".env.production",
          messageId: "committedNextDefaults",
          data: { file: ".env.production", names: "`NEXTAUTH_SECRET`", verb: "holds", them: "it" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "Next.js app: a URL with a password, a token in a query, a random value under a plain name",
      files: {
        "web/package.json": nextPackage,
        "web/.env": [
          "DATABASE_URL=postgres://shop:Kx82mPq0vZ@db.internal:5432/shop",
          "WEBHOOK=https://hooks.shop.dev/in?token=9f8e7d6c5b4a",
          "NEXT_PUBLIC_SITE_URL=https://shop.example.com",
          "BUILD_SALT_X=a8F3kL0qZ7mN2pR5",
          "",
        ].join("\n"),
        ".gitignore": nextIgnore,
      },
      errors: [
        {
          file: "web/.env",
          messageId: "committedNextDefaults",
          data: {
            file: "web/.env",
            names: "`DATABASE_URL`, `WEBHOOK` and `BUILD_SALT_X`",
            verb: "hold",
            them: "them",
          },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "Next.js app: a secret-named NEXT_PUBLIC_ variable is not a public default",
      files: {
        ".env.production": "NEXT_PUBLIC_STRIPE_SECRET_KEY=Zq8vN3kR7tW2pL5x\n",
        "next.config.js": "module.exports = {};\n",
        ".gitignore": nextIgnore,
      },
      errors: [{ file: ".env.production", messageId: "committedNextDefaults", line: 1, column: 1 }],
    },
    {
      name: "public defaults without Next.js are still a committed dotenv file",
      files: { ".env.production": publicDefaults, ".gitignore": ignoring },
      errors: [{ file: ".env.production", messageId: "committed", line: 1, column: 1 }],
    },
    {
      name: "Next.js app: .env.local and .env.staging are not defaults Next.js documents as committed",
      files: {
        ".env.local": "NEXT_PUBLIC_SITE_URL=https://shop.example.com\n",
        ".env.staging": "NEXT_PUBLIC_SITE_URL=https://staging.example.com\n",
        "next.config.js": "module.exports = {};\n",
        ".gitignore": "node_modules/\n",
      },
      errors: [
        { file: ".env.local", messageId: "committed", line: 1, column: 1 },
        { file: ".env.staging", messageId: "committed", line: 1, column: 1 },
        { file: ".gitignore", messageId: "gitignore", line: 1, column: 1 },
      ],
    },
    {
      name: "a Next.js app elsewhere in the repository does not cover the root's file",
      files: { "apps/web/next.config.js": "module.exports = {};\n", ".env": publicDefaults, ".gitignore": ignoring },
      errors: [{ file: ".env", messageId: "committed", line: 1, column: 1 }],
    },
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
