// Detectors of credential files: files that are secrets by what they are (.pgpass, .netrc,
// config/master.key, an FTP client's site list), found by path rather than by a keyword.
import { anyMatches } from "../any-match.js";
import type { Detector } from "../types.js";
import { appCredentialFiles } from "./apps.js";
import { unixCredentialFiles } from "./unix.js";

export const credentialFiles: readonly Detector[] = [...unixCredentialFiles, ...appCredentialFiles];

/** True for a file that is a credential file by its path (a credential-file detector runs on it). */
export function isCredentialFile(path: string): boolean {
  credentialFilePath ??= anyMatches(credentialFiles.flatMap((detector) => (detector.files ? [detector.files] : [])));
  return credentialFilePath(path);
}

/** Every credential-file expression in one test (the pack's `owns` asks it of every path). */
let credentialFilePath: ((path: string) => boolean) | undefined;
