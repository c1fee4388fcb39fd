// Tests of secrets/no-public-secret: secret-named variables behind a browser-public prefix, read in
// code or declared in env files, and the public-by-design keys that are fine.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { at } from "./helpers/lint.js";

const member = "export const analyticsToken = process.env.NEXT_PUBLIC_ANALYTICS_SECRET;\n";
const computed = 'const key = process.env["VITE_STRIPE_SECRET_KEY"];\n';
const meta = "const pw = import.meta.env.VITE_ADMIN_PASSWORD;\n";
const destructured = "const { REACT_APP_SERVICE_ROLE_KEY, REACT_APP_API_URL } = process.env;\n";
const dotenv = "NEXT_PUBLIC_SITE_URL=https://acme.example\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n";

const tester = new RuleTester({ pack });

tester.run("no-public-secret", {
  valid: [
    {
      name: "public-by-design keys",
      filename: "src/config.ts",
      code: [
        "const a = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;",
        "const b = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;",
        "const c = import.meta.env.VITE_FIREBASE_API_KEY;",
        "const d = process.env.NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN;",
        "const e = process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY;",
        "const f = process.env.STRIPE_SECRET_KEY;",
        "const g = process.env.NEXT_PUBLIC_OAUTH_CLIENT_ID;",
      ].join("\n"),
    },
    {
      name: "a demo or guest account's login, shown to visitors on purpose (linkwarden's demo mode)",
      filename: "apps/web/pages/api/v1/config/index.ts",
      code: [
        'const demo = process.env.NEXT_PUBLIC_DEMO === "true" && process.env.NEXT_PUBLIC_DEMO_PASSWORD;',
        "const guest = import.meta.env.VITE_GUEST_PASSWORD;",
      ].join("\n"),
    },
    {
      name: "settings about a secret: switches, limits and form paths (linkwarden's CREDENTIALS_ENABLED)",
      filename: ".env.sample",
      code: [
        "NEXT_PUBLIC_CREDENTIALS_ENABLED=",
        "NEXT_PUBLIC_DISABLE_PASSWORD_LOGIN=false",
        "VITE_PASSWORD_MIN_LENGTH=12",
        "NEXT_PUBLIC_PASSWORD_RESET_PATH=/forgot",
        "",
      ].join("\n"),
    },
    {
      name: "env file without secrets",
      filename: ".env.example",
      code: "NEXT_PUBLIC_API_URL=https://api.example\nSESSION_SECRET=changeme\n",
    },
  ],
  invalid: [
    {
      name: "a password beside the switches still counts",
      filename: ".env.sample",
      code: "NEXT_PUBLIC_CREDENTIALS_ENABLED=true\nNEXT_PUBLIC_ADMIN_PASSWORD=\n",
      errors: [{ messageId: "publicSecret", line: 2, column: 1 }],
    },
    {
      name: "member read",
      filename: "src/config.ts",
      code: member,
      errors: [{ messageId: "publicSecret", ...at(member, "process.env") }],
    },
    {
      name: "computed read",
      filename: "src/pay.ts",
      code: computed,
      errors: [{ messageId: "publicSecret", ...at(computed, "process.env") }],
    },
    {
      name: "import.meta.env",
      filename: "src/admin.ts",
      code: meta,
      errors: [{ messageId: "publicSecret", ...at(meta, "import.meta") }],
    },
    {
      name: "destructuring",
      filename: "src/supabase.js",
      code: destructured,
      errors: [
        {
          messageId: "publicSecret",
          data: { name: "REACT_APP_SERVICE_ROLE_KEY", prefix: "REACT_APP_" },
          line: 1,
          column: 9,
        },
      ],
    },
    {
      name: "env file",
      filename: ".env.local",
      code: dotenv,
      errors: [{ messageId: "publicSecret", line: 2, column: 1 }],
    },
  ],
});
