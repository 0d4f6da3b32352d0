// `npm test`: type-check, lint, the Node tests (unit, property, claims) and the browser tests, in that
// order, stopping at the first stage that fails; ends with one line `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function stage(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
}

function finish(ok) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

// One check per layer: the core without DOM or Node, the browser's layers, Node, the tests and tools.
for (const cfg of ['tsconfig.core.json', 'tsconfig.web.json', 'tsconfig.json', 'tsconfig.tests.json'])
  if (!stage(`type-check (${cfg})`, bin('tsc'), ['-p', cfg])) finish(false);
if (
  !stage('format and lint', bin('biome'), [
    'check',
    '--error-on-warnings',
    'src',
    'tests',
    'bench',
    'tools',
    'csp.config.ts',
    'vite.config.ts',
    'vitest.config.ts',
  ])
)
  finish(false);

mkdirSync('artifacts', { recursive: true });
const vitestOk = stage('unit, property and claim tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=artifacts/vitest.json',
]);
if (existsSync('artifacts/vitest.json')) {
  const j = JSON.parse(readFileSync('artifacts/vitest.json', 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += j.numFailedTests ?? 0;
}
if (!vitestOk) finish(false);

if (existsSync('tests/e2e/run.mjs')) {
  console.log('\n== browser tests (tests/e2e)');
  const r = spawnSync('npm', ['run', '--silent', 'test:e2e'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(r.stdout ?? '');
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(r.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  } else if (r.status !== 0) {
    failed += 1;
  }
  if (r.status !== 0) finish(false);
}
finish(failed === 0);
