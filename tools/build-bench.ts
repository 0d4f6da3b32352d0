// Build the bench into dist-bench/ before it runs: the model is measured as it ships (one bundle, as
// the CLI, its worker threads and the browser run it), not through tsx, whose CommonJS interop turns
// every call into another module into a getter call: a 10-actor step measured 44% slower that way.
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: resolve(root, 'bench/bench.ts'),
    outDir: resolve(root, 'dist-bench'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bench.mjs' } },
  },
});
