// The `deploylint` executable of the plain tsc output (dist/); the bundle starts the same launch()
// from bin.cjs (tools/build/bundle.mjs).
import { launch } from "./launch.js";

await launch(process.argv.slice(2), () => import("./cli.js"));
