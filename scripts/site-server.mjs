// Serves a built site (target/site) on a free loopback port with scripts/serve.py, the server of
// `make serve` (gzip-compressed), for the e2e tests and the page benchmarks.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE = join(dirname(fileURLToPath(import.meta.url)), 'serve.py');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200; fails after `ms` milliseconds. */
export async function waitForServer(url, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`server at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts serve.py on `siteDir` and waits for it: `{ server, url }` (stderr piped and drained). */
export async function startSite(siteDir) {
  const url = `http://127.0.0.1:${await freePort()}/`;
  const server = spawn('python3', [SERVE, siteDir, new URL(url).port], { stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr.resume();
  await waitForServer(url);
  return { server, url };
}
