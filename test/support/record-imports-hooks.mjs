// Module hooks for record-imports.mjs: append each loaded URL to the log file, synchronously,
// so nothing is lost when the process exits.
import { appendFileSync } from "node:fs";

let log;

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
