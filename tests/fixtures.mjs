// Where the Node tests, the page tests and the benchmarks find the repository's fixtures: the weather
// files of tests/data/weather (gzip, decompressed in memory; README there for sources) and the CSWD
// tables of data/. Run from the repository or from the npm consumer folder of
// scripts/test-package.sh (which sets ROOFTOP_PV_REPO).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The repository root. */
export const REPO = process.env.ROOFTOP_PV_REPO ?? fileURLToPath(new URL('..', import.meta.url));

/** A weather file of tests/data/weather (`NAME` without `.gz`) as bytes. */
export function weatherBytes(name) {
  return gunzipSync(readFileSync(`${REPO}/tests/data/weather/${name}.gz`));
}

/** A weather file of tests/data/weather as text the way the page reads it (Latin-1: CSWD files are
 * GBK/Latin-1 bytes, not UTF-8). */
export function weatherText(name) {
  return weatherBytes(name).toString('latin1');
}

/** The path of pvlib's bundled data folder in the project venv (scripts/setup-venv.sh). */
export function pvlibDataDir() {
  const lib = `${REPO}/.venv/lib`;
  let python;
  try {
    python = readdirSync(lib).find((d) => d.startsWith('python'));
  } catch {
    python = undefined;
  }
  if (!python) throw new Error(`pvlib's data files are missing under ${lib}: run scripts/setup-venv.sh`);
  return `${lib}/${python}/site-packages/pvlib/data`;
}
