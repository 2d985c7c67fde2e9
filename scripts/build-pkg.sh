#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm (LTO) → wasm-bindgen (web ESM glue) → wasm-opt
# (npm binaryen) → the hand-written entries of js/ (browser rooftop_pv.js, Node node.mjs, and
# node.cjs = node.mjs bundled as CommonJS by esbuild), one .wasm shared by all of them, the
# hand-written types, README, LICENSE, CHANGELOG and package.json with "exports".
# wasm-opt: -O3 with single-caller inlining limited to functions of ≤ 50 bytes. Plain -Oz inlines every
# single-caller function, so `calculate` became one huge function that V8 compiles lazily on the first
# call. Main-thread instructions of `node` loading the package + calls 1 / 2 / 3 on the Datong EPW
# (valgrind --tool=callgrind --separate-threads=yes, 2026-12-06): -Oz 531M + 293M / 160M / 132M;
# -Oz -ocimfs 200: 522M + 238M / 113M / 74M; -O3 -ocimfs 200: 539M + 203M / 99M / 75M, wasm
# 432.5 KB gzipped against 433.1 KB for -Oz. The limit is now 50 bytes (2026-12-07, issue 10): the
# .wasm 477,768 -> 463,887 B gzipped, Node per call unchanged (best of 5 interleaved rounds, fresh
# Datong EPW 3.58 / 3.45 ms, fullLoadHours 0.135 / 0.135, station 1.19 / 1.12, 25-year TOU money
# 0.70 / 0.68) and the first call too (V8's lazy Liftoff compile of the ~260 KB it runs, not the
# inlining, is what call 1 pays); at 20 bytes 463,265 B but no faster; -Oz -ocimfs 50 462,841 B but
# the hourly money twice as slow (1.38 ms). Re-measured 2026-12-07 (issue 10, main-thread CPU of call 1,
# median of 11 interleaved processes, /tmp-built variants of one cargo build): -O3 with one-caller
# limits 0 / 50 / 200 / 1000 and -fimfs 60, -Os, -O2 all 17.4-18.4 ms; so are #[inline(never)] per-row
# kernels for the EPW row, the sun-path row and the chain's plane-hour (17.3 against 17.2). Call 1 on
# the main thread is V8's lazy Liftoff compile of the ~230 KB of code it runs (~7.6 ms:
# --liftoff-only against --no-wasm-lazy-compilation --liftoff-only), baseline-code running (~5 ms)
# and first-touch work (~4 ms: eager TurboFan call 1 7.0 against call 2 3.0); the rest of its wall
# time on a loaded machine is the background TurboFan compiles of the hot functions (~30 ms of CPU
# on V8's worker threads) sharing the 2 cores with it.
# --converge (repeat -O3 until the module stops shrinking), --strip-producers, --strip-target-features
# (custom sections no engine reads) and --low-memory-unused (2026-12-07, issue 9): .wasm 406,156 ->
# 405,211 B gzipped, Node per call unchanged (best of 5 interleaved rounds, load 3.5: fresh Datong EPW
# 3.37 / 3.37 ms, fullLoadHours 0.668 / 0.663, station 1.10 / 1.12, 25-year TOU money 1.28 / 1.27).
# --low-memory-unused lets wasm-opt fold `load(p + c)` into `load offset=c (p)` when p + c could wrap
# below address 1024 (the module must never touch addresses 0..1023). Safe here: rust-lld lays out
# the stack first, `__stack_pointer` starts at 1 MiB (1,048,576) and grows down towards 0, the data
# segments and the heap lie above 1 MiB, so the low 1 KiB would only be reached by a stack within
# 1 KiB of overflowing its 1 MiB (whose next push already leaves memory); Rust never dereferences
# address 0. (-O2 instead of -O3: 1.4 KB smaller but the 25-year money 55 % slower, fresh EPW 9 %.)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
repository=$(sed -n 's/^repository = "\(.*\)"/\1/p' Cargo.toml | head -1)
# Cargo.toml's `wasm` profile: release at opt-level "s" (its comment has the sizes and speeds).
# Source paths are remapped to short fixed names: panic locations carry the path of every crate's
# file, so without this the .wasm (and its gzipped size, which scripts/test-package.sh limits)
# depends on where CARGO_HOME and the checkout are (a clone under /tmp/bare with CARGO_HOME
# /tmp/bare/cargo measured 57 B more than /work/main with ~/.cargo).
# (`cargo fetch` first: on a bare machine the registry's source folder appears with the download.)
cargo fetch --quiet --target wasm32-unknown-unknown
remap="--remap-path-prefix=$PWD=."
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$registry" ] && remap="$remap --remap-path-prefix=${registry%/}=crates"
done
RUSTFLAGS="${RUSTFLAGS:-} $remap" cargo build --quiet --profile wasm --target wasm32-unknown-unknown --lib
wasm=target/wasm32-unknown-unknown/wasm/rooftop_pv.wasm

