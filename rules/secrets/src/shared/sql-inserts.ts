// Password columns of SQL INSERTs (`INSERT INTO users (email, password) VALUES ('…', '$2y$10$…')`):
// a dump or seed file with users' password hashes is a credential store.

import { splitList } from "./arguments.js";
import type { Assignment } from "./assignments.js";
import { isPasswordName } from "./secret-names.js";

const INSERT = /\bINSERT[ \t\r\n]{1,20}INTO[ \t\r\n]{1,20}[\w."`[\]]{1,200}[ \t\r\n]{0,20}\(/gi;
const VALUES = /^[ \t\r\n]{0,20}VALUES[ \t\r\n]{0,20}\(/i;
const NEXT_ROW = /^[ \t\r\n]{0,20},[ \t\r\n]{0,20}\(/;
const MAX_ROWS = 1000;

/**
 * Migrations seed bootstrap accounts whose password is documented (umami's admin/umami): such a
 * hash is a default to change, not a leaked credential. Dumps and seed files are where users' are.
 */
const MIGRATIONS = /(?:^|\/)(?:migrations?|migrate|changelogs?)\//i;

export function sqlPasswordValues(path: string, text: string): Assignment[] {
  if (MIGRATIONS.test(path) || !/passw|pwd/i.test(text)) return [];
  const found: Assignment[] = [];
  INSERT.lastIndex = 0;
  for (let m = INSERT.exec(text); m !== null; m = INSERT.exec(text)) {
    const columns = splitList(text, m.index + m[0].length - 1);
    if (!columns) continue;
    const names = columns.items.map((c) => c.raw.replace(/^["`[]|["`\]]$/g, ""));
    const wanted = names.flatMap((name, index) => (isPasswordName(name) ? [index] : []));
    if (wanted.length === 0) continue;
    let after = columns.close + 1;
    let opener = VALUES.exec(text.slice(after, after + 64));
    for (let row = 0; opener && row < MAX_ROWS; row++) {
      const tuple = splitList(text, after + opener[0].length - 1);
      if (!tuple) break;
      for (const index of wanted) {
        const value = tuple.items[index];
        if (value?.string) {
          found.push({ name: names[index] ?? "password", value: value.string, start: value.start, end: value.end });
        }
      }
      after = tuple.close + 1;
      opener = NEXT_ROW.exec(text.slice(after, after + 64));
    }
  }
  return found;
}
