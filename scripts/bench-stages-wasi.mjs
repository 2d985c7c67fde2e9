// The stage table as WebAssembly in Node: runs examples/stages.rs built for wasm32-wasip1
// (`cargo build --release --example stages --target wasm32-wasip1`) under node:wasi, with the
// weather files' folders preopened. Usage: node scripts/bench-stages-wasi.mjs FILE [RUNS] [MORE…]
// (MORE: weather files of any format whose read alone is timed too).
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const [file, runs = '200', ...more] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/bench-stages-wasi.mjs FILE [RUNS] [MORE…]');
// Each file's folder is preopened as /dataK.
const files = [file, ...more];
const wasi = new WASI({
  version: 'preview1',
  args: ['stages', ...files.map((f, k) => `/data${k}/${basename(f)}`)].toSpliced(2, 0, runs),
  preopens: Object.fromEntries(files.map((f, k) => [`/data${k}`, dirname(resolve(f))])),
});
const wasm = readFileSync(join(repo, 'target/wasm32-wasip1/release/examples/stages.wasm'));
const { instance } = await WebAssembly.instantiate(wasm, wasi.getImportObject());
wasi.start(instance);
