// `npm run bench`: one JSON line per figure, {"name", "value", "unit", ...details}. Numbers only, no
// pass/fail: the targets of the speed work are compared against these lines in the README.
// CPU times are process.cpuUsage (this process) or /proc/self/stat (children); every figure is a
// median of repetitions. `npm run bench -- --quick` takes fewer repetitions. npm runs it from a bundle
// (tools/build-bench.ts), so the model is measured as the CLI and the browser run it.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { buildWorld } from '../src/model/build';
import { makeScratch } from '../src/model/derive';
import { createRng } from '../src/model/rng';
import type { ModelSpec } from '../src/model/spec';
import { applyEvents, step } from '../src/model/step';
import { initialState, type World } from '../src/model/world';
import { loadPreset } from '../src/scenario/presets';
import { LeanRunner } from '../src/sim/lean';
import { cores } from '../src/sim/nodePool';
import { Run } from '../src/sim/run';
import { streamEnsemble } from '../src/sim/stream';
import { studyDesign, studyPlan } from '../src/sim/study';
import { hasChromium, withPoolPage } from '../tools/browser-pool';
import { bundlePool } from '../tools/bundle-pool';
import { workerBundle } from '../tools/worker-size';
import { childTiming, emit, median, timed, timedAsync } from './lib';
import { widerRoster } from './roster';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const want = (name: string) => !only || only.includes(name);
const SCENARIO = 'post-ukraine';
const loaded = loadPreset(SCENARIO);
if (!loaded.ok) {
  console.error(`error: preset ${SCENARIO} does not load: ${loaded.errors[0]}`);
  process.exit(1);
}
const spec = loaded.spec;
const STEPS = spec.steps;

/** Run `runs` seeds of `steps` steps on one World, stepping one state per seed (the model alone). */
function stepSeeds(w: World, firstSeed: number, runs: number, steps: number): void {
  const sc = makeScratch(w);
  for (let r = 0; r < runs; r++) {
    const s = initialState(w, createRng(firstSeed + r).state());
    applyEvents(w, s);
    for (let t = 0; t < steps; t++) step(w, s, sc);
  }
}

/** Steps per CPU second of the model on one World: median over repetitions of a batch of seeds. */
function stepsPerSec(s: ModelSpec, runsPerRep: number, reps: number): { value: number; cpuMsPerStep: number } {
  const w = buildWorld(s);
  stepSeeds(w, 10_000, runsPerRep, STEPS); // warm the JIT
  const perStep: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t = timed(() => stepSeeds(w, 1 + k * runsPerRep, runsPerRep, STEPS));
    perStep.push(t.cpuMs / (runsPerRep * STEPS));
  }
  const m = median(perStep);
  return { value: 1000 / m, cpuMsPerStep: m };
}

const REPS = quick ? 5 : 15;

if (want('steps_per_sec')) {
  const r = stepsPerSec(spec, 20, REPS);
  emit('steps_per_sec', r.value, 'steps/s', {
    actors: spec.actors.length,
    us_per_step: r.cpuMsPerStep * 1000,
    how: 'model step() on one World, single thread, CPU time, median',
  });
}

if (want('steps_per_sec_run')) {
  // The app's and `run`'s path: a Run per seed (its own World, history kept, no move records).
  for (let i = 0; i < 20; i++) new Run(spec, { seed: 1000 + i, record: false }).runTo(STEPS);
  const per: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const t = timed(() => {
      for (let r = 0; r < 20; r++) new Run(spec, { seed: 1 + k * 20 + r, record: false }).runTo(STEPS);
    });
    per.push(t.cpuMs / (20 * STEPS));
  }
  emit('steps_per_sec_run', 1000 / median(per), 'steps/s', {
    actors: spec.actors.length,
    how: 'new Run(spec) per seed (a World each), single thread, CPU time, median',
  });
}

if (want('steps_per_sec_30')) {
  const wide = widerRoster(spec, 30);
  const r = stepsPerSec(wide, 3, quick ? 3 : 7);
  emit('steps_per_sec_30', r.value, 'steps/s', {
    actors: 30,
    us_per_step: r.cpuMsPerStep * 1000,
    how: 'generated 30-actor roster (bench/roster.ts), model step() on one World, single thread, CPU time',
  });
}

if (want('build_world_ms')) {
  // A World per scenario (the continuity calibration): what a worker pays per scenario and the claims'
  // robustness study per perturbation.
  for (let k = 0; k < 20; k++) buildWorld(spec);
  const per: number[] = [];
  for (let k = 0; k < REPS; k++) per.push(timed(() => buildWorld(spec)).cpuMs);
  emit('build_world_ms', median(per), 'ms', {
    actors: spec.actors.length,
    how: 'buildWorld (compile and calibrate continuity), warm, CPU time, median',
  });
}

