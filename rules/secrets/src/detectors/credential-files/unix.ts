// Credential files of Unix tools: what the file is makes every password in it a credential, so
// these detectors run on the file by its path (no keyword), and only references are placeholders.
import type { Detector } from "../types.js";

/** A base name at any depth: `(^|/)name$`. */
export function named(...names: string[]): RegExp {
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?:^|/)(?:${escaped.join("|")})$`);
}

export const unixCredentialFiles: Detector[] = [
  {
    id: "pgpass-password",
    provider: "PostgreSQL",
    secret: "password in a .pgpass file",
    source: "https://www.postgresql.org/docs/current/libpq-pgpass.html",
    // hostname:port:database:username:password, one entry a line; `#` starts a comment line.
    pattern: "^[^:\\s#][^:\\n]{0,254}:[^:\\n]{1,16}:[^:\\n]{1,255}:[^:\\n]{1,255}:([^\\r\\n]{1,500})$",
    flags: "m",
    keywords: [],
    files: named(".pgpass", "pgpass", "pgpass.conf"),
    placeholders: "references",
  },
  {
    id: "netrc-password",
    provider: ".netrc",
    secret: "password",
    source: "https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html",
    pattern: "(?:^|\\s)password[ \\t]{1,8}(\\S{1,500})",
    keywords: [],
    files: named(".netrc", "_netrc"),
    placeholders: "references",
  },
  {
    id: "git-credentials-password",
    provider: "git",
    secret: "password in a git-credentials store",
    source: "https://git-scm.com/docs/git-credential-store#_storage_format",
    // https://user:password@host, one a line; the user part may itself hold an `@` (an e-mail
    // address), so the password runs to the last `@` of the line.
    pattern: "^[a-z][a-z0-9+.-]{1,20}://[^:\\s/]{1,255}:(\\S{1,500})@[^@\\s/]{1,255}/?$",
    flags: "m",
    keywords: [],
    files: named(".git-credentials", "git-credentials"),
    placeholders: "references",
  },
  {
    id: "esmtprc-password",
    provider: "esmtp",
    secret: "SMTP password in .esmtprc",
    source: "https://manpages.debian.org/bookworm/esmtp/esmtprc.5.en.html",
    pattern: "^[ \\t]{0,16}password[ \\t]{0,8}=?[ \\t]{0,8}[\"']?([^\\s\"']{1,255})",
    flags: "m",
    keywords: [],
    files: named(".esmtprc", "esmtprc"),
    placeholders: "references",
  },
  {
    id: "mysql-client-password",
    provider: "MySQL",
    secret: "password in a client option file",
    source: "https://dev.mysql.com/doc/refman/8.4/en/option-files.html",
    pattern: "^[ \\t]{0,16}password[ \\t]{0,8}=[ \\t]{0,8}[\"']?([^\\s\"'#]{1,255})",
    flags: "m",
    keywords: [],
    files: named(".my.cnf", "my.cnf", "client.cnf"),
    placeholders: "references",
  },
  {
    id: "password-hash-line",
    provider: "Unix",
    secret: "password hash (htpasswd or shadow entry)",
    source: "https://httpd.apache.org/docs/2.4/misc/password_encryptions.html",
    // user:hash alone on its line (htpasswd), or followed by more `:` fields (shadow, passwd): in
    // any file, since such lines are a copied credential store wherever they are kept. crypt's MD5
    // `$1$`, SHA `$5$`/`$6$`, bcrypt `$2a$`/`$2b$`/`$2y$`, Apache's `$apr1$` and `{SHA}`.
    pattern:
      "^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}:(\\$(?:apr1|2[aby]|1|5|6)\\$[A-Za-z0-9./$]{8,200}|\\{SHA\\}[A-Za-z0-9+/]{27}=)(?::[^\\s]{0,200})?$",
    keywords: ["$apr1$", "$2a$", "$2b$", "$2y$", "$1$", "$5$", "$6$", "{sha}"],
    placeholders: "references",
  },
];
