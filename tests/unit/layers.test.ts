// Data flows one way: model <- scenario <- sim <- app <- view/ui, and sim <- cli. This test reads every
// import in src/ and fails on one that goes against the flow, or that brings a package into a layer
// it does not belong in (pixi.js in the model, node: in the app, ...). It first proves, on in-memory
// files, that it does catch such imports. A second part proves that the core's tsconfig has no DOM.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = join(ROOT, 'src');

type Layer = 'model' | 'data' | 'scenario' | 'sim' | 'sim-node' | 'sim-web' | 'app' | 'view' | 'ui' | 'cli' | 'main';

/**
 * The worker pool's platform adapters live in sim/ but are not the core: each is checked with its
 * platform (tsconfig.json, tsconfig.web.json) and may use it, and only that platform's layers use it.
 */
const PLATFORM_FILES: Readonly<Record<string, Layer>> = {
  'sim/nodePool.ts': 'sim-node',
  'sim/nodeWorker.ts': 'sim-node',
  'sim/webPool.ts': 'sim-web',
  'sim/webWorker.ts': 'sim-web',
};

/** What each layer may import of ours. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  model: [],
  data: ['model'],
  scenario: ['model'],
  sim: ['model', 'scenario'],
  'sim-node': ['model', 'scenario', 'sim'],
  'sim-web': ['model', 'scenario', 'sim'],
  app: ['model', 'data', 'scenario', 'sim'],
  view: ['model', 'data', 'scenario', 'sim', 'app'],
  ui: ['model', 'data', 'scenario', 'sim', 'sim-web', 'app'],
  cli: ['model', 'data', 'scenario', 'sim', 'sim-node'],
  main: ['model', 'data', 'scenario', 'sim', 'sim-web', 'app', 'view', 'ui'],
};

/** Packages, and the only layers that may import them (anything not listed may be imported anywhere). */
const PACKAGES: readonly { test: RegExp; layers: readonly Layer[]; why: string }[] = [
  { test: /^pixi\.js(\/|$)/, layers: ['view'], why: "pixi.js is the scene's (and `import 'pixi.js'` throws in Node)" },
  { test: /^uplot(\/|$)/, layers: ['view'], why: 'uPlot draws the charts' },
  { test: /^lil-gui(\/|$)/, layers: ['ui'], why: 'lil-gui is the control panel' },
  {
    test: /^node:/,
    layers: ['cli', 'sim-node'],
    why: "Node modules belong to the command line and the pool's Node adapter",
  },
  { test: /^zod(\/|$)/, layers: ['scenario'], why: 'zod validates scenario files' },
  { test: /^mathjs(\/|$)/, layers: ['scenario'], why: 'mathjs parses the expression language' },
  { test: /^seedrandom(\/|$)/, layers: ['model'], why: 'the model owns its generator' },
];

interface SourceFile {
  /** Path relative to src/, with forward slashes. */
  path: string;
  text: string;
}

function layerOf(path: string): Layer | null {
  if (path === 'main.ts') return 'main';
  const platform = PLATFORM_FILES[path.endsWith('.ts') ? path : `${path}.ts`];
  if (platform) return platform;
  const top = path.split('/')[0];
  return top in MAY_IMPORT ? (top as Layer) : null;
}

/** Every module specifier a file names: static and dynamic imports, re-exports, worker URLs. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const res = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const re of res) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The imports that go against the flow, in words; [] when the files keep to it. */
function violations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const from = layerOf(f.path);
    if (!from) {
      out.push(`src/${f.path} is in no layer (add its folder to MAY_IMPORT in tests/unit/layers.test.ts)`);
      continue;
    }
    for (const spec of specifiers(f.text)) {
      if (spec.startsWith('.')) {
        const target = join(dirname(f.path), spec).replace(/\\/g, '/');
        if (target.startsWith('..')) {
          if (/^(\.\.\/)+scenarios\//.test(target) && (from === 'scenario' || from === 'cli')) continue;
          out.push(`src/${f.path} imports "${spec}", outside src/`);
          continue;
        }
        const to = layerOf(target === 'main' ? 'main.ts' : target);
        if (to === null || to === from) continue;
        if (!MAY_IMPORT[from].includes(to))
          out.push(
            `src/${f.path} (${from}) imports "${spec}" (${to}): ${from} may import ${MAY_IMPORT[from].join(', ') || 'nothing of ours'}`,
          );
      } else {
        for (const p of PACKAGES)
          if (p.test.test(spec) && !p.layers.includes(from))
            out.push(`src/${f.path} (${from}) imports "${spec}": only ${p.layers.join(', ')} may (${p.why})`);
      }
    }
  }
  return out;
}

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts'))
      out.push({ path: relative(SRC, p).replace(/\\/g, '/'), text: readFileSync(p, 'utf8') });
  }
  return out;
}

