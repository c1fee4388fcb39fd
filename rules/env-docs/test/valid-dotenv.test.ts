// Tests for env-docs/valid-dotenv: a valid case per check and an invalid case per message id.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });
const env = ".env.example";

const documented = [
  "# Postgres connection string for the app database.",
  "# @required @type=url @example=postgres://localhost:5432/acme",
  "DATABASE_URL=postgres://localhost:5432/acme",
  "",
  "# Minimum log level: debug, info, warn or error.",
  "# @optional @default=info",
  "LOG_LEVEL=info",
  "",
  "SENTRY_DSN=",
  "",
].join("\n");

tester.run("valid-dotenv", {
  valid: [
    { name: "a documented example file", filename: env, code: documented },
    {
      name: "deploy env file",
      filename: "deploy/staging.env",
      code: "# Staging.\nNODE_ENV=production\nLOG_LEVEL=info\n",
    },
    { name: "empty file", filename: env, code: "" },
    {
      name: "duplicatedKey: keys differ only in case",
      filename: env,
      code: "FOO=1\nfoo=2\n",
      options: { skip: ["lowercaseKey"] },
    },
    { name: "keyWithoutValue: an empty value has its =", filename: env, code: "FOO=\nexport BAR=\n" },
    { name: "lowercaseKey: export prefix", filename: env, code: "export FOO=BAR\n" },
    { name: "leadingCharacter: underscore", filename: env, code: "_FOO=BAR\n" },
    { name: "leadingCharacter: byte order mark", filename: env, code: "\ufeffFOO=BAR\n" },
    { name: "spaceCharacter: = inside the value", filename: env, code: "FOO=bar=baz\nEMPTY=\n" },
    { name: "incorrectDelimiter: digits", filename: env, code: "F100=BAR\n" },
    {
      name: "quoteCharacter: quotes that are needed",
      filename: env,
      code: 'FOO="bar baz"\nURL="postgres://$HOST/db"\nMSG="a\\nb"\nHASH="#x"\n',
    },
    { name: "valueWithoutQuotes: quoted, or a comment", filename: env, code: "FOO='bar baz'\nBAR=baz # a comment\n" },
    {
      name: "substitutionKey: well-formed, escaped, single-quoted",
      filename: env,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dotenv substitution syntax under test.
      code: "A=${BAR}$XYZ\nB=$ABC{${BAR}\nC=\\${BAR\nD='${literal'\n",
    },
    {
      name: "trailingWhitespace: inside a multi-line value, or in a comment",
      filename: env,
      code: '# note  \nKEY="line one  \nline two"\n',
    },
    { name: "extraBlankLine: one blank line", filename: env, code: "A=1\n\nB=2\n" },
    { name: "endingBlankLine: CRLF ending", filename: env, code: "A=1\r\nB=2\r\n" },
    { name: "unorderedKey: off by default", filename: env, code: "B=1\nA=2\n" },
    {
      name: "unorderedKey: groups and substitutions",
      filename: env,
      code: "D=1\n\nA=2\nC=$A\nB=3\n",
      options: { order: true },
    },
    {
      // What a maintainer keeps on purpose (quotes, a lowercase name, spacing) still loads the same.
      name: "style checks are off unless the style option is on",
      filename: env,
      code: 'FOO="bar"\nfoo_bar=1\nBAZ=1  \n\n\nQUX=2',
    },
    { name: "skip turns a check off", filename: env, code: "foo=1\n", options: { skip: ["lowercaseKey"] } },
  ],
  invalid: [
    {
      filename: env,
      code: "FOO=1\nFOO=2\n",
      errors: [{ messageId: "duplicatedKey", data: { key: "FOO" }, line: 2, column: 1, endLine: 2, endColumn: 4 }],
    },
    {
      filename: env,
      code: "FOO=1\nexport BAR\n",
      errors: [{ messageId: "keyWithoutValue", data: { key: "BAR" }, line: 2, column: 8, endColumn: 11 }],
    },
    {
      name: "keyWithoutValue: a line that is not a name is masked",
      filename: env,
      code: "hello world\n",
      errors: [{ messageId: "keyWithoutValue", data: { key: "hell****…" }, line: 1, column: 1 }],
    },
    {
      name: "keyWithoutValue: colon separator",
      filename: env,
      code: "FOO: bar\n",
      errors: [{ messageId: "keyWithoutValue", data: { key: "FOO" }, line: 1, column: 1 }],
    },
    {
      filename: env,
      code: "foo_Bar=1\n",
      options: { style: true },
      errors: [{ messageId: "lowercaseKey", data: { key: "foo_Bar", upper: "FOO_BAR" }, line: 1, column: 1 }],
    },
    {
      filename: env,
      code: "A=1\n  FOO=1\n.BAR=2\n",
      errors: [
        { messageId: "leadingCharacter", data: { character: "a space" }, line: 2, column: 1, endColumn: 2 },
        { messageId: "leadingCharacter", data: { character: '"."' }, line: 3, column: 1 },
      ],
    },
    {
      name: "leadingCharacter: after export, and on a line dotenv skips",
      filename: env,
      code: "export 1FOO=1\n*BAR=2\n",
      errors: [
        { messageId: "leadingCharacter", data: { character: '"1"' }, line: 1, column: 8 },
        { messageId: "leadingCharacter", data: { character: '"*"' }, line: 2, column: 1 },
      ],
    },
    {
      filename: env,
      code: "FOO =bar\nBAR= baz\n",
      errors: [
        { messageId: "spaceCharacter", data: { key: "FOO" }, line: 1, column: 4, endColumn: 5 },
        { messageId: "spaceCharacter", data: { key: "BAR" }, line: 2, column: 5, endColumn: 6 },
      ],
    },
    {
      filename: env,
      code: "FOO-BAR=1\nFOO BAR=2\n",
      errors: [
        {
          messageId: "incorrectDelimiter",
          data: { key: "FOO-BAR", character: '"-"', suggestion: "FOO_BAR" },
          line: 1,
          column: 4,
          endColumn: 5,
        },
        {
          messageId: "incorrectDelimiter",
          data: { key: "FOO BAR", character: "a space", suggestion: "FOO_BAR" },
          line: 2,
          column: 4,
        },
      ],
    },
    {
      filename: env,
      code: 'FOO="bar"\nBAR=\'b"az\'\n',
      options: { style: true },
      errors: [
        { messageId: "quoteCharacter", data: { key: "FOO" }, line: 1, column: 5, endColumn: 6 },
        { messageId: "quoteCharacter", data: { key: "BAR" }, line: 2, column: 5 },
      ],
    },
    {
      filename: env,
      code: "FOO=bar baz\n",
      errors: [{ messageId: "valueWithoutQuotes", data: { key: "FOO" }, line: 1, column: 5, endColumn: 12 }],
    },
    {
      filename: env,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dotenv substitution syntax under test.
      code: 'ABC=${BAR\nXYZ=$BAR}\nFOO="${A!}"\n',
      errors: [
        { messageId: "substitutionKey", data: { key: "ABC" }, line: 1, column: 5, endColumn: 6 },
        { messageId: "substitutionKey", data: { key: "XYZ" }, line: 2, column: 5 },
        { messageId: "substitutionKey", data: { key: "FOO" }, line: 3, column: 6 },
      ],
    },
    {
      filename: env,
      code: "FOO=bar  \n",
      options: { style: true },
      errors: [{ messageId: "trailingWhitespace", line: 1, column: 8, endLine: 1, endColumn: 10 }],
    },
    {
      filename: env,
      code: "A=1\n\n\n\nB=2\n",
      options: { style: true },
      errors: [
        { messageId: "extraBlankLine", line: 3, column: 1 },
        { messageId: "extraBlankLine", line: 4, column: 1 },
      ],
    },
    {
      filename: env,
      code: "A=1\nB=2",
      options: { style: true },
      errors: [{ messageId: "endingBlankLine", line: 2, column: 4 }],
    },
    {
      filename: env,
      code: "FOO=1\nBAR=2\nABC=3\n",
      options: { order: true },
      errors: [
        { messageId: "unorderedKey", data: { key: "BAR", other: "FOO" }, line: 2, column: 1, endColumn: 4 },
        { messageId: "unorderedKey", data: { key: "ABC", other: "BAR" }, line: 3, column: 1 },
      ],
    },
  ],
});
