// Routes a platform file to its reader by path: TOML files (fly, netlify, wrangler) and YAML
// files (render, serverless, kustomize overlays, helm values). vercel.json is read as JSON.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { ValuesFact } from "../facts.js";
import { isFlyFile, readFly } from "./fly.js";
import { helmEnvironment, kustomizeEnvironment, readHelm, readKustomize } from "./kubernetes.js";
import { isNetlifyFile, readNetlify } from "./netlify.js";
import { isRenderFile, readRender } from "./render.js";
import { isServerlessFile, readServerless } from "./serverless.js";
import { isWranglerFile, readWrangler } from "./wrangler.js";

/** Values of a TOML platform file; [] for other files. Throws a TomlError on unreadable TOML. */
export function readPlatformText(path: string, text: string): ValuesFact[] {
  if (isFlyFile(path)) return readFly(path, text);
  if (isNetlifyFile(path)) return readNetlify(text);
  if (isWranglerFile(path)) return readWrangler(text);
  return [];
}

/** Values of a YAML platform file; [] for other files. */
/**
 * Whether readPlatformYaml can read anything from this path. The extractor asks first so that YAML no
 * reader knows (a 400 KB pnpm-lock.yaml, say) is never parsed for the ladder.
 */
export function isPlatformYamlPath(path: string): boolean {
  return (
    isRenderFile(path) ||
    isServerlessFile(path) ||
    kustomizeEnvironment(path) !== null ||
    helmEnvironment(path) !== null
  );
}

export function readPlatformYaml(options: { path: string; document: Document; lines: LineIndex }): ValuesFact[] {
  const { path, document, lines } = options;
  if (isRenderFile(path)) return readRender(document, lines);
  if (isServerlessFile(path)) return readServerless(document, lines);
  const overlay = kustomizeEnvironment(path);
  if (overlay !== null) return readKustomize(document, lines, overlay);
  const helm = helmEnvironment(path);
  if (helm !== null) return readHelm(document, lines, helm);
  return [];
}
