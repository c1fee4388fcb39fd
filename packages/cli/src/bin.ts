// The `deploylint` executable. `--version` answers from package.json before anything else is
// imported, so it stays fast and loads no parser.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import("./cli.js");
  process.exitCode = await main(args);
}
