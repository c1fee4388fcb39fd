import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { parse } from "sql-parser-cst";
import { loadPostgresParser, readSqlFile } from "./packages/core/dist/sources/index.js";
await loadPostgresParser();
const roots = ["/tmp/corp/documenso", "/tmp/corp/vw", "/tmp/real/umami", "/tmp/real/linkwarden", "/tmp/real/logto", "/tmp/real/hatchet"];
const seen = new Map();
for (const root of roots) for (const path of execSync(`cd ${root} && git ls-files '*.sql'`, { encoding: "utf8" }).split("\n").filter(Boolean)) {
  const src = readSqlFile({ text: readFileSync(`${root}/${path}`, "utf8"), path });
  if (src.unchecked || src.dialect !== "postgresql") continue;
  for (const s of src.statements) {
    if (s.parseError) continue;
    try { parse(s.text, { dialect: "postgresql" }); } catch (e) {
      const m = e.message.split("\n")[0]; const k = s.kind + " | " + m;
      if (!seen.has(k)) seen.set(k, [0, root.split("/").pop() + "/" + path, s.text.slice(0, 160).replace(/\s+/g, " ")]);
      seen.get(k)[0]++;
    }
  }
}
for (const [k, v] of seen) console.log(v[0], k, "\n    ", v[1], "\n    ", v[2]);
