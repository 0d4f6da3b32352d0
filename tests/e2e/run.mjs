// Entry for `npm run test:e2e` (after `vite build`): the tests are TypeScript (they import the model to
// compute expected hashes), so run them through tsx and pass the exit status on.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/run.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
