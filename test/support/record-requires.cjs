// Preloaded with `node --require`: when the process exits, writes every CommonJS module (and native
// addon) its main thread loaded into the file named by DEPLOYLINT_RECORD_REQUIRES. The --import
// hooks of record-imports.mjs do not see require(), which is how the parsers are loaded.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  writeFileSync(process.env.DEPLOYLINT_RECORD_REQUIRES, `${Object.keys(require.cache).join("\n")}\n`);
});
