// secrets/no-public-secret: a secret-named variable with a prefix that ships it to the browser
// (NEXT_PUBLIC_, VITE_, REACT_APP_, PUBLIC_, EXPO_PUBLIC_, …), in code reads and in env files.
import { defineRule, type TSESTree } from "@deploylint/core/rule-api";
import { splitWords } from "../shared/secret-names.js";

const PUBLIC_PREFIX = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|PUBLIC_|NUXT_PUBLIC_|GATSBY_|STORYBOOK_)(.+)$/;
const PUBLIC_PREFIX_HINT = /NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|PUBLIC_|GATSBY_|STORYBOOK_/;

// What no browser may hold. Words that are public by design (publishable, anon, site key, maps
// key, DSN) never count, and neither does a bare API_KEY or TOKEN: many public ones exist.
const SECRET_WORDS = new Set(["secret", "password", "passwd", "pwd", "passphrase", "credential", "credentials"]);
const SECRET_PAIRS = new Set([
  "private key",
  "service role",
  "service key",
  "admin key",
  "admin token",
  "master key",
  "signing key",
  "encryption key",
  "auth token",
  "refresh token",
  "write key",
  "management token",
]);
// A demo or guest account's login is shown to every visitor on purpose (linkwarden's login page
// fills in NEXT_PUBLIC_DEMO_PASSWORD): public by design, like a publishable key.
const PUBLIC_WORDS = new Set(["publishable", "anon", "public", "site", "client", "id", "demo", "guest"]);
// Words that make the variable a setting about a secret, not the secret: a switch
// (NEXT_PUBLIC_CREDENTIALS_ENABLED, VITE_DISABLE_PASSWORD_LOGIN), a limit (…_PASSWORD_MIN_LENGTH) or
// where a form lives (…_PASSWORD_RESET_PATH). Their values are booleans, numbers and paths.
const SETTING_WORDS = new Set([
  "enabled",
  "disabled",
  "enable",
  "disable",
  "allow",
  "allowed",
  "require",
  "required",
  "show",
  "hide",
  "login",
  "signin",
  "signup",
  "reset",
  "forgot",
  "length",
  "min",
  "max",
  "policy",
  "strength",
  "page",
  "path",
  "route",
]);

/** The secret part of a public variable name, e.g. "SECRET" in NEXT_PUBLIC_ANALYTICS_SECRET, or null. */
export function exposedSecret(name: string): { prefix: string } | null {
  const match = PUBLIC_PREFIX.exec(name);
  if (!match?.[1] || !match[2]) return null;
  const words = splitWords(match[2]);
  if (words.some((word) => PUBLIC_WORDS.has(word) || SETTING_WORDS.has(word))) return null;
  const secret =
    words.some((word) => SECRET_WORDS.has(word)) ||
    words.some((word, i) => i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${word}`));
  return secret ? { prefix: match[1] } : null;
}

const PUBLIC_PREFIX_HINTS = new RegExp(PUBLIC_PREFIX_HINT.source, "g");

/**
 * The script prefilter: some name in the text that a public prefix starts names a secret
 * (exposedSecret). The rule reports a variable by its name, written in the script as an identifier
 * (`process.env.NEXT_PUBLIC_X`, `{ NEXT_PUBLIC_X } = process.env`) or a string
 * (`process.env["NEXT_PUBLIC_X"]`): each prefix found is read as both, the identifier around it and
 * the text from there to the end of the string. A string with an escape may spell anything.
 */
export function mayExposeSecret(text: string): boolean {
  PUBLIC_PREFIX_HINTS.lastIndex = 0;
  for (let hint = PUBLIC_PREFIX_HINTS.exec(text); hint !== null; hint = PUBLIC_PREFIX_HINTS.exec(text)) {
    let start = hint.index;
    while (start > 0 && /[\w$]/.test(text[start - 1] ?? "")) start--;
    const identifier = /^[\w$]*/.exec(text.slice(start, start + 300))?.[0] ?? "";
    const string = /^[^'"`\n]*/.exec(text.slice(start, start + 300))?.[0] ?? "";
    if (string.includes("\\") || exposedSecret(identifier) || exposedSecret(string)) return true;
    PUBLIC_PREFIX_HINTS.lastIndex = Math.max(PUBLIC_PREFIX_HINTS.lastIndex, start + identifier.length);
  }
  return false;
}

/** `process.env`, `import.meta.env`, `Bun.env`: the objects a variable is read from. */
function isEnvObject(node: TSESTree.Node): boolean {
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier") return false;
  if (node.property.name !== "env") return false;
  const object = node.object;
  if (object.type === "Identifier") return object.name === "process" || object.name === "Bun";
  return object.type === "MetaProperty";
}

export default defineRule({
  id: "no-public-secret",
  meta: {
    description:
      "Disallow secret-named variables with a prefix that exposes them to the browser (NEXT_PUBLIC_, VITE_, …).",
    kinds: ["script", "dotenv"],
    // A script is parsed only when a public-prefixed name in it names a secret.
    prefilter: { script: mayExposeSecret },
    presets: { recommended: "error", strict: "error" },
    messages: {
      publicSecret:
        "Variable {{name}} names a secret but has the {{prefix}} prefix: the bundler inlines every {{prefix}} variable into the JavaScript sent to browsers, where anyone can read it. Keep secrets server-side under a name without the public prefix.",
    },
    help: "Rename the variable without the public prefix, read it only in server code (API routes, server components, edge functions), and rotate the value if it was already deployed.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-public-secret.md" },
  },
  create(ctx) {
    if (!PUBLIC_PREFIX_HINT.test(ctx.file.text)) return null;
    const check = (name: string, range: { start: number; end: number }) => {
      const exposed = exposedSecret(name);
      if (exposed) ctx.report({ messageId: "publicSecret", data: { name, prefix: exposed.prefix }, range });
    };
    if (ctx.file.kind === "dotenv") {
      return { entry: (entry) => check(entry.key, entry.keyRange) };
    }
    return {
      MemberExpression(node: TSESTree.MemberExpression) {
        if (!isEnvObject(node.object)) return;
        const property = node.property;
        const name =
          !node.computed && property.type === "Identifier"
            ? property.name
            : property.type === "Literal" && typeof property.value === "string"
              ? property.value
              : null;
        if (name !== null) check(name, { start: node.range[0], end: node.range[1] });
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        // const { NEXT_PUBLIC_X } = process.env
        if (node.id.type !== "ObjectPattern" || !node.init || !isEnvObject(node.init)) return;
        for (const property of node.id.properties) {
          if (property.type === "Property" && !property.computed && property.key.type === "Identifier") {
            check(property.key.name, { start: property.key.range[0], end: property.key.range[1] });
          }
        }
      },
    };
  },
});
