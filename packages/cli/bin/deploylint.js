#!/usr/bin/env node
// Checked-in launcher so npm can link the bin before the TypeScript build has run.
import "../dist/bin.js";
