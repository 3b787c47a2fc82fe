#!/usr/bin/env node
/* global require, process */
// pbr-toolkit: runs src/cli/main.ts through tsx (no build step), so `npx pbr-toolkit` works in the
// project folder after `npm ci`. Any failure inside is printed by main.ts as one line.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
