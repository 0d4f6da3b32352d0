// Measurement helpers for `npm run bench`: CPU time (this process's, or its children's), medians, and
// one JSON line per figure. The machine is shared, so figures are medians of repetitions, never one shot.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU time (user + system) of this process in ms: GC helper threads and workers count too. */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface Timed {
  cpuMs: number;
  wallMs: number;
}

export function timed(fn: () => void): Timed {
  const c0 = cpuNow();
  const w0 = performance.now();
  fn();
  return { cpuMs: cpuNow() - c0, wallMs: performance.now() - w0 };
}

export async function timedAsync(fn: () => Promise<unknown>): Promise<Timed> {
  const c0 = cpuNow();
  const w0 = performance.now();
  await fn();
  return { cpuMs: cpuNow() - c0, wallMs: performance.now() - w0 };
}

/**
 * CPU time of waited-for children, from /proc/self/stat (cutime + cstime). The kernel sums children's
 * times exactly and reports them in 1/100 s, so a figure per child comes from a batch of runs.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command name start at field 3 (state): cutime is field 16, cstime 17.
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * 10;
  } catch {
    return null;
  }
}

export interface ChildTiming {
  /** Median over batches of the CPU time per run (children's user + system), or null off Linux. */
  cpuMs: number | null;
  /** Median wall time per run. */
  wallMs: number;
  runs: number;
}

/** Run a command `batches * perBatch` times; fails loudly if it exits non-zero. */
export function childTiming(cmd: string, args: string[], batches: number, perBatch: number): ChildTiming {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const c0 = childrenCpuMs();
    for (let k = 0; k < perBatch; k++) {
      const w0 = performance.now();
      const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      wall.push(performance.now() - w0);
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
    const c1 = childrenCpuMs();
    if (c0 !== null && c1 !== null) cpu.push((c1 - c0) / perBatch);
  }
  return { cpuMs: cpu.length > 0 ? median(cpu) : null, wallMs: median(wall), runs: batches * perBatch };
}

export function emit(
  name: string,
  value: number | null,
  unit: string,
  extra: Record<string, string | number | boolean | null> = {},
): void {
  const v = value === null ? null : Number(value.toPrecision(4));
  console.log(JSON.stringify({ name, value: v, unit, ...extra }));
}