rm -rf pkg.tmp && mkdir -p pkg.tmp
wasm-bindgen "$wasm" --target web --out-dir pkg.tmp --out-name rooftop_pv_glue --no-typescript
node_modules/.bin/wasm-opt -O3 --one-caller-inline-max-function-size 50 --converge --low-memory-unused --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg.tmp/rooftop_pv_glue_bg.wasm -o pkg.tmp/rooftop_pv_bg.wasm
rm pkg.tmp/rooftop_pv_glue_bg.wasm
# The glue looks for its .wasm beside itself under the name it was generated with.
sed -i 's/rooftop_pv_glue_bg\.wasm/rooftop_pv_bg.wasm/g' pkg.tmp/rooftop_pv_glue.js
grep -q "new URL('rooftop_pv_bg.wasm', import.meta.url)" pkg.tmp/rooftop_pv_glue.js
cp js/api.js js/portfolio.js js/rooftop_pv.js js/node.mjs js/web.js js/web.d.ts js/README.md LICENSE CHANGELOG.md pkg.tmp/
node_modules/.bin/esbuild pkg.tmp/node.mjs --bundle --platform=node --format=cjs --target=node18 \
  --log-level=warning --log-override:empty-import-meta=silent --outfile=pkg.tmp/node.cjs
# The command line (`npx rooftop-pv portfolio roofs.csv`), with read-excel-file bundled in and the
# licences of what was bundled beside it.
node_modules/.bin/esbuild js/cli.mjs --bundle --platform=node --format=esm --target=node18 --external:./node.mjs \
  --external:./portfolio.js --log-level=warning --metafile=pkg.tmp/cli.meta.json --outfile=pkg.tmp/cli.mjs
chmod +x pkg.tmp/cli.mjs
node -e '
  const fs = require("fs");
  const inputs = Object.keys(JSON.parse(fs.readFileSync("pkg.tmp/cli.meta.json", "utf8")).inputs);
  const names = [...new Set(inputs.map((p) => p.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]).filter(Boolean))].sort();
  const parts = names.map((n) => {
    const pkg = JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8"));
    const file = fs.readdirSync(`node_modules/${n}`).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? fs.readFileSync(`node_modules/${n}/${file}`, "utf8").trim() : `${pkg.license} (no licence file in the package)`;
    return `## ${n} ${pkg.version} (${pkg.license}), bundled in cli.mjs\n\n${text}\n`;
  });
  fs.writeFileSync("pkg.tmp/THIRD_PARTY_LICENSES.md", `# Third-party code in this package\n\n${parts.join("\n")}`);
'
rm pkg.tmp/cli.meta.json
# One hand-written declaration file, as ESM (rooftop_pv.d.ts) and CommonJS (rooftop_pv.d.cts) types.
cp js/rooftop_pv.d.ts pkg.tmp/rooftop_pv.d.ts
cp js/rooftop_pv.d.ts pkg.tmp/rooftop_pv.d.cts
cat > pkg.tmp/package.json <<JSON
{
  "name": "rooftop-pv",
  "version": "$version",
  "description": "Rooftop photovoltaic yield, savings and avoided emissions (coal, CO2, SO2, NOx, dust, water) — Rust compiled to WebAssembly, offline, zh-CN/en",
  "license": "MIT",
  "repository": { "type": "git", "url": "git+$repository.git" },
  "homepage": "$repository#readme",
  "bugs": { "url": "$repository/issues" },
  "keywords": ["photovoltaic", "solar", "pv", "pvwatts", "emissions", "china", "wasm"],
  "type": "module",
  "main": "./node.cjs",
  "bin": { "rooftop-pv": "./cli.mjs" },
  "types": "./rooftop_pv.d.cts",
  "exports": {
    ".": {
      "node": {
        "import": { "types": "./rooftop_pv.d.ts", "default": "./node.mjs" },
        "require": { "types": "./rooftop_pv.d.cts", "default": "./node.cjs" }
      },
      "types": "./rooftop_pv.d.ts",
      "default": "./rooftop_pv.js"
    },
    "./web": { "types": "./rooftop_pv.d.ts", "default": "./rooftop_pv.js" },
    "./rooftop_pv_bg.wasm": "./rooftop_pv_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["api.js", "portfolio.js", "cli.mjs", "THIRD_PARTY_LICENSES.md", "rooftop_pv.js", "rooftop_pv_glue.js", "rooftop_pv_bg.wasm", "node.mjs", "node.cjs",
    "web.js", "web.d.ts", "rooftop_pv.d.ts", "rooftop_pv.d.cts", "README.md", "LICENSE", "CHANGELOG.md"],
  "sideEffects": ["./node.mjs", "./node.cjs"],
  "engines": { "node": ">=18" }
}
JSON
rm -rf pkg && mv pkg.tmp pkg
printf 'pkg/ built: rooftop-pv %s, wasm %s bytes (%s gzipped)\n' "$version" \
  "$(wc -c < pkg/rooftop_pv_bg.wasm)" "$(gzip -9c pkg/rooftop_pv_bg.wasm | wc -c)"
