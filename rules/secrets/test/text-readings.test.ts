// The text readings of no-generic-secret (assignment lines, login calls) read only where a judged
// pair can be: lines with a secret-like word, calls of the login names. What they find there is
// what the whole-text reading found.
import { describe, expect, it } from "vitest";
import { textAssignments } from "../src/shared/assignments.js";
import { textLoginArguments } from "../src/shared/login-calls.js";

describe("textAssignments", () => {
  it("reads only lines holding a secret-like word, and reads them whole", () => {
    const text = 'host = "db.internal"\nport = 5432\nDB_PASSWORD = "Wq7-Zp2xKm"\nuser = "app"; api_key = "k"\n';
    expect(textAssignments(text).map((a) => a.name)).toEqual(["DB_PASSWORD", "user"]);
  });

  it("keeps offsets into the file and the first reading of a span", () => {
    const text =
      'name = "svc"\r\n<add key="DbPassword" value="Wq7-Zp2xKm"/>\n//registry.npmjs.org/:_authToken=abc123\n';
    const found = textAssignments(text, { xml: true });
    expect(found.map((a) => [a.name, text.slice(a.start, a.end)])).toEqual([
      ["key", "DbPassword"],
      ["DbPassword", "Wq7-Zp2xKm"],
      ["_authToken", "abc123"],
    ]);
  });
});

describe("textLoginArguments", () => {
  it("finds the password argument of whole login names only", () => {
    const text = [
      'smtp.login("alerts", "Wq7-Zp2xKm")',
      'xlogin("alerts", "not-this-one")',
      'conn.BIND_S("cn=admin", "Zp2x-Wq7Km")',
      '$db = mysqli_connect ("localhost", "app", "Km2x-Zp7Wq");',
    ].join("\n");
    expect(textLoginArguments(text).map((a) => [a.name, a.value])).toEqual([
      ["login()", "Wq7-Zp2xKm"],
      ["BIND_S()", "Zp2x-Wq7Km"],
      ["mysqli_connect()", "Km2x-Zp7Wq"],
    ]);
  });
});