if (want('ensemble_1000_ms')) {
  // One thread: the streaming ensemble in this process, as `--workers 1` runs it.
  const world = buildWorld(spec);
  const plan = { seeds: 1000, seedStart: 1, steps: STEPS };
  streamEnsemble(world, { ...plan, seeds: 100 });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const t = timed(() => streamEnsemble(world, plan));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  emit('ensemble_1000_ms', median(wall), 'ms', {
    workers: 1,
    cpu_ms: median(cpu),
    how: `1000 seeds x ${STEPS} steps of ${SCENARIO}, streamed in this (warm) process, wall time, median`,
  });
  // Every core: the worker pool, warmed by one ensemble first.
  const pool = bundlePool(cores());
  await pool.ensemble(spec, plan);
  wall.length = 0;
  cpu.length = 0;
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const t = await timedAsync(() => pool.ensemble(spec, plan));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  pool.close();
  emit('ensemble_1000_ms', median(wall), 'ms', {
    workers: cores(),
    cpu_ms_main_thread_and_workers: median(cpu),
    how: `the same on a warm pool of ${cores()} worker threads, wall time, median`,
  });
}

if (want('bytes_per_step')) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) emit('bytes_per_step', null, 'B', { reason: 'run with node --expose-gc (npm run bench does)' });
  else {
    const long = 400;
    const w = buildWorld(spec);
    new Run(w, { seed: 1, record: false }).runTo(long);
    gc();
    // Typed arrays past a few dozen bytes live outside the JS heap: count them too.
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    const before = used();
    const run = new Run(w, { seed: 2, record: false });
    run.runTo(long);
    gc();
    const after = used();
    emit('bytes_per_step', (after - before) / long, 'B', {
      path: 'Run (history kept for seeking)',
      how: `growth of heap + external memory over a ${long}-step Run after GC, per step`,
    });
    if (run.computed !== long) throw new Error('the run did not reach its horizon');
    // The ensemble path: one state stepped in place, metrics read into one array.
    const runner = new LeanRunner(w, { steps: long });
    runner.run(3, () => {});
    gc();
    const b2 = used();
    let sum = 0;
    runner.run(4, (_t, v) => {
      sum += v[0];
    });
    gc();
    emit('bytes_per_step', (used() - b2) / long, 'B', {
      path: 'LeanRunner (ensembles, sweeps, studies)',
      how: `the same over a ${long}-step seed stepped in place (the World's growth memo is already filled)`,
      checksum: Number.isFinite(sum),
    });
  }
}

