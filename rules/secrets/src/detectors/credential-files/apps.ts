// Credential files of applications: Rails keys, FTP and database clients, IDE deployment
// settings and browser login stores. Each keeps passwords (or the key) in a file of known name.
import type { Detector } from "../types.js";

// A JSON string value of one of the keys (`"password": "…"`) starting its line, as these files are
// written (a line commented out with `//`, as in Sublime SFTP's template, is not a value).
const jsonValue = (keys: string) => `^[ \\t]{0,40}"(?:${keys})"[ \\t]{0,8}:[ \\t]{0,8}"([^"\\n]{1,500})"`;

export const appCredentialFiles: Detector[] = [
  {
    id: "rails-master-key-file",
    provider: "Rails",
    secret: "master key (config/master.key)",
    source: "https://guides.rubyonrails.org/security.html#custom-credentials",
    // The whole file is the key that decrypts config/credentials.yml.enc.
    pattern: "^\\s{0,8}([a-f0-9]{32}(?:[a-f0-9]{32})?)\\s{0,8}$",
    keywords: [],
    files: /(?:^|\/)config\/(?:master\.key|credentials\/[^/]{1,100}\.key)$/,
    placeholders: "references",
  },
  {
    id: "filezilla-password",
    provider: "FileZilla",
    secret: "saved server password",
    source: "https://wiki.filezilla-project.org/Site_Manager",
    pattern: "<Pass(?:[ \\t][^>\\n]{0,100})?>([^<\\s]{1,500})</Pass>",
    keywords: [],
    files: /(?:^|\/)(?:sitemanager|recentservers|filezilla)\.xml$/i,
    placeholders: "references",
  },
  {
    id: "dbeaver-password",
    provider: "DBeaver",
    secret: "saved connection password",
    source: "https://dbeaver.com/docs/dbeaver/Admin-Manage-Connections/",
    pattern: jsonValue("password"),
    flags: "m",
    keywords: [],
    files: /(?:^|\/)\.dbeaver\/[^/]{1,100}\.json$/,
    placeholders: "references",
  },
  {
    id: "jetbrains-saved-password",
    provider: "JetBrains IDE",
    secret: "saved password (data source or deployment server)",
    source: "https://www.jetbrains.com/help/idea/settings-tools-password-safe.html",
    // Older IDEs kept data source passwords as <user-password> and FTP/SFTP deployment passwords
    // as a password="…" attribute (obfuscated, not encrypted) in the project's .idea folder.
    pattern: '<user-password>([^<\\s]{1,500})</user-password>|[ \\t]password="([^"\\n]{1,500})"',
    keywords: [],
    files: /(?:^|\/)\.idea\/(?:[^/]{1,100}\/)?[^/]{1,100}\.xml$/,
    placeholders: "references",
  },
  {
    id: "sftp-config-password",
    provider: "Editor SFTP plugin",
    secret: "deployment server password",
    source: "https://codexns.io/products/sftp_for_sublime/settings",
    // Sublime SFTP's sftp-config.json, VS Code SFTP's .vscode/sftp.json, Atom's .ftpconfig.
    pattern: jsonValue("password|passphrase|pass"),
    flags: "m",
    keywords: [],
    files: /(?:^|\/)(?:sftp-config\.json|\.vscode\/sftp\.json|\.ftpconfig|\.remote-sync\.json)$/,
    placeholders: "references",
  },
  {
    id: "firefox-saved-login",
    provider: "Firefox",
    secret: "saved login (logins.json)",
    source: "https://support.mozilla.org/kb/profiles-where-firefox-stores-user-data",
    // Encrypted with the profile's key4.db, which usually sits beside it: a copied profile logs in.
    // Firefox writes the file on one line, so the key is not anchored to a line start.
    pattern: '"encryptedPassword"[ \\t]{0,8}:[ \\t]{0,8}"([A-Za-z0-9+/=]{16,4096})"',
    keywords: [],
    files: /(?:^|\/)logins\.json$/,
    placeholders: "references",
  },
];
