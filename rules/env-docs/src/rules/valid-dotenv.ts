// env-docs/valid-dotenv: dotenv-linter's checks over every dotenv file, one message id per check,
// so that each variable loads the same way in dotenv, shells, docker --env-file and CI.
import { defineRule } from "@deploylint/core/rule-api";
import { CHECKS } from "../dotenv-checks/index.js";

const messages = {
  duplicatedKey:
    "The key {{key}} is set more than once in this file; loaders disagree on which value wins, so the deployed value depends on the tool. Keep one {{key}} line.",
  keyWithoutValue:
    "The line {{key}} has no `=`; shells, docker --env-file and most dotenv loaders skip it, so the variable is not set at deploy time. Write it as KEY=value (KEY= for an empty value) or make it a comment.",
  lowercaseKey:
    "The key {{key}} is not uppercase; variable names are case-sensitive, so code and platforms that read {{upper}} get nothing. Rename it to {{upper}}.",
  leadingCharacter:
    "The line starts with {{character}}, not a letter or underscore; shells reject it and dotenv reads a different name or none, so the variable may not be set. Start the line with the variable name.",
  spaceCharacter:
    "There is whitespace around the `=` of {{key}}; shells and docker --env-file keep it in the name or value, so loaders disagree on the variable. Write {{key}}=value without spaces.",
  incorrectDelimiter:
    "The key {{key}} separates words with {{character}}; shells and many process managers reject such a name, so the variable cannot be exported. Use underscores, as in {{suggestion}}.",
  quoteCharacter:
    "The value of {{key}} has quote characters it does not need; docker --env-file and some platforms keep them, so the deployed value may include the quotes. Drop the quotes from a value without spaces.",
  valueWithoutQuotes:
    "The value of {{key}} contains whitespace without quotes; shells split it and other loaders cut it, so the deployed value can differ. Wrap the value in double quotes.",
  substitutionKey:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dotenv substitution syntax, shown to the user.
    "The substitution in {{key}} is malformed (a brace without its pair, or a name that is not letters, digits and underscores); expanders leave it as text, so the deployed value is wrong. Write ${NAME} or $NAME.",
  trailingWhitespace:
    "The line ends with whitespace; some loaders keep it in the value, so the deployed value can differ from the one reviewed. Remove the trailing whitespace.",
  extraBlankLine:
    "This blank line follows another one; runs of blank lines make env file diffs noisy and hide moved keys in review. Keep one blank line between groups.",
  endingBlankLine:
    "The file does not end with a line break; a deploy script that appends a variable (echo KEY=value >> file) joins it to the last line. End the file with a newline.",
  unorderedKey:
    "The key {{key}} should go before {{other}}; sorted groups make duplicated and missing variables easy to spot in review. Move {{key}} up.",
} as const;

export type ValidDotenvMessages = typeof messages;
export type ValidDotenvMessageId = keyof ValidDotenvMessages;

export interface ValidDotenvOptions {
  /** Also run the style checks (quotes, lowercase keys, whitespace and blank lines), which do not change what loads. */
  style?: boolean;
  /** Also require keys sorted within each blank-line separated group (dotenv-linter's UnorderedKey). */
  order?: boolean;
  /** Message ids of the checks to turn off. */
  skip?: ValidDotenvMessageId[];
}

export default defineRule<ValidDotenvMessages, ValidDotenvOptions | undefined>({
  id: "valid-dotenv",
  meta: {
    description: "Require dotenv files that every loader reads the same way (dotenv-linter's checks).",
    kinds: ["dotenv"],
    presets: { recommended: "warn", strict: "error" },
    // Recommended reports only lines that load differently (or not at all); strict adds style and order.
    presetOptions: { strict: { style: true, order: true } },
    messages,
    help: "Keep one KEY=value per line: an uppercase name of letters, digits and underscores, no spaces around `=`, quotes only around values with spaces.",
    options: {
      type: "object",
      properties: {
        style: {
          type: "boolean",
          description:
            "Also run the style checks: quoteCharacter, lowercaseKey, trailingWhitespace, extraBlankLine, endingBlankLine (off by default, on in strict).",
        },
        order: {
          type: "boolean",
          description: "Require keys sorted within each group (off by default, on in strict).",
        },
        skip: {
          type: "array",
          description: "Message ids of checks to skip.",
          items: { enum: Object.keys(messages) },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { style: false, order: false, skip: [] },
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/valid-dotenv.md" },
  },
  create(ctx) {
    const skip = new Set<string>(ctx.options?.skip ?? []);
    if (ctx.options?.order !== true) skip.add("unorderedKey");
    const style = ctx.options?.style === true;
    const checks = CHECKS.filter((check) => !skip.has(check.id) && (style || check.style !== true));
    return {
      dotenv(source) {
        const input = { source, file: ctx.file };
        for (const check of checks) check.run(input, (descriptor) => ctx.report(descriptor));
      },
    };
  },
});
