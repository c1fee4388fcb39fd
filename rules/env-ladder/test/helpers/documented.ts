// A stand-in for the env-docs pack's "env-docs:documented" facts (that pack is built separately):
// each entry of .env.example with @required / @sensitive read from the comment above it.
import { defineExtractor, type Pack } from "@deploylint/core/rule-api";
import { DOCUMENTED_FACT } from "../../src/facts.js";
import pack from "../../src/index.js";

const documented = defineExtractor({
  id: DOCUMENTED_FACT,
  kinds: ["dotenv"],
  create(context) {
    if (!context.file.path.endsWith(".env.example")) return null;
    return {
      entry(entry) {
        const comment = entry.comments.join(" ");
        context.emit({
          key: entry.key,
          line: entry.line,
          required: comment.includes("@required"),
          sensitive: comment.includes("@sensitive"),
        });
      },
    };
  },
});

/** The env-ladder pack with the stand-in extractor added. */
export const packWithDocs: Pack = { ...pack, extractors: [...(pack.extractors ?? []), documented] };
