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
