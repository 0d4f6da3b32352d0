// `npm run bench`: one JSON line per figure, {"name", "value", "unit", ...details}. Numbers only, no
// pass/fail: the targets of the speed work are compared against these lines in the README.
// CPU times are process.cpuUsage (this process) or /proc/self/stat (children); every figure is a
// median of repetitions. `npm run bench -- --quick` takes fewer repetitions.

import { makeScratch } from '../src/model/derive';
import { createRng } from '../src/model/rng';
import type { ModelSpec } from '../src/model/spec';
import { applyEvents, step } from '../src/model/step';
import { buildWorld, initialState, type World } from '../src/model/world';
import { loadPreset } from '../src/scenario/presets';
import { ensemble } from '../src/sim/ensemble';
import { Run } from '../src/sim/run';
import { childTiming, emit, median, timed } from './lib';
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

if (want('ensemble_1000_ms')) {
  ensemble(spec, { seeds: 100, steps: STEPS });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const t = timed(() => ensemble(spec, { seeds: 1000, steps: STEPS }));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  emit('ensemble_1000_ms', median(wall), 'ms', {
    workers: 1,
    cpu_ms: median(cpu),
    how: `1000 seeds x ${STEPS} steps of ${SCENARIO} in this (warm) process, wall time, median`,
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
  }
}

const CLI = ['node_modules/.bin/tsx', 'src/cli/main.ts'];

if (want('cli_help_ms')) {
  const t = childTiming(CLI[0], [...CLI.slice(1), '--help'], quick ? 2 : 5, 1);
  emit('cli_help_ms', t.cpuMs, 'ms', { wall_ms: t.wallMs, how: `${CLI.join(' ')} --help, CPU time, median` });
}

if (want('cli_run_ms')) {
  const t = childTiming(CLI[0], [...CLI.slice(1), 'run', '--scenario', SCENARIO, '--seed', '1'], quick ? 2 : 5, 1);
  emit('cli_run_ms', t.cpuMs, 'ms', { wall_ms: t.wallMs, how: `${CLI.join(' ')} run (one seed), CPU time, median` });
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
    how: `${CLI.join(' ')} ensemble --seeds 1000, end to end, wall time, median`,
  });
}

if (want('sobol_ms')) emit('sobol_ms', null, 'ms', { reason: 'no sensitivity command yet' });
if (want('band_200_ms'))
  emit('band_200_ms', null, 'ms', { reason: 'the 200-seed band is not wired into the app yet (tests/e2e)' });
