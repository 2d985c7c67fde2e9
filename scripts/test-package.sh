#!/usr/bin/env bash
# Packs pkg/ (npm pack), installs the tarball into an empty project, and runs the JS tests and a
# TypeScript compile against it from there — the way a user of the package gets it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
consumer="$repo/target/npm-consumer"
rm -rf "$consumer" && mkdir -p "$consumer/test"
tarball=$(cd "$consumer" && npm pack --silent "$repo/pkg")
cd "$consumer"
echo '{ "name": "consumer", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund "./$tarball"
cp "$repo"/tests/js/*.test.* "$repo/tests/js/example.ts" "$repo/tests/js/tsconfig.json" test/
cp "$repo/tests/fixtures.mjs" .  # the tests import ../fixtures.mjs
echo "== node --test on the installed package ($tarball)"
ROOFTOP_PV_REPO="$repo" node --test test/
echo "== tsc --noEmit on test/example.ts against the package's types"
"$repo/node_modules/.bin/tsc" -p test/tsconfig.json
echo "tsc: the example compiles against the package types"
echo "== the README's Node examples, run against the installed package"
node -e '
  const fs = require("fs");
  const blocks = [...fs.readFileSync(process.argv[1], "utf8").matchAll(/```js\n(.*?)```/gs)].map((m) => m[1]);
  const esm = blocks.find((b) => b.startsWith("// Node, ES module"));
  const cjs = blocks.find((b) => b.startsWith("// Node, CommonJS"));
  if (!esm || !cjs) { console.error("README lacks its Node examples"); process.exit(1); }
  fs.writeFileSync("readme-esm.mjs", esm);
  fs.writeFileSync("readme-cjs.cjs", cjs);
' "$repo/README.md"
node readme-esm.mjs
node readme-cjs.cjs
