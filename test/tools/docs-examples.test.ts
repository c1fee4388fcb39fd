// Executable docs: examples are read from a rule page with their file names.
import { describe, expect, it } from "vitest";
import { extractExamples } from "../../tools/docs/examples.mjs";

const page = [
  "# rule",
  "## Examples",
  "### Invalid",
  "```sql",
  "-- db/migrations/000003_drop.up.sql (golang-migrate)",
  "ALTER TABLE users DROP COLUMN a;",
  "```",
  "### Valid",
  "```dotenv",
  "A=1",
  "```",
  "```yaml norun",
  "skipped: true",
  "```",
  "```sql",
  "-- file: db/migrations/000001_a.up.sql",
  "CREATE TABLE a (id int);",
  "-- file: db/migrations/000001_a.down.sql",
  "DROP TABLE a;",
  "```",
  "## Options",
  "```json",
  '{ "not": "an example" }',
  "```",
].join("\n");

describe("extractExamples", () => {
  it("reads invalid and valid blocks with their file names, several files per block, and skips norun", () => {
    expect(extractExamples(page)).toEqual([
      {
        section: "invalid",
        line: 4,
        files: {
          "db/migrations/000003_drop.up.sql":
            "-- db/migrations/000003_drop.up.sql (golang-migrate)\nALTER TABLE users DROP COLUMN a;\n",
        },
      },
      { section: "valid", line: 9, files: { ".env.example": "A=1\n" } },
      {
        section: "valid",
        line: 15,
        files: {
          "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);\n",
          "db/migrations/000001_a.down.sql": "DROP TABLE a;\n",
        },
      },
    ]);
  });
});
