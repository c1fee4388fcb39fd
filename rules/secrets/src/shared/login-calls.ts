// The password argument of a login, connect or bind call (`smtp.login(user, "…")`,
// `mysqli_connect($host, $user, "…")`): a credential passed by position has no name to judge.
import type { TSESTree } from "@deploylint/core/rule-api";
import { splitList } from "./arguments.js";
import type { Assignment } from "./assignments.js";
import { literalString, nameOf } from "./assignments.js";
import { calleeWordStarts } from "./word-hits.js";

// (user, password): imaplib/smtplib/ftplib login, LDAP binds, client.auth(user, password).
const USER_THEN_PASSWORD_CALLS =
  "login|logon|signin|sign_in|authenticate|auth|bind|bind_s|simple_bind|simple_bind_s|starttls_login";
// (host, user, password, …): mysqli and friends; ftp_login($conn, $user, $password) has the same shape.
const HOST_USER_PASSWORD_CALLS =
  "connect|real_connect|mysqli|mysqli_connect|mysql_connect|ftp_login|mysqli_real_connect";
/**
 * A login callee's name as a whole word, called (`login(`, `client['login'](`, `connect?.(`,
 * `login<User>(`): a script literal passed as a password is reported by the call's name, written
 * before it (see couldBeNamedSecret).
 */
export const LOGIN_CALLEE_WORD = new RegExp(
  `\\b(?:${USER_THEN_PASSWORD_CALLS}|${HOST_USER_PASSWORD_CALLS})['"\`]?\\]?\\s*(?:\\?\\.\\s*)?[(<]`,
  "gi",
);
const USER_THEN_PASSWORD = new RegExp(`^(?:${USER_THEN_PASSWORD_CALLS})$`, "i");
const HOST_USER_PASSWORD = new RegExp(`^(?:${HOST_USER_PASSWORD_CALLS})$`, "i");

/** Which argument holds the password of a call to `callee` with `count` arguments, or -1. */
export function passwordArgument(callee: string, count: number): number {
  if (USER_THEN_PASSWORD.test(callee) && count >= 2 && count <= 4) return 1;
  if (HOST_USER_PASSWORD.test(callee) && count >= 3 && count <= 7) return 2;
  return -1;
}

/** The password argument of a script's call or `new`, as an assignment, or null. */
export function scriptLoginArgument(node: TSESTree.Node): Assignment | null {
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return null;
  const callee = nameOf(node.callee);
  if (callee === null) return null;
  const index = passwordArgument(callee, node.arguments.length);
  const argument = node.arguments[index];
  const value = literalString(argument);
  if (!argument || value === null) return null;
  return { name: `${callee}()`, value, start: argument.range[0], end: argument.range[1], passwordArgument: true };
}

// A call of one of the names above, as a whole identifier (`smtp.login(`, not `xlogin(`): only
// these calls are read, so the text is searched for them rather than for every call.
export const LOGIN_CALL = new RegExp(
  `\\b(${USER_THEN_PASSWORD_CALLS}|${HOST_USER_PASSWORD_CALLS})[ \\t]{0,4}\\(`,
  "gi",
);

// LOGIN_CALL tried at one offset: every match starts with a callee's name, and each name starts
// with one of secret-words.ts' CALLEE_WORDS, so only where one of those starts can a call start.
const LOGIN_CALL_AT = new RegExp(LOGIN_CALL.source, "iy");

/**
 * The same for a text file in a language deploylint does not parse: calls written on one line.
 * The calls are LOGIN_CALL's matches in the text, found where a callee word starts (from the
 * catalogue scanner's pass over the file) rather than by a search of the whole text.
 */
export function textLoginArguments(text: string): Assignment[] {
  const found: Assignment[] = [];
  // Where the last call ended: a search resumes there, so a call never starts inside another.
  let resume = 0;
  for (const start of calleeWordStarts(text)) {
    if (start < resume) continue;
    LOGIN_CALL_AT.lastIndex = start;
    const m = LOGIN_CALL_AT.exec(text);
    if (m === null) continue;
    resume = start + m[0].length;
    const callee = m[1] ?? "";
    const items = splitList(text, m.index + m[0].length - 1, { singleLine: true })?.items;
    if (!items) continue;
    const argument = items[passwordArgument(callee, items.length)];
    if (!argument || argument.string === null) continue;
    found.push({
      name: `${callee}()`,
      value: argument.string,
      start: argument.start,
      end: argument.end,
      passwordArgument: true,
    });
  }
  return found;
}
