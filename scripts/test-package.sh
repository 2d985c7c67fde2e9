#!/usr/bin/env bash
# Packs pkg/ (npm pack), installs the tarball into an empty project, and tests it from there — the way
# a user of the package gets it: the JS tests, TypeScript (node10, node16, bundler resolution),
# publint and attw, esbuild bundles for Node (ESM and CommonJS, run from another folder) and for the
# browser (a module Worker in headless Chromium), the README's Node examples, and the .wasm size budget.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$repo/node_modules/.bin"
consumer="$repo/target/npm-consumer"
rm -rf "$consumer" && mkdir -p "$consumer/test"
tarball=$(cd "$consumer" && npm pack --silent "$repo/pkg")
cd "$consumer"
echo '{ "name": "consumer", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund "./$tarball"
installed="$consumer/node_modules/rooftop-pv"

echo "== size: the shipped .wasm, gzipped, against the budget"
# Budget: 400 kB (400,000 bytes) gzipped is the issue-9 target, not yet met; the limit below is what the code
# reaches today (see CHANGELOG), so that any growth fails: 430 kB before the 2025 rules (issue 12), 468,355 bytes
# with them and with issue 15's plausibility checks and issue 10's lean readers, 480,619 with issue 8's layout,
# 461,639 without serde_path_to_error, serde-wasm-bindgen and the Unicode case tables
# (measured 2026-12-06: `make pkg && gzip -9c pkg/rooftop_pv_bg.wasm | wc -c`), 463,667 with the Hebei and
# Henan time-of-use presets and the cited addresses of every preset (their bilingual notes are data), 467,158
# with the Green Button load-export reader (src/load/exports.rs), 480,227 with issue 16's caps, readable
# bilingual reader errors, load column by meaning and strict weather fields; with issue 9's cuts
# (2026-12-07: opt-level "s", climate blob version 2, message numbers from src/decimal.rs, PVGIS JSON through
# the strict reader) 451,658; 503,073 with issue 13's battery before those cuts (dispatch, daily optimum,
# storage report, sweepStorage); 477,700 with both and issue 10's lean TMY3 and SAM CSV readers;
# 487,984 with issue 14's roof sizing (`system.roof`, `report.sizing`, `sizeRoof`); 458,175 with climate blob
# version 3 (predictors, irradiance step QS 12, wind 0.3 m/s; the blob's gzip 125,670 -> 94,764 bytes);
# 476,006 on its own branch with wasm-opt's single-caller inlining limited to 50 bytes (scripts/build-pkg.sh)
# and issue 10's lean TMY2 and PVGIS CSV readers.
# 487,984 with issue 14's roof sizing (`system.roof`, `report.sizing`, `sizeRoof`). Issue 9's code cuts
# (measured before the merge of issue 14, from 477,768): 466,122 with the strict reader's struct visits
# back on visit_map only (no derived visit_seq); 454,953 with the scenario read by src/json.rs's FromJson
# walker instead of serde's derived deserializers, 447,523 with its fields read by one function per field
# type (no per-field inlining, no drop glue per early return), 437,781 without core's float printer (the
# last f64 `{}`/`{:.N}` of messages through src/decimal.rs, no f64::clamp with run-time bounds: its panic
# message prints them); 446,160 with issue 14's roof sizing merged (its f64 messages through
# src/decimal.rs too), 443,784 with the field readers' generic part cut to the call of the type's reader.
# All of them together with issue 13's monthly optimum and capacity charge (main, 2026-12-07 10:35, make pkg &&
# gzip -9c pkg/rooftop_pv_bg.wasm | wc -c): 405,443; 406,156 with issue 13's chosen day (storage.dayOfYear);
# 406,619 with storage/optimal reusing the evening hours a day shares with the day before (issue 13's speed).
# Issue 9's last cuts (2026-12-07, measured before that merge): 405,211 with wasm-opt --converge,
# --low-memory-unused and the custom sections stripped; 402,958 with the results' JSON text written by
# src/json_text.rs (no serde_json error paths); 400,483 with the climate's typical-day temperature at 1 °C;
# 400,050 with the panic hook written out (no console_error_panic_hook); 397,963 with the wind at 0.4 m/s;
# 397,517 without a Debug-printed array in a message; 397,971 with issue 13's speed work merged.
# The limit is the issue's budget.
limit=400000
wasm_bytes=$(wc -c < "$installed/rooftop_pv_bg.wasm")
wasm_gzip=$(gzip -9c "$installed/rooftop_pv_bg.wasm" | wc -c)
echo "rooftop_pv_bg.wasm: $wasm_bytes bytes, $wasm_gzip gzipped (limit $limit); tarball $(wc -c < "$tarball") bytes"
[ "$wasm_gzip" -le "$limit" ] || {
  echo "the .wasm is $wasm_gzip bytes gzipped: the shipped .wasm must stay ≤ 400,000 B gzipped (issue 9)"; exit 1
}
[ "$(find "$installed" -name '*.wasm' | wc -l)" = 1 ] || { echo "more than one .wasm in the package"; exit 1; }
# Core's float printer (flt2dec: Grisu, Dragon4, their tables; ≈ 10 kB gzipped) stays out of the .wasm: an
# f64 printed with `{}`, `{:.N}` or `{:?}`, or f64::clamp with bounds known only at run time (its check
# prints them), brings it back. Print with src/decimal.rs (dec, fixed), clamp with crate::minmax::MinMax.
# Read in cargo's output, which still has the function names (make pkg builds it with pkg/).
if grep -qa 'flt2dec' "$repo/target/wasm32-unknown-unknown/wasm/rooftop_pv.wasm"; then
  echo "core's float formatting (flt2dec) is linked into the .wasm: see the comment above this check"; exit 1
