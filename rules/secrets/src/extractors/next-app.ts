// Fact "secrets:next-app": a package.json that declares Next.js, whose folder is an app that reads
// `.env`, `.env.development`, `.env.production` and `.env.test` as committed defaults.
import { defineExtractor } from "@deploylint/core/rule-api";

export interface NextAppFact {
  /** Folder of the package.json ("" at the root). */
  dir: string;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies"] as const;

export default defineExtractor({
  id: "secrets:next-app",
  kinds: ["json"],
  create(ctx) {
    const path = ctx.file.path;
    if (path !== "package.json" && !path.endsWith("/package.json")) return null;
    return {
      json(source) {
        const manifest = source.value;
        if (typeof manifest !== "object" || manifest === null) return;
        const declares = DEPENDENCY_FIELDS.some((field) => {
          const dependencies = (manifest as Record<string, unknown>)[field];
          return typeof dependencies === "object" && dependencies !== null && "next" in dependencies;
        });
        if (declares) ctx.emit({ dir: path.slice(0, Math.max(0, path.lastIndexOf("/"))) } satisfies NextAppFact);
      },
    };
  },
});
