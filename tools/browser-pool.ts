// Build the web pool's check page (tests/fixtures/webpool) with vite, serve it and open it in Debian's
// Chromium through playwright-core, for the browser pool's test and the bench.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' };

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0])));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
    });
  });
}

/** Run `fn` on the check page, its `window.poolCheck` ready; everything is torn down afterwards. */
export async function withPoolPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'webpool-'));
  let server: Server | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    await build({
      configFile: false,
      root: join(root, 'tests', 'fixtures', 'webpool'),
      base: './',
      logLevel: 'warn',
      publicDir: false,
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
    });
    const s = await serve(outDir);
    server = s.server;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(s.url);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });
    const out = await fn(page);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await browser.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