fi

echo "== node --test on the installed package ($tarball)"
cp "$repo"/tests/js/*.test.* "$repo/tests/js/example.ts" "$repo/tests/js/tsconfig.json" test/
cp "$repo/tests/fixtures.mjs" .
ROOFTOP_PV_REPO="$repo" node --test test/

echo "== publint and attw (fail on any error)"
"$bin/publint" --strict "$installed"
# Ignored: cjs-resolves-to-esm for "rooftop-pv/web", which is the browser build (ESM only, on purpose);
# the .wasm subpath is an asset, not a module with types.
"$bin/attw" --pack "$repo/pkg" --format table-flipped --exclude-entrypoints ./rooftop_pv_bg.wasm \
  --ignore-rules cjs-resolves-to-esm

echo "== tsc against the package's types: nodenext (test/example.ts), node10, node16 (CJS and ESM), bundler"
"$bin/tsc" -p test/tsconfig.json
mkdir -p types && cp "$repo/tests/js/types/consumer.ts" types/consumer.ts
# CommonJS cannot import the ESM-only browser build: the .cts copy leaves out its lines.
grep -v -e "rooftop-pv/web" -e "web.default" -e "void viaWeb" types/consumer.ts > types/consumer.cts
tsc_with() { # module, moduleResolution, file in types/
  printf '{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "lib": ["es2022", "dom"],
    "types": [], "module": "%s", "moduleResolution": "%s" }, "files": ["%s"] }' "$1" "$2" "$3" > types/tsconfig.json
  "$bin/tsc" -p types/tsconfig.json
  echo "tsc: $3 compiles with module $1, moduleResolution $2"
}
tsc_with commonjs node10 consumer.ts
tsc_with node16 node16 consumer.cts
tsc_with node16 node16 consumer.ts
tsc_with esnext bundler consumer.ts

echo "== esbuild: Node bundles (ESM, CommonJS) run from another folder with the .wasm beside them"
cp "$repo/tests/js/bundle/"* .
for format in esm cjs; do
  out="$consumer/elsewhere-$format"
  rm -rf "$out" && mkdir -p "$out"
  ext=$([ "$format" = esm ] && echo mjs || echo cjs)
  # CommonJS output has no top-level await: wrap the app in an async function.
  if [ "$format" = cjs ]; then sed 's/^await init();/(async () => { await init();/; $ s/$/\n})();/' app.mjs > app-cjs.mjs; src=app-cjs.mjs; else src=app.mjs; fi
  "$bin/esbuild" "$src" --bundle --platform=node --format=$format --log-level=warning \
    --log-override:empty-import-meta=silent --outfile="bundle-$format/app.$ext"
  cp "bundle-$format/app.$ext" "$installed/rooftop_pv_bg.wasm" "$out/"
  result=$(cd / && node "$out/app.$ext")
  echo "esbuild --platform=node --format=$format: $result"
  [ "$result" = '{"coalT":"2291.50","refused":true}' ]
done

echo "== esbuild: browser bundle, a module Worker calling calculate in headless Chromium"
rm -rf web-bundle && mkdir web-bundle
"$bin/esbuild" worker.mjs --bundle --format=esm --platform=browser --loader:.wasm=file --log-level=warning \
  --outfile=web-bundle/worker.js
cp index.html web-bundle/
ls web-bundle
result=$(node browser.mjs "$consumer/web-bundle" "$repo/node_modules/playwright-core/index.mjs")
echo "Chromium worker: $result"
[ "$result" = '{"coalT":"2291.50","early":"not_initialized","refused":"missing_field"}' ]

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
