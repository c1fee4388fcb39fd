// Preloaded with `node --import`: records every module URL the process loads into the file
// named by DEPLOYLINT_RECORD_IMPORTS, so a test can assert what a command did not load.
import { register } from "node:module";

register("./record-imports-hooks.mjs", import.meta.url, { data: { log: process.env.DEPLOYLINT_RECORD_IMPORTS } });
