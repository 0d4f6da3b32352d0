// Memory and seek cost of a long run (issue 9): `node --expose-gc --import tsx tools/long-run.ts
// [scenario] [steps] [record] [keyframes|every]`. Prints one JSON line: heap and RSS after a forced
// collection (the heap as growth over the process's baseline), for a run that keeps keyframes or one
// that keeps every step (as Run did before keyframes), and for keyframes the CPU time of seeks to
// steps that are not kept (the first into a stretch recomputes it, the next ones are copies). Run each
// case in its own process: RSS does not shrink back within one.
import { loadPreset } from '../src/scenario/presets';
import { Run } from '../src/sim/run';

const [id = 'post-ukraine', stepsText = '10000', recordText = 'false', which = 'keyframes'] = process.argv.slice(2);
const steps = Number(stepsText);
const record = recordText === 'true';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const loaded = loadPreset(id);
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const spec = loaded.spec;

function cpu(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function memory(): { heapMB: number; rssMB: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heapMB: Math.round(m.heapUsed / 1e5) / 10, rssMB: Math.round(m.rss / 1e5) / 10 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const base = memory();
for (const kind of [which === 'every' ? 'every step' : 'keyframes'] as const) {
  const run = new Run(spec, { record, ...(kind === 'every step' ? { denseSteps: Number.POSITIVE_INFINITY } : {}) });
  const ms = cpu(() => run.runTo(steps));
  const m = memory();
  const line: Record<string, unknown> = {
    scenario: id,
    steps,
    record,
    kept: kind,
    states: run.statesHeld,
    cpuMsPerStep: Math.round((ms / steps) * 1000) / 1000,
    heapMB: Math.round((m.heapMB - base.heapMB) * 10) / 10,
    rssMB: m.rssMB,
    rssBeforeMB: base.rssMB,
  };
  if (kind === 'keyframes' && steps > 1000) {
    // Seeks to steps past the dense part, off the keyframes: cold (a new stretch), then warm (same stretch).
    const cold: number[] = [];
    const warm: number[] = [];
    for (let k = 0; k < 21; k++) {
      const t = 500 + Math.floor(((k * 7919) % 997) * ((steps - 600) / 997)) + 1;
      const target = t % 64 === 0 ? t + 1 : t;
      cold.push(cpu(() => run.seek(target)));
      warm.push(cpu(() => run.seek(target + (target % 64 === 63 ? -1 : 1))));
    }
    line.seekColdMs = Math.round(median(cold) * 100) / 100;
    line.seekWarmMs = Math.round(median(warm) * 1000) / 1000;
  }
  console.log(JSON.stringify(line));
}
