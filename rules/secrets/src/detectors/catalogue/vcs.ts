// Source hosting: GitHub, GitLab, Bitbucket, Atlassian, Azure Repos (in cloud.ts), Gitea, Gitter.

import { HEX40, keywordsOf, leadingPair, named, token } from "../syntax.js";
import type { Detector } from "../types.js";

const GITHUB =
  "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats";
const GITLAB = "https://docs.gitlab.com/security/tokens/#token-prefixes";

function gitlab(id: string, secret: string, prefix: string, body: string): Detector {
  return {
    id,
    provider: "GitLab",
    secret,
    source: GITLAB,
    pattern: token(prefix, body),
    keywords: [prefix.toLowerCase()],
    minEntropy: 3,
  };
}

export const vcs: Detector[] = [
  {
    id: "github-pat",
    provider: "GitHub",
    secret: "personal access token (classic)",
    source: GITHUB,
    pattern: token("ghp_", "[A-Za-z0-9]{36}"),
    keywords: ["ghp_"],
    minEntropy: 3,
  },
  {
    id: "github-fine-grained-pat",
    provider: "GitHub",
    secret: "fine-grained personal access token",
    source: GITHUB,
    pattern: token("github_pat_", "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
    keywords: ["github_pat_"],
    minEntropy: 3,
  },
  {
    id: "github-oauth-token",
    provider: "GitHub",
    secret: "OAuth access token",
    source: GITHUB,
    pattern: token("gho_", "[A-Za-z0-9]{36}"),
    keywords: ["gho_"],
    minEntropy: 3,
  },
  {
    id: "github-user-to-server-token",
    provider: "GitHub",
    secret: "GitHub App user access token",
    source: GITHUB,
    pattern: token("ghu_", "[A-Za-z0-9]{36}"),
    keywords: ["ghu_"],
    minEntropy: 3,
  },
  {
    id: "github-app-installation-token",
    provider: "GitHub",
    secret: "GitHub App installation access token",
    // Opaque (ghs_ + 36) until 27 April 2026; since then the stateless form ghs_<app id>_<JWT>, about
    // 520 characters.
    source:
      "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app",
    pattern: token(
      "ghs_",
      "(?:\\d{1,12}_eyJ[A-Za-z0-9_-]{10,2000}\\.[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{16,1000}|[A-Za-z0-9]{36})",
    ),
    keywords: ["ghs_"],
    minEntropy: 3,
  },
  {
    id: "github-refresh-token",
    provider: "GitHub",
    secret: "refresh token",
    source: GITHUB,
    pattern: token("ghr_", "[A-Za-z0-9]{36,76}"),
    keywords: ["ghr_"],
    minEntropy: 3,
  },
  {
    id: "github-app-client-secret",
    provider: "GitHub",
    secret: "OAuth or GitHub App client secret",
    source:
      "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-access-token-for-a-github-app",
    pattern: named(["github_client_secret", "gh_client_secret", "github_app_secret", "github_oauth_secret"], HEX40),
    keywords: ["github", ...leadingPair("gh_client")],
    minEntropy: 3,
  },
  gitlab("gitlab-pat", "personal access token", "glpat-", "[A-Za-z0-9_-]{20}(?:[A-Za-z0-9_.-]{0,60})"),
  gitlab("gitlab-pipeline-trigger-token", "pipeline trigger token", "glptt-", "[a-f0-9]{40}"),
  gitlab("gitlab-runner-registration-token", "runner registration token", "GR1348941", "[A-Za-z0-9_-]{20}"),
  gitlab("gitlab-runner-auth-token", "runner authentication token", "glrt-", "[A-Za-z0-9_.-]{20,80}"),
  gitlab("gitlab-deploy-token", "deploy token", "gldt-", "[A-Za-z0-9_-]{20}"),
  gitlab("gitlab-feed-token", "feed token", "glft-", "[A-Za-z0-9_-]{20}"),
  gitlab("gitlab-incoming-mail-token", "incoming mail token", "glimt-", "[A-Za-z0-9_-]{25}"),
  gitlab("gitlab-oauth-app-secret", "OAuth application secret", "gloas-", "[A-Za-z0-9_-]{64}"),
  gitlab("gitlab-agent-token", "Kubernetes agent token", "glagent-", "[A-Za-z0-9_-]{50}"),
  gitlab("gitlab-scim-token", "SCIM token", "glsoat-", "[A-Za-z0-9_-]{20}"),
  gitlab("gitlab-feature-flag-client-token", "feature flags client token", "glffct-", "[A-Za-z0-9_-]{20}"),
  gitlab("gitlab-cicd-job-token", "CI/CD job token", "glcbt-", "[A-Za-z0-9_]{1,5}_[A-Za-z0-9_-]{20}"),
  {
    id: "bitbucket-app-password",
    provider: "Bitbucket",
    secret: "app password or API token",
    source: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    pattern: token("ATBB", "[A-Za-z0-9_=.-]{32}"),
    keywords: ["atbb"],
    minEntropy: 3.5,
  },
  {
    id: "bitbucket-client-secret",
    provider: "Bitbucket",
    secret: "OAuth consumer secret",
    source: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/",
    pattern: named(["bitbucket"], "[A-Za-z0-9_=-]{32,64}"),
    keywords: ["bitbucket"],
    minEntropy: 4,
  },
  {
    id: "atlassian-api-token",
    provider: "Atlassian",
    secret: "API token (Jira, Confluence)",
    source: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    pattern: token("ATATT3", "[A-Za-z0-9_=-]{180,200}"),
    keywords: ["atatt3"],
  },
  {
    id: "atlassian-api-token-legacy",
    provider: "Atlassian",
    secret: "API token (Jira, Confluence)",
    source: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    pattern: named(["atlassian", "jira", "confluence"], "[A-Za-z0-9]{24}"),
    keywords: ["atlassian", "jira", "confluence"],
    minEntropy: 3.8,
  },
  {
    id: "atlassian-admin-api-key",
    provider: "Atlassian",
    secret: "organization admin API key",
    source:
      "https://support.atlassian.com/organization-administration/docs/manage-an-organization-with-the-admin-apis/",
    pattern: token("ATCTT3", "[A-Za-z0-9_=-]{180,200}"),
    keywords: ["atctt3"],
  },
  {
    id: "gitea-access-token",
    provider: "Gitea / Forgejo",
    secret: "access token",
    source: "https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens",
    pattern: named(["gitea", "forgejo", "codeberg"], HEX40),
    keywords: keywordsOf(["gitea", "forgejo", "codeberg"]),
    minEntropy: 3,
  },
  {
    id: "gitter-access-token",
    provider: "Gitter",
    secret: "access token",
    source: "https://developer.gitter.im/docs/authentication",
    pattern: named(["gitter"], "[a-z0-9_-]{40}"),
    keywords: ["gitter"],
    minEntropy: 3,
  },
  {
    id: "sourcegraph-access-token",
    provider: "Sourcegraph",
    secret: "access token",
    source: "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token",
    pattern: token("sgp_", "(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}"),
    keywords: ["sgp_"],
  },
];
