#!/usr/bin/env -S node --
// Checked-in launcher so npm can link the bin before the build has run. It starts the bundled CLI
// (fast start-up) when the build made a current one, else the plain output of `tsc -b`.
import { freshBundle } from "./fresh-bundle.js";

await import((freshBundle() ?? new URL("../dist/bin.js", import.meta.url)).href);
