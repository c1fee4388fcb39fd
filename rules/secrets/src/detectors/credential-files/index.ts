// Detectors of credential files: files that are secrets by what they are (.pgpass, .netrc,
// config/master.key, an FTP client's site list), found by path rather than by a keyword.
import type { Detector } from "../types.js";
import { appCredentialFiles } from "./apps.js";
import { unixCredentialFiles } from "./unix.js";

export const credentialFiles: readonly Detector[] = [...unixCredentialFiles, ...appCredentialFiles];
