// Package registries and artifact stores: npm, PyPI, Docker Hub, RubyGems, NuGet, crates.io,
// JFrog Artifactory, Clojars, Packagist, Hex.

import { named, token } from "../syntax.js";
import type { Detector } from "../types.js";

/** A Docker `config.json` "auth" value is base64 of "user:password": decoding proves the shape. */
function isBasicAuthPair(value: string): boolean {
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded);
}

export const registries: Detector[] = [
  {
    id: "npm-access-token",
    provider: "npm",
    secret: "access token",
    source: "https://docs.npmjs.com/about-access-tokens",
    pattern: token("npm_", "[A-Za-z0-9]{36}"),
    keywords: ["npm_"],
    minEntropy: 3,
  },
  {
    id: "npmrc-auth",
    provider: "npm registry",
    secret: "registry credential in .npmrc",
    source: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    pattern: ":?_(?:authToken|auth|password)\\s{0,2}=\\s{0,2}[\"']?([A-Za-z0-9+/=._-]{16,512})",
    keywords: ["_authtoken", "_auth", "_password"],
    minEntropy: 3.5,
  },
  {
    id: "pypi-upload-token",
    provider: "PyPI",
    secret: "API token",
    source: "https://pypi.org/help/#apitoken",
    pattern: token("pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{50,300}"),
    keywords: ["pypi-ageichlwas5vcmc"],
  },
  {
    id: "test-pypi-upload-token",
    provider: "TestPyPI",
    secret: "API token",
    source: "https://test.pypi.org/help/#apitoken",
    pattern: token("pypi-AgENdGVzdC5weXBpLm9yZw", "[A-Za-z0-9_-]{50,300}"),
    keywords: ["pypi-agendgvzdc5wexbplm9yzw"],
  },
  {
    id: "dockerhub-pat",
    provider: "Docker Hub",
    secret: "personal access token",
    source: "https://docs.docker.com/security/for-developers/access-tokens/",
    pattern: token("dckr_pat_", "[A-Za-z0-9_-]{27}"),
    keywords: ["dckr_pat_"],
    minEntropy: 3,
  },
  {
    id: "dockerhub-oat",
    provider: "Docker Hub",
    secret: "organization access token",
    source: "https://docs.docker.com/security/for-admins/access-tokens/",
    pattern: token("dckr_oat_", "[A-Za-z0-9_-]{32}"),
    keywords: ["dckr_oat_"],
    minEntropy: 3,
  },
  {
    id: "docker-config-auth",
    provider: "Docker registry",
    secret: "login in config.json",
    source: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
    pattern: '\\\\?"auth\\\\?"\\s{0,3}:\\s{0,3}\\\\?"([A-Za-z0-9+/]{8,400}={0,2})',
    keywords: ['"auth'],
    verify: isBasicAuthPair,
  },
  {
    id: "rubygems-api-key",
    provider: "RubyGems",
    secret: "API key",
    source: "https://guides.rubygems.org/api-key-scopes/",
    pattern: token("rubygems_", "[a-f0-9]{48}"),
    keywords: ["rubygems_"],
  },
  {
    id: "nuget-api-key",
    provider: "NuGet",
    secret: "API key",
    source: "https://learn.microsoft.com/en-us/nuget/nuget-org/publish-a-package#create-an-api-key",
    pattern: token("oy2", "[a-z0-9]{43}"),
    keywords: ["oy2"],
    minEntropy: 3.5,
  },
  {
    id: "crates-io-api-token",
    provider: "crates.io",
    secret: "API token",
    source: "https://doc.rust-lang.org/cargo/reference/registry-web-api.html",
    pattern: token("cio", "[A-Za-z0-9]{32}"),
    keywords: ["cio"],
    minEntropy: 3.8,
  },
  {
    id: "jfrog-api-key",
    provider: "JFrog Artifactory",
    secret: "API key",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    pattern: token("AKCp", "[A-Za-z0-9]{69}"),
    keywords: ["akcp"],
    minEntropy: 3.8,
  },
  {
    id: "jfrog-reference-token",
    provider: "JFrog Artifactory",
    secret: "reference token",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    pattern: token("cmVmdGtuOjAxOj", "[A-Za-z0-9]{50}"),
    keywords: ["cmvmdgtuojaxoj"],
  },
  {
    id: "clojars-token",
    provider: "Clojars",
    secret: "deploy token",
    source: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    pattern: token("CLOJARS_", "[a-z0-9]{60}"),
    keywords: ["clojars_"],
  },
  {
    id: "hex-api-key",
    provider: "Hex",
    secret: "API key",
    source: "https://hex.pm/docs/publish",
    pattern: named(["hex_api_key", "hexpm_key", "hex_key"], "[a-f0-9]{32}"),
    keywords: ["hex", "hexpm"],
    minEntropy: 3,
  },
  {
    id: "packagist-token",
    provider: "Packagist",
    secret: "API token",
    source: "https://packagist.org/about#how-to-update-packages",
    pattern: token("packagist_", "(?:ou|ut|us|at)[a-f0-9]{68}"),
    keywords: ["packagist_"],
  },
];
