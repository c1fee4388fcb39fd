// Tests of secrets/no-inline-secret-in-ci: literal secrets in GitHub Actions, GitLab CI,
// docker-compose and Kubernetes Secrets, and the secret references that should be used instead.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { at } from "./helpers/lint.js";

const password = "Tr0ub4dor&3-prod-9Qz";
const github = [
  "name: deploy",
  "on: push",
  "jobs:",
  "  deploy:",
  "    runs-on: ubuntu-latest",
  "    environment: production",
  "    env:",
  `      DATABASE_PASSWORD: "${password}"`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression syntax.
  "      STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}",
  "    steps:",
  "      - uses: docker/login-action@v3",
  "        with:",
  "          username: deploy",
  "          password: Xw7pQ2zK9mLr4vT8",
  "",
].join("\n");
const gitlab = `variables:\n  DB_PASSWORD: "${password}"\ndeploy:\n  variables:\n    API_TOKEN:\n      value: "Kf83JdLq0Zr7Xy2W"\n      description: token\n  script: [./deploy.sh]\n`;
const compose = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${password}\n  app:\n    environment:\n      - SESSION_SECRET=Lq9Zr7Xy2WKf83Jd0\n`;
const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\nstringData:\n  username: app\n  password: "${password}"\ndata:\n  api-key: ${Buffer.from("Qm9X7zLk2PvR8wTn").toString("base64")}\n`;

const tester = new RuleTester({ pack });

tester.run("no-inline-secret-in-ci", {
  valid: [
    {
      name: "secret references",
      filename: ".github/workflows/ci.yml",
      code: [
        "jobs:",
        "  deploy:",
        "    env:",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression syntax.
        "      SESSION_SECRET: ${{ secrets.SESSION_SECRET }}",
        "      LOG_LEVEL: info",
        "      NODE_ENV: production",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression syntax.
        "          token: ${{ github.token }}",
        "",
      ].join("\n"),
    },
    {
      name: "compose dev defaults",
      filename: "docker-compose.yml",
      code: "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n      POSTGRES_USER: postgres\n",
    },
    {
      name: "compose references",
      filename: "compose.yaml",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${VAR} reference written in config, not a JS template.
      code: "services:\n  app:\n    environment:\n      - API_TOKEN=${API_TOKEN}\n",
    },
    {
      name: "a ConfigMap is not a Secret",
      filename: "k8s/config.yaml",
      code: "kind: ConfigMap\ndata:\n  LOG_LEVEL: info\n",
    },
    { name: "other YAML", filename: "config/app.yaml", code: `env:\n  DB_PASSWORD: "${password}"\n` },
  ],
  invalid: [
    {
      name: "GitHub Actions env and with",
      filename: ".github/workflows/deploy.yml",
      code: github,
      errors: [
        { messageId: "inline", ...at(github, `"${password}`) },
        { messageId: "inline", ...at(github, "Xw7pQ2zK9mLr4vT8") },
      ],
    },
    {
      name: "GitLab CI variables",
      filename: ".gitlab-ci.yml",
      code: gitlab,
      errors: [
        { messageId: "inline", ...at(gitlab, `"${password}`) },
        { messageId: "inline", ...at(gitlab, '"Kf83') },
      ],
    },
    {
      name: "docker-compose environment, map and list",
      filename: "docker-compose.prod.yml",
      code: compose,
      errors: [
        { messageId: "inline", ...at(compose, password) },
        { messageId: "inline", ...at(compose, "Lq9Zr7") },
      ],
    },
    {
      name: "Kubernetes Secret data and stringData",
      filename: "k8s/secret.yaml",
      code: secret,
      errors: [
        { messageId: "inline", ...at(secret, `"${password}`) },
        { messageId: "inline", ...at(secret, Buffer.from("Qm9X7zLk2PvR8wTn").toString("base64")) },
      ],
    },
  ],
});
