// Planted fake secrets for the benchmark corpus: format-valid (so detectors fire) but random and
// clearly fake. Prefixes are assembled at run time so this file itself holds no secret-shaped text.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = `${ALNUM}+/`;

/**
 * @param {{ random: ReturnType<typeof import("./random.mjs").createRandom>, kind: string, root: string }} options
 * @returns {{ path: string, text: string }}
 */
export function plantedSecret({ random, kind, root }) {
  switch (kind) {
    case "stripe": {
      const key = ["sk", "live", random.chars(ALNUM, 24)].join("_");
      return {
        path: `${root}/src/clients/stripe-client.ts`,
        text: `// Fake key planted by the benchmark generator.\nexport const stripeKey = "${key}";\n`,
      };
    }
    case "aws": {
      const id = `${"AK"}${"IA"}${random.chars(BASE32, 16)}`;
      const secret = random.chars(BASE64, 40);
      return {
        path: `${root}/src/clients/s3-client.ts`,
        text: `// Fake credentials planted by the benchmark generator.\nexport const s3 = {\n  accessKeyId: "${id}",\n  secretAccessKey: "${secret}",\n};\n`,
      };
    }
    case "pem": {
      const label = ["RSA", "PRIVATE", "KEY"].join(" ");
      const body = [];
      // "MII" is the DER SEQUENCE header every real PKCS#1 key starts with; detectors check for it.
      body.push(`MIIEowIBAAKCAQEA${random.chars(BASE64, 48)}`);
      for (let i = 1; i < 12; i++) body.push(random.chars(BASE64, 64));
      return {
        path: `${root}/certs/dev-signing.pem`,
        text: `${"-----BEGIN"} ${label}-----\n${body.join("\n")}\n${"-----END"} ${label}-----\n`,
      };
    }
    case "github": {
      const token = `${"gh"}p_${random.chars(ALNUM, 36)}`;
      return {
        path: `${root}/.npmrc`,
        text: `# Fake token planted by the benchmark generator.\n//npm.pkg.github.com/:_authToken=${token}\n`,
      };
    }
    default: {
      const password = random.chars(ALNUM, 20);
      return {
        path: `${root}/deploy/production.env`,
        text: `DATABASE_URL=postgres://app:${password}@db.internal:5432/app\n`,
      };
    }
  }
}
