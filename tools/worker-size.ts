// Build the browser pool's worker alone, as vite builds a module worker (ES module, minified), and
// measure it: the bench prints its gzipped size and a test keeps zod and mathjs out of it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

export interface WorkerBundle {
  bytes: number;
  gzipBytes: number;
  text: string;
}

export async function workerBundle(): Promise<WorkerBundle> {
  const outDir = mkdtempSync(join(tmpdir(), 'worker-size-'));
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: resolve(root, 'src/sim/webWorker.ts'), formats: ['es'], fileName: 'worker' },
      },
    });
    const files = readdirSync(outDir).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    const text = files.map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n');
    return { bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).length, text };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// Run as a script (not when bundled into the bench, where import.meta.filename is the bench's).
const self = import.meta.filename;
if (self.endsWith('worker-size.ts') && process.argv[1] && resolve(process.argv[1]) === resolve(self)) {
  const b = await workerBundle();
  console.log(`worker: ${b.bytes} B, ${b.gzipBytes} B gzipped`);
}