// The CLI from its bundle, as `npm run sim` runs it (built first if the sources changed).
const wantsCli = [
  'cli_help_ms',
  'cli_run_ms',
  'cli_ensemble_1000_ms',
  'cli_help_npm_ms',
  'ensemble_100000_rss_mb',
  'claims_map_ms',
].some(want);
if (wantsCli) {
  const b = spawnSync(process.execPath, ['tools/sim.mjs', '--build-only'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('building the CLI failed');
}
const CLI = [process.execPath, 'dist-cli/main.mjs'];
const cliName = 'node dist-cli/main.mjs';

if (want('cli_help_ms')) {
  const t = childTiming(CLI[0], [...CLI.slice(1), '--help'], quick ? 2 : 5, 4);
  emit('cli_help_ms', t.cpuMs, 'ms', { wall_ms: t.wallMs, how: `${cliName} --help, CPU time, median` });
}

if (want('cli_help_npm_ms')) {
  const t = childTiming('npm', ['run', '--silent', 'sim', '--', '--help'], quick ? 2 : 3, 2);
  emit('cli_help_npm_ms', t.cpuMs, 'ms', {
    wall_ms: t.wallMs,
    how: 'npm run --silent sim -- --help (npm itself, the staleness check, the bundle), CPU time, median',
  });
}

if (want('cli_run_ms')) {
  const t = childTiming(CLI[0], [...CLI.slice(1), 'run', '--scenario', SCENARIO, '--seed', '1'], quick ? 2 : 5, 4);
  emit('cli_run_ms', t.cpuMs, 'ms', {
    wall_ms: t.wallMs,
    how: `${cliName} run --scenario ${SCENARIO} (one seed, JSON with every move), CPU time, median`,
  });
}

if (want('cli_ensemble_1000_ms')) {
  const t = childTiming(
    CLI[0],
    [...CLI.slice(1), 'ensemble', '--scenario', SCENARIO, '--seeds', '1000'],
    quick ? 1 : 3,
    1,
  );
  emit('cli_ensemble_1000_ms', t.wallMs, 'ms', {
    cpu_ms: t.cpuMs,
    workers: cores(),
    how: `${cliName} ensemble --scenario ${SCENARIO} --seeds 1000, end to end, wall time, median`,
  });
}

// A minute or more of work each, so only on request: npm run bench -- --only=claims_ms,claims_map_ms
if (only?.includes('claims_ms')) {
  const t = childTiming('npm', ['run', '--silent', 'claims', '--', '--json'], 1, 1);
  emit('claims_ms', t.wallMs, 'ms', {
    cpu_ms: t.cpuMs,
    workers: cores(),
    how: 'npm run claims (every claim, 100 seeds; worker threads from the CLI bundle), end to end, wall time',
  });
}
if (only?.includes('claims_map_ms')) {
  const t = childTiming(CLI[0], [...CLI.slice(1), 'claims-map', '--samples', '32', '--seeds', '20'], 1, 1);
  emit('claims_map_ms', t.wallMs, 'ms', {
    cpu_ms: t.cpuMs,
    workers: cores(),
    how: `${cliName} claims-map --samples 32 --seeds 20 (every claim), end to end, wall time`,
  });
}

// Minutes of work, so only on request: npm run bench -- --only=ensemble_100000_rss_mb
if (only?.includes('ensemble_100000_rss_mb')) {
  const time = '/usr/bin/time';
  if (!existsSync(time)) emit('ensemble_100000_rss_mb', null, 'MiB', { reason: `no ${time} to read the peak RSS` });
  else {
    const r = spawnSync(
      time,
      ['-f', '%M %e %U %S', ...CLI, 'ensemble', '--scenario', SCENARIO, '--seeds', '100000', '--out', '/dev/null'],
      { encoding: 'utf8' },
    );
    const [kb, wall, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    emit('ensemble_100000_rss_mb', kb / 1024, 'MiB', {
      wall_s: wall,
      cpu_s: user + sys,
      workers: cores(),
      how: `${cliName} ensemble --scenario ${SCENARIO} --seeds 100000 (${STEPS} steps), peak resident set of the process (all threads)`,
    });
  }
}

if (want('sobol_ms')) {
  // The default study: every substantive lever and parameter, default samples and seeds, all cores.
  const plan = studyPlan(spec, { method: 'sobol', metric: 'ru_dependence_on_cn' });
  const pool = bundlePool(cores());
  const points = studyDesign(plan).count;
  const t = await timedAsync(() => pool.study(spec, plan));
  pool.close();
  emit('sobol_ms', t.wallMs, 'ms', {
    workers: cores(),
    inputs: plan.inputs.length,
    samples: plan.samples,
    points,
    runs: points * plan.seeds,
    how: `sensitivity --scenario ${SCENARIO} --indicator ru_dependence_on_cn --method sobol (defaults), one run, wall time`,
  });
}

if (want('worker_kb_gz')) {
  const b = await workerBundle();
  emit('worker_kb_gz', b.gzipBytes / 1024, 'kB', {
    raw_kb: b.bytes / 1024,
    how: 'src/sim/webWorker.ts built alone by vite (ES module, minified), gzip -9',
  });
}

if (want('band_200_pool_ms')) {
  if (!hasChromium()) emit('band_200_pool_ms', null, 'ms', { reason: 'no Chromium at /usr/bin/chromium' });
  else {
    const plan = {
      seeds: 200,
      seedStart: 1,
      steps: STEPS,
      metrics: ['ru_dependence_on_cn', 'ru_autonomy', 'ru_negotiating_space', 'CN-US', 'RU-US', 'CN-RU'],
    };
    const ms = await withPoolPage((page) =>
      page.evaluate(
        ({ plan, n }) =>
          (
            window as unknown as {
              poolCheck: { timeBands(id: string, p: typeof plan, w: number, n: number): Promise<number[]> };
            }
          ).poolCheck.timeBands('post-ukraine', plan, navigator.hardwareConcurrency || 2, n),
        { plan, n: quick ? 5 : 20 },
      ),
    );
    emit('band_200_pool_ms', median(ms), 'ms', {
      workers: 'navigator.hardwareConcurrency',
      how: `headless Chromium, warm Web Worker pool: request to statistics of 200 seeds x ${STEPS} steps, 6 charted metrics, median of ${ms.length} (no drawing)`,
    });
  }
}

if (want('band_200_ms')) {
  // Measured in the app by the e2e suite (a lever change to the redrawn 200-seed bands, 20 changes); read back here.
  const file = new URL('../artifacts/e2e-metrics.json', import.meta.url);
  const m: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (m.band_200_ms === undefined)
    emit('band_200_ms', null, 'ms', {
      reason:
        'no e2e measurement yet: run `npm run test:e2e` (or `E2E_ONLY=band_200_ms npm run test:e2e`), then the bench',
    });
  else {
    const stat = statSync(file);
    emit('band_200_ms', Number(m.band_200_ms), 'ms', {
      spread: m['band_200_ms spread (min, 25%, 75%, max)'],
      workers: Number(m['band_200_ms workers (navigator.hardwareConcurrency)']),
      measured: stat.mtime.toISOString(),
      how: 'tests/e2e (headless Chromium, the built app): median over 20 lever changes of the time from the change (dispatch) to the last chart drawn with the new 200-seed bands, from artifacts/e2e-metrics.json',
    });
  }
}
