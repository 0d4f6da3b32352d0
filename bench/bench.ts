// `npm run bench`: how fast the model and the sim run, one metric per line. Numbers only; no pass/fail.
// Optional: `npm run bench -- --quick` for fewer repetitions and a 300-seed ensemble instead of 1000.
import { main } from '../src/cli/cli';
import { loadPreset } from '../src/scenario/presets';
import { ensemble } from '../src/sim/ensemble';
import { Run } from '../src/sim/run';

const quick = process.argv.includes('--quick');
const SCENARIO = 'post-ukraine';
const loaded = loadPreset(SCENARIO);
if (!loaded.ok) {
  console.error(`error: preset ${SCENARIO} does not load: ${loaded.errors[0]}`);
  process.exit(1);
}
const spec = loaded.spec;
const steps = spec.steps;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function line(name: string, value: number, unit: string, digits = 2): void {
  console.log(`${name.padEnd(44)} ${value.toFixed(digits).padStart(12)} ${unit}`);
}

let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

console.log(
  `bench: node ${process.version}, scenario ${SCENARIO} (${spec.actors.length} actors, ${steps} steps)${quick ? ', quick' : ''}`,
);

// Single runs: warm the JIT first, then time each run separately and take the median.
const REPS = quick ? 30 : 200;
for (let i = 0; i < 20; i++) new Run(spec, { seed: 1000 + i, record: false }).runTo(steps);
const bare: number[] = [];
for (let i = 0; i < REPS; i++) bare.push(time(() => new Run(spec, { seed: i + 1, record: false }).runTo(steps)));
const recorded: number[] = [];
for (let i = 0; i < REPS; i++) recorded.push(time(() => new Run(spec, { seed: i + 1, record: true }).runTo(steps)));
sampleHeap();
const perRun = median(bare);
line(`single ${steps}-step run, median of ${REPS}`, perRun, 'ms');
line(`single ${steps}-step run recording moves, median`, median(recorded), 'ms');
line('steps per second (single run, no recording)', (steps * 1000) / perRun, 'steps/s', 0);

// recordAt: what `run --format json` and the app pay per displayed step.
{
  const run = new Run(spec, { seed: 1 });
  run.runTo(steps);
  const ts: number[] = [];
  for (let k = 0; k < REPS; k++) ts.push(time(() => run.recordAt(k % (steps + 1))));
  line('recordAt(t), median', median(ts) * 1000, 'µs', 1);
}

// Seek on a computed run: a copy from history, never a recomputation.
{
  const long = 400;
  const run = new Run(spec, { seed: 1, record: false });
  const build = time(() => run.runTo(long));
  line(`compute a ${long}-step run`, build, 'ms');
  let x = 12345;
  const ts: number[] = [];
  for (let k = 0; k < 2000; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const target = x % (long + 1);
    ts.push(time(() => run.seek(target)));
  }
  line(`Run.seek to a random step of ${long}, median`, median(ts) * 1000, 'µs', 2);
  line(`Run.seek to a random step of ${long}, max`, Math.max(...ts) * 1000, 'µs', 1);
  sampleHeap();
}

// Ensembles (trajectories kept for quantiles: memory grows with seeds x steps x metrics).
for (const seeds of quick ? [100, 300] : [100, 1000]) {
  let ms = 0;
  ms = time(() => {
    ensemble(spec, { seeds, steps });
    sampleHeap();
  });
  line(`ensemble ${SCENARIO}, ${seeds} seeds x ${steps} steps`, ms, 'ms', 0);
  line(`  per seed`, ms / seeds, 'ms');
}

// The CLI end to end, in process (parsing, run, JSON with every move and utility term).
{
  let bytes = 0;
  const sink = { write: (s: string) => (bytes += s.length) };
  const ms = time(() => main(['run', '--scenario', SCENARIO], { stdout: sink, stderr: sink }));
  line(`cli run --scenario ${SCENARIO} (json)`, ms, 'ms');
  line('  output size', bytes / 1024, 'KiB', 0);
  const csvMs = time(() =>
    main(['ensemble', '--scenario', SCENARIO, '--seeds', '100', '--format', 'csv'], { stdout: sink, stderr: sink }),
  );
  line(`cli ensemble --seeds 100 --format csv`, csvMs, 'ms', 0);
}

sampleHeap();
line('peak heap used (sampled)', peakHeap / 2 ** 20, 'MiB', 1);
line('peak resident set size', process.resourceUsage().maxRSS / 1024, 'MiB', 1);
