// Serves the esbuild browser bundle (argv[2]) on a loopback port and opens it in headless Chromium
// (playwright-core of the repository, argv[3]); prints what the module Worker posted back.
import { createServer } from 'node:http';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const [dir, playwright] = process.argv.slice(2);
const { chromium } = await import(playwright);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  try {
    const file = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const profile = mkdtempSync(join(tmpdir(), 'rooftop-pv-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.title !== 'pending', null, { timeout: 60000 });
  console.log(await page.title());
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
