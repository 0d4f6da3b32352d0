// `npm run sim -- ...`: run the CLI from its bundle (dist-cli), building it first when the sources
// have changed since the last build (once, about two seconds). Plain JavaScript, so the check costs a
// few milliseconds and no TypeScript loader.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(root, 'dist-cli');
const STAMP = join(CLI_DIR, '.sources');

/** Every input of the bundle, with size and modification time: a change in any means a rebuild. */
function fingerprint() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  for (const d of ['src', 'scenarios']) walk(join(root, d));
  files.push(join(root, 'tools', 'build-cli.ts'), join(root, 'package.json'), join(root, 'package-lock.json'));
  return files
    .filter((f) => existsSync(f))
    .sort()
    .map((f) => {
      const s = statSync(f);
      return `${f.slice(root.length)} ${s.size} ${s.mtimeMs}`;
    })
    .join('\n');
}

/** Build dist-cli unless it is up to date; returns true if it built. */
export function ensureCli() {
  const now = fingerprint();
  if (existsSync(join(CLI_DIR, 'main.mjs')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === now) return false;
  process.stderr.write('sim: building the CLI (the sources changed since the last build)...\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools', 'build-cli.ts')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('sim: the CLI build failed (see above)\n');
    process.exit(1);
  }
  writeFileSync(STAMP, now);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCli();
  if (process.argv[2] !== '--build-only') await import(pathToFileURL(join(CLI_DIR, 'main.mjs')).href);
}
