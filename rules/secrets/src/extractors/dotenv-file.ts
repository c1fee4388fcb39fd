// Fact "secrets:dotenv-file": each dotenv-family file the run sees, whether it is a template and
// how many entries carry a value (never the values themselves).
import { defineExtractor } from "@deploylint/core/rule-api";
import { isDotenvTemplate, isDotenvValueFile } from "../shared/env-files.js";
import { isPublicDefault } from "../shared/public-values.js";

export interface DotenvFileFact {
  template: boolean;
  /** `.env` or `.env.<name>`: the files dotenv loaders read (templates and `deploy/x.env` excluded). */
  valueFile: boolean;
  valued: number;
  /** 1-based line of the first entry with a value, or 1. */
  firstValueLine: number;
  /**
   * Names (never values) of the entries whose value is not a public default (see isPublicDefault),
   * in file order: what keeps a framework's committed defaults file from being one.
   */
  notPublic: string[];
}

export default defineExtractor({
  id: "secrets:dotenv-file",
  kinds: ["dotenv"],
  create(ctx) {
    return {
      dotenv(source) {
        const valued = source.entries.filter((entry) => entry.value.length > 0);
        const fact: DotenvFileFact = {
          template: isDotenvTemplate(ctx.file.path),
          valueFile: isDotenvValueFile(ctx.file.path),
          valued: valued.length,
          firstValueLine: valued[0]?.line ?? 1,
          notPublic: valued.filter((entry) => !isPublicDefault(entry.key, entry.value)).map((entry) => entry.key),
        };
        ctx.emit({ ...fact });
      },
    };
  },
});
