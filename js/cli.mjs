#!/usr/bin/env node
// The package's command line: `npx rooftop-pv portfolio roofs.csv -o results.csv` calculates every
// roof of a table (CSV or .xlsx, see roofTableTemplate) in worker threads, one per core, with a
// progress bar on stderr, and writes the results and the totals as CSV. The same file is the worker.
// .xlsx is read by read-excel-file 9.3.17 (MIT; with fflate, MIT), bundled into this file at build
// time so that the package keeps no runtime dependencies (their licences: THIRD_PARTY_LICENSES.md).
// Chosen over exceljs (nine dependencies incl. archiver, jszip, tmp: a writer we do not need) and
// SheetJS `xlsx` (the npm registry's copy stopped at 0.18.5, newer ones come from the vendor's CDN):
// a reader only, 64 KB minified (18 KB gzipped), released 2026-11.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { readSheet } from 'read-excel-file/universal';
import {
  calculatePortfolio, mergePortfolios, portfolioCsv, readRoofTable, roofTableTemplate, sliceRoofTable, version,
} from './node.mjs';
import { MAX_TABLE_BYTES } from './portfolio.js';

const USAGE = `rooftop-pv ${version()}
usage: rooftop-pv portfolio <roofs.csv|roofs.xlsx> [-o results.csv] [--totals totals.csv]
                  [--group-by COLUMN] [--workers N] [--lang zh|en] [--max-mb N]
       rooftop-pv template [--lang zh|en] [-o template.csv]
The results (one row a roof, rows in error last) go to -o (default: <roofs>.results.csv), the totals
(overall and by group, default the township column) to --totals (default: <roofs>.totals.csv).`;

/** Rows per task sent to a worker: small enough for an even spread and a live progress bar. */
const CHUNK_ROWS = 250;

if (!isMainThread) {
  parentPort.on('message', ({ table, groupBy }) => {
    try {
      const part = calculatePortfolio(table, {
        groupBy,
        progressEvery: 25,
        onProgress: (done) => parentPort.postMessage({ type: 'progress', done }),
      });
      parentPort.postMessage({ type: 'done', part });
    } catch (e) {
      parentPort.postMessage({ type: 'failed', error: { message: e.message, messageZh: e.messageZh, code: e.code } });
    }
  });
} else {
  process.exitCode = await main(process.argv.slice(2));
}

function fail(message) {
  process.stderr.write(`rooftop-pv: ${message}\n`);
  return 2;
}

function parseArgs(args) {
  const out = { positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new Error(`${a} needs a value`);
      return args[++i];
    };
    if (a === '-o' || a === '--output') out.output = value();
    else if (a === '--totals') out.totals = value();
    else if (a === '--group-by') out.groupBy = value();
    else if (a === '--workers') out.workers = Number(value());
    else if (a === '--lang') out.lang = value();
    else if (a === '--max-mb') out.maxMb = Number(value());
    else if (a === '-h' || a === '--help') out.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else out.positional.push(a);
  }
  return out;
}

