#!/usr/bin/env -S node --
// Checked-in launcher so npm can link the bin before the build has run. It starts the bundled CLI
// (fast start-up) when the build made a current one, else the plain output of `tsc -b`.
// CommonJS (bin/package.json), as the bundle is: a run then loads no ES module at all, and Node
// never sets up its ES module loader (tools/build/bundle.mjs says what that costs).
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");
const { freshBundle } = require("./fresh-bundle.js");

const bundle = freshBundle();
if (bundle) require(bundle);
else import(pathToFileURL(join(__dirname, "..", "dist", "bin.js")).href);
