// textLanguage and textReads: which files are scanned as text, and the names each one reads.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell, compose and dotenv `${X}` syntax under test.
import { createLineIndex } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { type TextLanguage, textLanguage, textReads } from "../../src/extract/text-reads.js";

function reads(language: TextLanguage, code: string): string[] {
  const lines = createLineIndex(code);
  return textReads(language, code).map((read) => {
    const start = lines.positionAt(read.start);
    const end = lines.positionAt(read.end);
    expect(read.name === null || code.slice(read.start, read.end) === read.name).toBe(true);
    return `${read.name ?? "<dynamic>"} ${start.line}:${start.column}-${end.column}`;
  });
}

describe("textLanguage", () => {
  it.each([
    ["app/settings.py", "python"],
    ["config/initializers/x.rb", "ruby"],
    ["cmd/server/main.go", "go"],
    ["prisma/schema.prisma", "prisma"],
    ["Dockerfile", "dockerfile"],
    ["docker/api.Dockerfile", "dockerfile"],
    ["Dockerfile.prod", "dockerfile"],
    ["docker-compose.yml", "compose"],
    ["compose.prod.yaml", "compose"],
    // podman-compose looks for podman-compose.yml before the docker names (umami ships one).
    ["podman/podman-compose.yml", "compose"],
    [".github/workflows/deploy.yml", "actions"],
    ["scripts/deploy.sh", "shell"],
    ["packages/api/tools/seed.bash", "shell"],
  ])("%s is %s", (path, language) => {
    expect(textLanguage(path, "")).toBe(language);
  });

  it("reads an extensionless file under bin/ as shell only with a shell shebang", () => {
    expect(textLanguage("bin/release", "#!/usr/bin/env bash\necho hi\n")).toBe("shell");
    expect(textLanguage("bin/cli", "#!/usr/bin/env node\nconsole.log(1)\n")).toBeNull();
  });

  it("skips shell scripts outside scripts/, bin/ and tools/, and unknown files", () => {
    expect(textLanguage("deploy.sh", "")).toBeNull();
    expect(textLanguage("README.txt", "")).toBeNull();
    expect(textLanguage("config/app.yml", "")).toBeNull();
  });
});

