// The files the ladder reads, by path: the manifest, dotenv files, CI workflows and the platform
// files its readers know. One of them that cannot be read is reported, not passed over.
import { classifyPath, type Settings } from "@deploylint/core/rule-api";
import { isManifestFile } from "./manifest.js";
import { isGithubWorkflow, isGitlabCi } from "./readers/ci-jobs.js";
import { isFlyFile } from "./readers/fly.js";
import { helmEnvironment, kustomizeEnvironment } from "./readers/kubernetes.js";
import { isNetlifyFile } from "./readers/netlify.js";
import { isRenderFile } from "./readers/render.js";
import { isServerlessFile } from "./readers/serverless.js";
import { isVercelFile } from "./readers/vercel.js";
import { isWranglerFile } from "./readers/wrangler.js";

export function ownsLadderFile(path: string, settings: Settings): boolean {
  if (isManifestFile(path, settings)) return true;
  const kind = classifyPath(path);
  if (kind === "dotenv") return true;
  if (kind === "yaml") {
    return (
      isGithubWorkflow(path) ||
      isGitlabCi(path) ||
      isRenderFile(path) ||
      isServerlessFile(path) ||
      kustomizeEnvironment(path) !== null ||
      helmEnvironment(path) !== null
    );
  }
  if (kind === "json") return isVercelFile(path);
  return path.endsWith(".toml") && (isFlyFile(path) || isNetlifyFile(path) || isWranglerFile(path));
}
