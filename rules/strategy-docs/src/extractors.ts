// The pack's extractors: each strategy document and RFC as blocks (DOCUMENT_FACT), and the paths
// the manifest's `docs:` section names (PATHS_FACT), so the rules and this extractor agree on them.
import { defineExtractor, type Settings } from "@deploylint/core/rule-api";
import { isManifestFile } from "@deploylint/rules-env-ladder";
import { parseDocument } from "yaml";
import { asFact, DOCUMENT_FACT, PATHS_FACT, type PathsFact } from "./facts.js";
import { loadMarkdownParser, readBlocks } from "./markdown/read-document.js";
import { asRecord, documentPaths, normalisePath, roleOf } from "./paths.js";

export const documentExtractor = defineExtractor({
  id: DOCUMENT_FACT,
  kinds: ["markdown"],
  // micromark loads only when a run lints a markdown file while a strategy-docs rule is on.
  load: loadMarkdownParser,
  create(context) {
    const manifest = manifestPathsOf(context.settings, (path) => context.companion(`/${path}`));
    const role = roleOf(context.file.path, documentPaths(context.settings, manifest));
    if (role === null) return null;
    return { markdown: (source) => context.emit(asFact({ role, blocks: readBlocks(source.text) })) };
  },
});

export const pathsExtractor = defineExtractor({
  id: PATHS_FACT,
  kinds: ["yaml"],
  create(context) {
    if (!isManifestFile(context.file.path, context.settings)) return null;
    return { file: (file) => context.emit(asFact(readPaths(file.text))) };
  },
});

// The markdown extractor reads the manifest itself (as a companion, so the cache knows): which
// files are documents must be known while each file is read, before any fact is gathered.
function manifestPathsOf(settings: Settings, read: (path: string) => string | null): PathsFact | null {
  const configured = asRecord(settings.ladder).manifest;
  const candidates =
    typeof configured === "string" ? [normalisePath(configured)] : ["company.config.yaml", "company.config.yml"];
  for (const path of candidates) {
    const text = read(path);
    if (text !== null) return readPaths(text);
  }
  return null;
}

/** `docs.deployment_strategy` and `docs.rfcs` of the manifest; an unreadable manifest names nothing (env-ladder reports it). */
export function readPaths(text: string): PathsFact {
  if (!/deployment_strategy|rfcs/.test(text)) return { strategy: null, rfcs: null };
  const document = parseDocument(text);
  if (document.errors.length > 0) return { strategy: null, rfcs: null };
  const docs = asRecord(asRecord(document.toJS({ maxAliasCount: 100 })).docs);
  const strategy = typeof docs.deployment_strategy === "string" ? docs.deployment_strategy : null;
  const rfcs =
    typeof docs.rfcs === "string"
      ? [docs.rfcs]
      : Array.isArray(docs.rfcs)
        ? docs.rfcs.filter((each): each is string => typeof each === "string")
        : null;
  return { strategy, rfcs };
}

export const extractors = [documentExtractor, pathsExtractor];