describe("textReads", () => {
  it("reads Python os.environ, os.getenv and environ.get, not writes or comments", () => {
    const code = [
      'db = os.environ["DATABASE_URL"]',
      "key = os.environ.get('API_KEY', 'x')",
      'port = os.getenv("PORT")',
      'os.environ["WRITTEN"] = "1"',
      '# os.getenv("COMMENTED")',
      "value = os.getenv(name)",
    ].join("\n");
    expect(reads("python", code)).toEqual([
      "DATABASE_URL 1:18-30",
      "API_KEY 2:23-30",
      "PORT 3:19-23",
      "<dynamic> 6:19-23",
    ]);
  });

  it('reads Ruby ENV["X"] and ENV.fetch', () => {
    const code = 'url = ENV["REDIS_URL"]\nkey = ENV.fetch("SECRET_KEY_BASE")\nENV["SET"] = "1"\n';
    expect(reads("ruby", code)).toEqual(["REDIS_URL 1:12-21", "SECRET_KEY_BASE 2:18-33"]);
  });

  it("reads Go os.Getenv and os.LookupEnv", () => {
    const code = 'dsn := os.Getenv("DSN")\nv, ok := os.LookupEnv(`TOKEN`)\n// os.Getenv("OLD")\n';
    expect(reads("go", code)).toEqual(["DSN 1:19-22", "TOKEN 2:24-29"]);
  });

  it('reads Prisma env("X")', () => {
    expect(reads("prisma", 'datasource db {\n  url = env("DATABASE_URL")\n}\n')).toEqual(["DATABASE_URL 2:14-26"]);
  });

  it("reads upper-case shell expansions the script does not set, outside single quotes", () => {
    const code = [
      "#!/bin/sh",
      'LOCAL_DIR="/tmp"',
      'echo "${DEPLOY_HOST:-localhost} $API_TOKEN ${LOCAL_DIR} $lower"',
      "echo '$NOT_EXPANDED'",
      "# echo $COMMENTED",
      "for ITEM in a b; do echo $ITEM; done",
    ].join("\n");
    expect(reads("shell", code)).toEqual(["DEPLOY_HOST 3:9-20", "API_TOKEN 3:34-43"]);
  });

  it("stops reading a shell script where it sources a file that may set any name, not where it sources .env", () => {
    const code = [
      "#!/bin/bash",
      "source .env",
      'echo "$DATABASE_URL"',
      'if [ -f "$RESULTS" ]; then',
      '  source "$RESULTS_DIR/summary.txt"',
      '  echo "$TOTAL_BYTES"',
      "fi",
    ].join("\n");
    expect(reads("shell", code).map((read) => read.split(" ")[0])).toEqual(["DATABASE_URL", "RESULTS", "RESULTS_DIR"]);
    expect(reads("shell", '. ./lib.sh\necho "$FROM_LIB"\n')).toEqual([]);
  });

  it("reads Dockerfile ARGs without a default", () => {
    const code = "FROM node:20\nARG NPM_TOKEN\nARG NODE_VERSION=20\narg BUILD_SHA GIT_REF\nENV PORT=3000\n";
    expect(reads("dockerfile", code)).toEqual(["NPM_TOKEN 2:5-14", "BUILD_SHA 4:5-14", "GIT_REF 4:15-22"]);
  });

  it("reads compose interpolation with and without defaults, not $$", () => {
    const code = [
      "services:",
      "  api:",
      "    image: app:${TAG:-latest}",
      "    environment:",
      "      DATABASE_URL: ${DATABASE_URL}",
      "      PLAIN: $PLAIN_VAR",
      "      ESCAPED: $${NOT_A_VAR}",
      "      REQUIRED: ${MUST?set it}",
    ].join("\n");
    expect(reads("compose", code)).toEqual([
      "TAG 3:18-21",
      "DATABASE_URL 5:23-35",
      "PLAIN_VAR 6:15-24",
      "MUST 8:19-23",
    ]);
  });

  it("reads ${{ env.X }} in workflows unless the workflow sets X", () => {
    const code = [
      "env:",
      "  SET_HERE: 1",
      "jobs:",
      "  a:",
      "    steps:",
      "      - run: echo ${{ env.SET_HERE }} ${{ env.FROM_OUTSIDE }}",
      '      - run: echo "EXPORTED=1" >> $GITHUB_ENV',
      "      - run: echo ${{ env.EXPORTED }}",
    ].join("\n");
    expect(reads("actions", code)).toEqual(["FROM_OUTSIDE 6:47-59"]);
  });

  it("marks reads that give their own value when unset (fallback), fail when unset (required), or neither", () => {
    const fallbacks = (language: TextLanguage, code: string) =>
      textReads(language, code).map(
        (read) =>
          `${read.name}${read.hasFallback === true ? " fallback" : read.hasFallback === false ? " required" : ""}`,
      );
    expect(fallbacks("compose", "a: ${A:-x}\nb: ${B-x}\nc: ${C}\nd: ${D?set it}\ne: $E\nf: ${F:?set}\n")).toEqual([
      "A fallback",
      "B fallback",
      "C",
      "D required",
      "E",
      "F required",
    ]);
    expect(fallbacks("shell", 'echo "${A:-x} ${B:=y} ${C} $D ${E:?set E}"\n')).toEqual([
      "A fallback",
      "B fallback",
      "C",
      "D",
      "E required",
    ]);
    expect(
      fallbacks("ruby", 'ENV.fetch("A", "x")\nENV.fetch("B") { "y" }\nENV["C"] || "z"\nENV.fetch("D")\nENV["E"]\n'),
    ).toEqual(["A fallback", "B fallback", "C fallback", "D required", "E"]);
    expect(fallbacks("prisma", 'url = env("DATABASE_URL")\n')).toEqual(["DATABASE_URL required"]);
  });
});
