// `npm run sim -- ...`: run the CLI from its bundle (dist-cli), building it first when the sources
// have changed since the last build (once, about two seconds). Plain JavaScript, so the check costs a
// few milliseconds and no TypeScript loader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const LOCK = join(root, 'dist-cli.lock');

function upToDate(now) {
  return existsSync(join(CLI_DIR, 'main.mjs')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === now;
}

/** Wait (up to two minutes) for another process's build, found by its lock folder. */
function waitForLock() {
  const until = Date.now() + 120_000;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(LOCK)) {
    // A lock older than five minutes is left from a killed build.
    if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
    if (Date.now() > until) return;
    Atomics.wait(nap, 0, 0, 100);
  }
}

/**
 * Build dist-cli unless it is up to date; returns true if it built. Several calls at once (GNU parallel
 * starting N shards) build once: the first takes a lock, the others wait for it. The new bundle is
 * built beside the old one and swapped in, so a run already going keeps its files.
 */
export function ensureCli() {
  let now = fingerprint();
  if (upToDate(now)) return false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      waitForLock();
      now = fingerprint();
      if (upToDate(now)) return false;
    }
  }
  try {
    process.stderr.write('sim: building the CLI (the sources changed since the last build)...\n');
    const fresh = `${CLI_DIR}.new-${process.pid}`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools', 'build-cli.ts'), fresh], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) {
      rmSync(fresh, { recursive: true, force: true });
      process.stderr.write('sim: the CLI build failed (see above)\n');
      process.exit(1);
    }
    writeFileSync(join(fresh, '.sources'), now);
    const old = `${CLI_DIR}.old-${process.pid}`;
    if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
    renameSync(fresh, CLI_DIR);
    rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCli();
  if (process.argv[2] !== '--build-only') await import(pathToFileURL(join(CLI_DIR, 'main.mjs')).href);
}
