// The pattern building blocks: a caseless name matches every casing and separator of the name and
// nothing looser, and a character a regular expression gives a meaning stays literal.
import { describe, expect, it } from "vitest";
import { caseless } from "../src/detectors/syntax.js";

describe("caseless", () => {
  it("spells each letter in both cases and lets a separator be any of _ . - or none", () => {
    expect(caseless("Co_api-key 2")).toBe("[cC][oO][_.-]?[aA][pP][iI][_.-]?[kK][eE][yY][_.-]?2");
    const name = new RegExp(`^(?:${caseless("twilio_auth_token")})$`);
    for (const spelling of ["TWILIO_AUTH_TOKEN", "twilioAuthToken", "twilio.auth-token", "TwilioAuthToken"]) {
      expect(name.test(spelling), spelling).toBe(true);
    }
    for (const other of ["twilio__auth_token", "twilio_auth_tokens", "twilio@auth_token"]) {
      expect(name.test(other), other).toBe(false);
    }
  });

  it("keeps regular-expression syntax and other characters literal", () => {
    const special = ".*+?^$(){}|[]\\";
    expect(new RegExp(`^${caseless(`x${special}@é`)}$`).test(`X${special}@é`)).toBe(true);
    expect(caseless("[a]")).toBe("\\[[aA]\\]");
    // Only ASCII letters get a case class: `@` and `[` sit next to them in the code table.
    expect(caseless("@`{")).toBe("@`\\{");
  });
});
