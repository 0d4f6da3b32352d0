// Build the CLI into dist-cli/ (not dist/, which the app's build empties), as tools/sim.mjs does when
// the sources changed: main.mjs, the worker thread's worker.mjs, and scenario-load.mjs, the scenario
// validator with zod and mathjs, which the CLI requires only when it reads a scenario file. The presets
// are validated here, at build time, and bundled as plain data (recompiled without mathjs), so
// `--help` and a preset run load neither.
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { loadPreset, PRESET_IDS } from '../src/scenario/presets';
import { toPlainSpec } from '../src/sim/plain';

const root = resolve(import.meta.dirname, '..');
const src = (p: string) => resolve(root, 'src', p);
const PRESETS_ID = '\0cli-presets';

function presetsModule(): string {
  const plain: Record<string, unknown> = {};
  const files: Record<string, unknown> = {};
  for (const id of PRESET_IDS) {
    const r = loadPreset(id);
    if (!r.ok) throw new Error(`preset ${id} is invalid: ${r.errors.join('; ')}`);
    plain[id] = toPlainSpec(r.spec);
    files[id] = r.file;
  }
  return `import { fromPlainSpec } from ${JSON.stringify(src('sim/plain.ts'))};
import { failed } from ${JSON.stringify(src('cli/lazyLoad.ts'))};
const PLAIN = ${JSON.stringify(plain)};
const FILES = ${JSON.stringify(files)};
export const PRESET_IDS = ${JSON.stringify(PRESET_IDS)};
const cache = new Map();
export function loadPreset(id) {
  let r = cache.get(id);
  if (!r) {
    r = PLAIN[id] === undefined
      ? failed([\`unknown scenario "\${id}" (presets: \${PRESET_IDS.join(', ')})\`])
      : { ok: true, spec: fromPlainSpec(PLAIN[id]), file: FILES[id] };
    cache.set(id, r);
  }
  return r;
}
`;
}

/** Swap presets.ts for the precompiled presets, and load.ts (but for its own entry) for the lazy facade. */
function lazyScenarios(): Plugin {
  return {
    name: 'cli-lazy-scenarios',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer) return null;
      const r = await this.resolve(source, importer, { skipSelf: true });
      if (!r) return null;
      if (r.id === src('scenario/presets.ts')) return PRESETS_ID;
      if (r.id === src('scenario/load.ts')) return src('cli/lazyLoad.ts');
      return null;
    },
    load(id) {
      return id === PRESETS_ID ? presetsModule() : null;
    },
    transform(code, id) {
      // cli.ts finds a preset's file from its own place (src/cli); the bundle sits one folder higher.
      if (id !== src('cli/cli.ts')) return null;
      if (!code.includes('../../scenarios/'))
        throw new Error('cli.ts no longer names ../../scenarios/: update build-cli');
      return code.replaceAll('../../scenarios/', '../scenarios/');
    },
  };
}

export async function buildCli(outDir = resolve(root, 'dist-cli')): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: [lazyScenarios()],
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: {
          main: src('cli/main.ts'),
          worker: src('sim/nodeWorker.ts'),
          'scenario-load': src('scenario/load.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildCli(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
