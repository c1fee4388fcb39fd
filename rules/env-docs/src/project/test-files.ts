// Test files: the variables a test reads configure the test run (a seeded id, a local database),
// not a deploy, so a missing example entry for them is not a gap whoever deploys would feel.

const TEST_FILE = [
  /[._](test|spec)\.[cm]?[jt]sx?$/, // app.test.ts, app.spec.js, load_test.ts
  /_test\.go$/, // Go
  /(^|\/)test_[^/]+\.py$|_test\.py$/, // pytest
  /_spec\.rb$/, // RSpec
  /(^|\/)__tests__\//, // Jest's folder
];

export function isTestFile(path: string): boolean {
  return TEST_FILE.some((pattern) => pattern.test(path));
}

const TEST_FOLDERS = new Set(["test", "tests", "__tests__", "e2e", "spec", "cypress", "playwright", "fixtures"]);

/** Whether a path lies in a folder of tests (`apps/web/e2e/.env.example` documents the e2e run). */
export function inTestFolder(path: string): boolean {
  return path
    .split("/")
    .slice(0, -1)
    .some((segment) => TEST_FOLDERS.has(segment.toLowerCase()));
}
