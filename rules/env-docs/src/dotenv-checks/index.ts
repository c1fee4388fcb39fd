// valid-dotenv's checks, in the order dotenv-linter lists them.
import { duplicatedKey, incorrectDelimiter, keyWithoutValue, leadingCharacter, lowercaseKey } from "./key-checks.js";
import { endingBlankLine, extraBlankLine, trailingWhitespace } from "./layout-checks.js";
import type { DotenvCheck } from "./types.js";
import { unorderedKey } from "./unordered-key.js";
import { quoteCharacter, spaceCharacter, substitutionKey, valueWithoutQuotes } from "./value-checks.js";

export type { CheckInput, DotenvCheck, Report } from "./types.js";

export const CHECKS: readonly DotenvCheck[] = [
  duplicatedKey,
  endingBlankLine,
  extraBlankLine,
  incorrectDelimiter,
  keyWithoutValue,
  leadingCharacter,
  lowercaseKey,
  quoteCharacter,
  spaceCharacter,
  substitutionKey,
  trailingWhitespace,
  unorderedKey,
  valueWithoutQuotes,
];