async function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    return fail(`${e.message}\n${USAGE}`);
  }
  const [command, file] = o.positional;
  if (o.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return o.help ? 0 : 2;
  }
  const lang = o.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return fail(`--lang must be zh or en, got ${lang}`);
  if (command === 'template') {
    const text = roofTableTemplate(lang);
    if (o.output) writeFileSync(o.output, text);
    else process.stdout.write(text);
    return 0;
  }
  if (command !== 'portfolio' || !file) return fail(USAGE);
  const workers = o.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) return fail(`--workers must be an integer 1–256, got ${o.workers}`);
  const maxBytes = o.maxMb === undefined ? MAX_TABLE_BYTES : o.maxMb * 1024 * 1024;
  if (!(maxBytes > 0)) return fail(`--max-mb must be a positive number, got ${o.maxMb}`);
  let table;
  try {
    // Refused before reading: the limit is checked on the file's size.
    const bytes = statSync(file).size;
    if (bytes > maxBytes) {
      const mb = (n) => (n / 1024 / 1024).toFixed(1);
      return fail(`${file} is ${mb(bytes)} MB, above the limit of ${mb(maxBytes)} MB (--max-mb): split it into several files`);
    }
    const data = readFileSync(file);
    if (/\.xlsx$/i.test(file) || (data[0] === 0x50 && data[1] === 0x4b)) {
      const cells = await readSheet(new Blob([data]));
      table = readRoofTable(cells);
    } else {
      table = readRoofTable(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { maxBytes });
    }
  } catch (e) {
    return fail(`${file}: ${e.message}${e.code ? ` [${e.code}]` : ''}`);
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const total = table.rows.length;
  const progress = progressBar(total);
  let portfolio;
  try {
    portfolio = await runPool(table, Math.min(workers, Math.max(1, Math.ceil(total / CHUNK_ROWS))), o.groupBy, progress.update);
  } catch (e) {
    progress.end();
    return fail(e.message);
  }
  progress.end();
  const seconds = (performance.now() - started) / 1000;
  // The process's CPU time, worker threads included: a figure that a busy machine does not distort.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const csv = portfolioCsv(portfolio, lang);
  const base = file.replace(/\.(csv|xlsx|txt)$/i, '');
  const output = o.output ?? `${base}.results.csv`;
  const totalsFile = o.totals ?? output.replace(/(\.results)?\.csv$/i, '') + '.totals.csv';
  writeFileSync(output, csv.results);
  writeFileSync(totalsFile, csv.totals);
  const t = portfolio.totals;
  const f = (v, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  process.stderr.write(
    `${f(total)} roofs in ${seconds.toFixed(2)} s (${f(total / seconds)} roofs/s, ${workers} workers; ` +
      `CPU ${cpuSeconds.toFixed(2)} s, ${f(total / cpuSeconds)} roofs per CPU-second): ` +
      `${f(t.roofs)} computed, ${f(portfolio.errors.length)} with errors\n` +
      `total ${f(t.capacityKwp, 1)} kWp, ${f(t.annualKwh)} kWh/yr, investment ${f(t.investmentYuan)} yuan, ` +
      `savings ${f(t.firstYearSavingsYuan)} yuan/yr, coal ${f(t.coalT, 1)} t/yr, CO2 ${f(t.co2T, 1)} t/yr\n` +
      `results: ${output}\ntotals:  ${totalsFile}\n`,
  );
  for (const e of portfolio.errors.slice(0, 10)) {
    process.stderr.write(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${lang === 'en' ? e.message : e.messageZh} [${e.code}]\n`);
  }
  if (portfolio.errors.length > 10) process.stderr.write(`  … ${portfolio.errors.length - 10} more in ${output}\n`);
  return 0;
}

/** Computes the table's rows in `n` worker threads, CHUNK_ROWS at a time, and merges the parts. */
function runPool(table, n, groupBy, onProgress) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) chunks.push(sliceRoofTable(table, i, i + CHUNK_ROWS));
    if (chunks.length === 0) chunks.push(sliceRoofTable(table, 0, 0));
    const parts = [];
    const doneBefore = []; // rows finished per worker in earlier chunks
    let next = 0;
    let finished = 0;
    const live = new Array(n).fill(0);
    const pool = [];
    const report = () => onProgress(doneBefore.reduce((a, b) => a + b, 0) + live.reduce((a, b) => a + b, 0));
    const give = (w, k) => {
      if (next >= chunks.length) {
        w.terminate();
        return;
      }
      const chunk = chunks[next++];
      w.postMessage({ table: chunk, groupBy });
      live[k] = 0;
      w.rows = chunk.rows.length;
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL(import.meta.url));
      pool.push(w);
      doneBefore[k] = 0;
      w.on('message', (m) => {
        if (m.type === 'progress') {
          live[k] = m.done;
          report();
        } else if (m.type === 'done') {
          parts.push(m.part);
          doneBefore[k] += w.rows;
          live[k] = 0;
          report();
          finished++;
          if (finished === chunks.length) {
            for (const p of pool) p.terminate();
            try {
              resolve(mergePortfolios(parts));
            } catch (e) {
              reject(e);
            }
          } else give(w, k);
        } else if (m.type === 'failed') {
          for (const p of pool) p.terminate();
          reject(new Error(`${m.error.message}${m.error.code ? ` [${m.error.code}]` : ''}`));
        }
      });
      w.on('error', (e) => {
        for (const p of pool) p.terminate();
        reject(e);
      });
      give(w, k);
    }
  });
}

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
function progressBar(total) {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let lastTenth = -1;
  let lastDraw = 0;
  const line = (done) => {
    const share = total ? done / total : 1;
    const width = 30;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const rate = done / Math.max(1e-3, (performance.now() - started) / 1000);
    return `[${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} roofs, ${rate.toFixed(0)} roofs/s`;
  };
  return {
    update(done) {
      if (tty) {
        const now = performance.now();
        if (now - lastDraw > 100 || done === total) {
          process.stderr.write(`\r${line(done)}`);
          lastDraw = now;
        }
      } else {
        const tenth = Math.floor((done / Math.max(1, total)) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${line(done)}\n`);
        }
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