describe('imports go one way', () => {
  it('catches an import against the flow, a misplaced package and a file in no layer (in-memory files)', () => {
    const bad: SourceFile[] = [
      { path: 'model/step.ts', text: "import { Run } from '../sim/run';" },
      { path: 'sim/run.ts', text: "import type { Store } from '../app/store';\nimport { x } from './replay';" },
      { path: 'app/store.ts', text: "export { Charts } from '../view/charts';" },
      { path: 'view/scene.ts', text: "const m = await import('../ui/panel');" },
      { path: 'ui/panel.ts', text: "import 'pixi.js';\nimport { readFileSync } from 'node:fs';" },
      { path: 'cli/main.ts', text: "import { reduce } from '../app/reducer';" },
      { path: 'sim/ensemble.ts', text: "import { nodePool } from './nodePool';" },
      { path: 'stray/thing.ts', text: '' },
    ];
    const v = violations(bad);
    expect(v).toHaveLength(9);
    expect(v[0]).toMatch(/src\/model\/step\.ts \(model\) imports "\.\.\/sim\/run" \(sim\)/);
    expect(v.some((x) => x.includes('sim/run.ts (sim) imports "../app/store"'))).toBe(true);
    expect(v.some((x) => x.includes('app/store.ts (app) imports "../view/charts"'))).toBe(true);
    expect(v.some((x) => x.includes('view/scene.ts (view) imports "../ui/panel"'))).toBe(true);
    expect(v.some((x) => x.includes('"pixi.js": only view may'))).toBe(true);
    expect(v.some((x) => x.includes('"node:fs": only cli, sim-node may'))).toBe(true);
    expect(v.some((x) => x.includes('cli/main.ts (cli) imports "../app/reducer"'))).toBe(true);
    expect(v.some((x) => x.includes('src/stray/thing.ts is in no layer'))).toBe(true);
    // The core of sim may not lean on its Node adapter (that would bring node: into the browser's bundle).
    expect(v.some((x) => x.includes('sim/ensemble.ts (sim) imports "./nodePool" (sim-node)'))).toBe(true);
  });

  it('accepts imports that go with the flow (in-memory files)', () => {
    const good: SourceFile[] = [
      {
        path: 'sim/run.ts',
        text: "import { step } from '../model/step';\nimport type { LoadResult } from '../scenario/load';",
      },
      { path: 'ui/panel.ts', text: "import GUI from 'lil-gui';\nimport type { Store } from '../app/store';" },
      {
        path: 'main.ts',
        text: "import { Stage } from './view/stage';\nnew Worker(new URL('./sim/webWorker.ts', import.meta.url));",
      },
    ];
    expect(violations(good)).toEqual([]);
  });

  it('every import in src/ keeps to it', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(40);
    expect(violations(files)).toEqual([]);
  });
});

describe('the core has no DOM and no Node', () => {
  it('tsconfig.core.json rejects document, window, localStorage and process in a core file', () => {
    const cfgPath = join(ROOT, 'tsconfig.core.json');
    const raw = ts.readConfigFile(cfgPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(raw.config, ts.sys, ROOT);
    const probe = join(SRC, 'model', '__probe__.ts');
    const text = 'export const a = document.title + window.name + localStorage.length + process.pid;\n';
    const host = ts.createCompilerHost(parsed.options);
    const read = host.readFile;
    host.readFile = (f) => (resolve(f) === probe ? text : read(f));
    const exists = host.fileExists;
    host.fileExists = (f) => resolve(f) === probe || exists(f);
    const program = ts.createProgram({ rootNames: [probe], options: parsed.options, host });
    const names = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && resolve(d.file.fileName) === probe)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    for (const g of ['document', 'window', 'localStorage', 'process'])
      expect(
        names.some((n) => n.includes(`'${g}'`)),
        `${g} should be unknown in the core: ${names.join(' | ')}`,
      ).toBe(true);
  });
});
