// The bench's start-up rows on a machine whose environment sets NODE_EXTRA_CA_CERTS: every Node
// start reads that file first, so the bench also times Node and the example shop with it unset.
import { afterEach, describe, expect, it } from "vitest";
import { EXTRA_CA_CERTS, startupContestants } from "../../tools/bench/contestants.mjs";
import { measure } from "../../tools/bench/measure.mjs";

const saved = process.env[EXTRA_CA_CERTS];
afterEach(() => {
  if (saved === undefined) delete process.env[EXTRA_CA_CERTS];
  else process.env[EXTRA_CA_CERTS] = saved;
});

const repos = { emptyRepo: process.cwd(), oneFileRepo: process.cwd() };

describe("start-up rows and NODE_EXTRA_CA_CERTS", () => {
  it("adds Node and the example shop with the variable unset only when it is set", () => {
    delete process.env[EXTRA_CA_CERTS];
    expect(startupContestants(repos).map((c) => c.id)).not.toContain("dl-example-shop-no-extra-ca");
    process.env[EXTRA_CA_CERTS] = "/nonexistent/ca.pem";
    const extra = startupContestants(repos).filter((c) => c.id.endsWith("-no-extra-ca"));
    expect(extra.map((c) => c.id)).toEqual(["node-no-extra-ca", "dl-example-shop-no-extra-ca"]);
    for (const contestant of extra) expect(contestant.command.unsetEnv).toEqual([EXTRA_CA_CERTS]);
  });

  it("runs a command without the variables it unsets", () => {
    process.env[EXTRA_CA_CERTS] = "/nonexistent/ca.pem";
    const probe = `process.exit(process.env.${EXTRA_CA_CERTS} === undefined ? 0 : 3)`;
    const command = { cmd: process.execPath, args: ["-e", probe], cwd: process.cwd() };
    expect(measure(command).status).toBe(3);
    expect(measure({ ...command, unsetEnv: [EXTRA_CA_CERTS] }).status).toBe(0);
  });
});
