// Tests for value classification: what a fact may say about a value instead of the value.
import { describe, expect, it } from "vitest";
import { classifyEndpoint, describeValue, hostOf, parseLevel } from "../../src/extract/classify-value.js";
import { environmentOfPath } from "../../src/extract/env-file-name.js";

const key = (kind: string, mode: string) => `${kind}_${mode}_abcdefghijklmnop1234`;

describe("classifyEndpoint", () => {
  it.each([
    ["STRIPE_SECRET_KEY", key("sk", "live"), "stripe-live"],
    ["STRIPE_KEY", key("pk", "test"), "stripe-test"],
    ["STRIPE_RESTRICTED", key("rk", "live"), "stripe-live"],
    ["PAYPAL_API", "https://api-m.paypal.com/v2", "paypal-live"],
    ["PAYPAL_API", "https://api-m.sandbox.paypal.com", "paypal-sandbox"],
    ["PAYPAL_MODE", "live", "paypal-live"],
    ["BRAINTREE_ENVIRONMENT", "production", "braintree-live"],
    ["BRAINTREE_URL", "https://api.sandbox.braintreegateway.com", "braintree-sandbox"],
    ["SQUARE_APP_ID", "sandbox-sq0idb-xyz", "square-sandbox"],
    ["SQUARE_BASE", "https://connect.squareup.com", "square-live"],
    ["PLAID_ENV", "development", "plaid-development"],
    ["PLAID_URL", "https://production.plaid.com", "plaid-live"],
    ["ADYEN_ENVIRONMENT", "TEST", "adyen-sandbox"],
    ["ADYEN_URL", "https://checkout-test.adyen.com/v71", "adyen-test"],
    ["PAYMENTS_URL", "https://sandbox.payments.example.com", "sandbox"],
  ])("%s=%s is %s", (name, value, expected) => {
    expect(classifyEndpoint(name, value)).toBe(expected);
  });

  it("says nothing about other values", () => {
    expect(classifyEndpoint("API_URL", "https://api.example.com")).toBeNull();
    expect(classifyEndpoint("MODE", "live")).toBeNull();
  });
});

describe("describeValue", () => {
  it("keeps no value: only key, position, level, endpoint and host", () => {
    const secret = key("sk", "live");
    const entry = describeValue({ key: "STRIPE_SECRET_KEY", value: secret, line: 5, column: 1 });
    expect(entry).toEqual({
      key: "STRIPE_SECRET_KEY",
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 18,
      hasValue: true,
      endpoint: "stripe-live",
    });
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it("drops credentials from hosts and reads levels", () => {
    expect(hostOf("postgres://user:pw@db.internal:5432/app")).toBe("db.internal");
    expect(parseLevel("WARNING")).toBe("warn");
    expect(parseLevel("my_crate=debug,info")).toBe("info");
    expect(parseLevel("loud")).toBeNull();
    expect(describeValue({ key: "X", value: "", line: 1, column: 1 }).hasValue).toBe(false);
    // A GitHub Actions secret reference, not a value.
    const reference = ["$", "{{ secrets.X }}"].join("");
    expect(describeValue({ key: "X", value: reference, line: 1, column: 1 }).hasValue).toBe(false);
  });
});

describe("environmentOfPath", () => {
  it.each([
    [".env.production", "production"],
    [".env.staging.local", "staging"],
    [".env.local", "local"],
    ["deploy/staging.env", "staging"],
    ["config/prod.env", "prod"],
    ["k8s/overlays/preprod/app.env", "preprod"],
    [".env", null],
    [".env.example", null],
    ["src/app.env", null],
  ])("%s -> %s", (path, expected) => {
    expect(environmentOfPath(path)).toBe(expected);
  });
});
