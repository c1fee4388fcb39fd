// Fact "secrets:gitignore": for each .gitignore the run sees, whether it keeps dotenv files out of git.
import { defineExtractor } from "@deploylint/core/rule-api";
import { missingDotenvPatterns, notIgnoredDotenvFiles } from "../shared/gitignore.js";

export interface GitignoreFact {
  /** Folder of the .gitignore ("" at the root). */
  dir: string;
  coversDotenv: boolean;
  /** Patterns to add so dotenv files are ignored (`.env`, `.env.*`); empty when covered. */
  missing: string[];
  /** The dotenv names it lets through (`.env.production`), for the message. */
  notIgnored: string[];
}

export default defineExtractor({
  id: "secrets:gitignore",
  kinds: ["text"],
  create(ctx) {
    const path = ctx.file.path;
    if (path !== ".gitignore" && !path.endsWith("/.gitignore")) return null;
    return {
      text(text) {
        const missing = missingDotenvPatterns(text);
        const fact: GitignoreFact = {
          dir: path.slice(0, Math.max(0, path.lastIndexOf("/"))),
          coversDotenv: missing.length === 0,
          missing,
          notIgnored: notIgnoredDotenvFiles(text),
        };
        ctx.emit({ ...fact });
      },
    };
  },
});
