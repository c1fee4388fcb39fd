// Fact "secrets:gitignore": for each .gitignore the run sees, whether it keeps dotenv files out of git.
import { defineExtractor } from "@deploylint/core/rule-api";
import { coversDotenv } from "../shared/gitignore.js";

export interface GitignoreFact {
  /** Folder of the .gitignore ("" at the root). */
  dir: string;
  coversDotenv: boolean;
}

export default defineExtractor({
  id: "secrets:gitignore",
  kinds: ["text"],
  create(ctx) {
    const path = ctx.file.path;
    if (path !== ".gitignore" && !path.endsWith("/.gitignore")) return null;
    return {
      text(text) {
        const fact: GitignoreFact = {
          dir: path.slice(0, Math.max(0, path.lastIndexOf("/"))),
          coversDotenv: coversDotenv(text),
        };
        ctx.emit({ ...fact });
      },
    };
  },
});
