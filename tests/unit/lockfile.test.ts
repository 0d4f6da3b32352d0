// `npm ci` accepts the lock file only when it lists every optional dependency of every package in it,
// for every platform (biome, rolldown, lightningcss and esbuild ship one binary package per platform;
// a lock file made without them fails on a fresh clone). Regenerate with `npm install --package-lock-only`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Locked {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
    packages: Record<string, Locked>;
  };
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Locked;

  it('lists every optional dependency of every locked package, whatever the platform', () => {
    const missing: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(p.optionalDependencies ?? {})) {
        // npm looks a dependency up next to the package first, then at the top.
        const nested = `${path}/node_modules/${dep}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`])
          missing.push(`${dep} (for ${path || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("pins the project's own dependencies at the versions package.json names", () => {
    const root = lock.packages[''];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
  });
});
