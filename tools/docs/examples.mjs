// Executable docs: every fenced example under "### Invalid" must produce a finding of the page's
// rule, and every one under "### Valid" must produce none, through the real engine.
//
// A block names its file on its first line, in the language's comment (`-- db/migrations/1_x.up.sql`,
// `# .env.example`, `// src/config.ts`), or with `file=<path>` in the fence info; a block may hold
// several files, each starting with a `<comment> file: <path>` line. `changes=added:a,b;modified:c;deleted:d`
// in the fence info runs the example as a change set (--changed-since); `norun` skips a block (say why next to it).

const DEFAULT_FILES = {
  sql: "db/migrations/000001_example.up.sql",
  ts: "src/example.ts",
  typescript: "src/example.ts",
  js: "src/example.js",
  javascript: "src/example.js",
  tsx: "src/example.tsx",
  yaml: "example.yaml",
  yml: "example.yaml",
  json: "example.json",
  dotenv: ".env.example",
  env: ".env.example",
  sh: "scripts/example.sh",
  shell: "scripts/example.sh",
  text: "example.txt",
};

const COMMENT = String.raw`(?:--|#|\/\/)`;
const PATH = String.raw`([\w@.\-/]*[\w-]\.[\w.]+|[\w@.\-]+\/[\w@.\-/]+|\.env[\w.-]*|Dockerfile)`;
const FIRST_LINE_PATH = new RegExp(`^${COMMENT}\\s*${PATH}(?=$|[\\s:(,])`);
const FILE_MARKER = new RegExp(`^${COMMENT}\\s*file:\\s*${PATH}\\s*$`);

/** The examples of one doc page: [{ section: "invalid"|"valid", line, files: {path: text} }]. */
export function extractExamples(markdown) {
  const examples = [];
  const lines = markdown.split("\n");
  let section = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{2,3})\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[2].trim().toLowerCase();
      section =
        heading[1] === "###" && (title === "invalid" || title === "valid")
          ? title
          : heading[1] === "##"
            ? null
            : section;
      continue;
    }
    const fence = /^(```+)\s*([\w-]*)\s*(.*)$/.exec(line);
    if (!fence || fence[1].length < 3) continue;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith(fence[1])) body.push(lines[j++]);
    if (section && !/\bnorun\b/.test(fence[3])) {
      const changes = changesOf(fence[3]);
      examples.push({
        section,
        line: i + 1,
        files: filesOf({ language: fence[2], info: fence[3], body }),
        ...(changes ? { changes } : {}),
      });
    }
    i = j;
  }
  return examples;
}

function changesOf(info) {
  const spec = /\bchanges=(\S+)/.exec(info)?.[1];
  if (!spec) return null;
  const changes = { base: "docs-example", added: [], modified: [], deleted: [] };
  for (const part of spec.split(";")) {
    const [kind, list = ""] = part.split(":");
    if (kind in changes && kind !== "base") changes[kind].push(...list.split(",").filter(Boolean));
  }
  return changes;
}

function filesOf({ language, info, body }) {
  const files = {};
  const fromInfo = /\bfile=(\S+)/.exec(info)?.[1];
  let current = fromInfo ?? FIRST_LINE_PATH.exec(body[0] ?? "")?.[1] ?? DEFAULT_FILES[language] ?? DEFAULT_FILES.text;
  let chunk = [];
  const flush = () => {
    if (chunk.length > 0 || !(current in files)) files[current] = `${chunk.join("\n")}\n`;
  };
  for (const line of body) {
    const marker = FILE_MARKER.exec(line);
    if (marker) {
      if (chunk.length > 0) flush();
      current = marker[1];
      chunk = [];
      continue;
    }
    chunk.push(line);
  }
  flush();
  return files;
}

/** Runs one page's examples for `ruleId`; returns problems as strings (empty when all hold). */
export async function checkExamples({ ruleId, page, markdown, packs, runLint }) {
  const problems = [];
  const examples = extractExamples(markdown);
  if (!examples.some((e) => e.section === "invalid"))
    problems.push(`${page}: no runnable example under "### Invalid".`);
  for (const example of examples) {
    const result = await runLint({
      config: {
        configFile: null,
        packs: packs.map((pack) => ({ pack, specifier: null })),
        rules: { [ruleId]: { severity: "error", options: undefined }, "deploylint/parse-error": { severity: "error" } },
        overrides: [],
        settings: {},
        ignores: [],
        maxFileSize: Number.MAX_SAFE_INTEGER,
      },
      files: Object.entries(example.files).map(([path, text]) => ({
        path,
        absolutePath: `/docs-example/${path}`,
        text,
      })),
      workers: 0,
      ...(example.changes
        ? { changes: example.changes, lintPaths: new Set([...example.changes.added, ...example.changes.modified]) }
        : {}),
      readText: async () => ({ ok: false, reason: "virtual" }),
    });
    const own = result.findings.filter((f) => f.ruleId === ruleId);
    const parseErrors = result.findings.filter((f) => f.ruleId === "deploylint/parse-error");
    const where = `${page}:${example.line}`;
    if (parseErrors.length > 0) problems.push(`${where}: the example does not parse (${parseErrors[0].message})`);
    if (example.section === "invalid" && own.length === 0)
      problems.push(`${where}: invalid example gives no ${ruleId} finding.`);
    if (example.section === "valid" && own.length > 0) {
      problems.push(`${where}: valid example gives ${own.length} ${ruleId} finding(s): ${own[0].message}`);
    }
  }
  return problems;
}
