// What the pre-deploy table and --print-config mask, and what they leave readable.
import { describe, expect, it } from "vitest";
import { isCredentialKey, maskCredentials } from "../src/credentials.js";

describe("maskCredentials", () => {
  it.each([
    ["psql postgres://admin:hunter2@db:5432/app", "psql postgres://admin:****@db:5432/app"],
    ["git clone https://ghp_A1b2C3d4E5f6G7h8I9j0K1l2@github.com/o/r.git", "git clone https://****@github.com/o/r.git"],
    ["mysql -uroot -pS3cret app < dump.sql", "mysql -uroot -p**** app < dump.sql"],
    ["deploy --password=x --db-token 'a b' --api-key=k", "deploy --password=**** --db-token **** --api-key=****"],
    ["TOKEN=abc npm run smoke", "TOKEN=**** npm run smoke"],
    ["export DB_PASSWORD='x y' && ./migrate", "export DB_PASSWORD=**** && ./migrate"],
    ["./smoke.sh sk_live_51H8aBcDeFgHiJkLmNoPqRsTuV", "./smoke.sh ****"],
    ["echo 3f786850e387550fdab836ed7e6dc881de23001b", "echo ****"],
  ])("masks %s", (input, masked) => {
    expect(maskCredentials(input)).toBe(masked);
  });

  it.each([
    "npm test",
    "mkdir -p build && npm run build -- --reporter=verbose",
    "deploy --no-auth --verbose",
    "ssh deploy@host.example.com 'docker compose up -d'",
    "node scripts/check-migrations-2024-01-01.mjs db/migrations/000001_create_users_table.up.sql",
    "curl https://api.example.com/v1/health",
  ])("leaves %s readable", (input) => {
    expect(maskCredentials(input)).toBe(input);
  });
});

describe("isCredentialKey", () => {
  it("recognises credential-named settings keys, not ordinary ones", () => {
    for (const key of ["password", "dbPassword", "hashSalt", "apiToken", "api_key", "clientSecret", "authHeader"])
      expect(isCredentialKey(key)).toBe(true);
    for (const key of ["paths", "dialect", "manifest", "region", "example", "flagFunctions"])
      expect(isCredentialKey(key)).toBe(false);
  });
});
