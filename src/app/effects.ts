// Jobs computed off the main thread, wired to the store: each kind says from which inputs it is made
// (its key) and what the worker gets (its payload). When a key changes, the store records a new
// request (a new generation) and the runner is asked for it; answers come back as intents, and the
// reducer keeps only the latest generation's (src/app/jobs.ts). More kinds (a sensitivity view, claims
// robustness) are added to JOBS and to the worker's handlers, nothing else.
import { BAND_SEEDS, type BandRequest, type BandResult } from '../sim/band';
import { gapSentence, indicatorGaps } from '../sim/missing';
import { bandMetrics } from './charts';
import type { Computed, Runs } from './derive';
import type { JobRunner, JobSlot } from './jobs';
import type { AppState } from './state';
import type { Store } from './store';

export interface JobSpec {
  /** A string naming every input of the result (null: not wanted now). Cheap: it runs on every change. */
  key(s: AppState, runs: Runs): string | null;
  /** The worker's input: plain JSON. */
  payload(s: AppState, runs: Runs): unknown;
}

const bandKeys = new WeakMap<Computed, string>();

function bandRequest(a: Computed): Omit<BandRequest, 'gen'> {
  return {
    file: a.file,
    changes: a.edits.map((e) => ({ t: e.t, name: e.name, value: e.value })),
    seed: a.seed,
    seeds: BAND_SEEDS,
    steps: a.horizon,
    metrics: bandMetrics(a),
  };
}

export const BAND: JobSpec = {
  key: (_s, runs) => {
    let k = bandKeys.get(runs.a);
    if (k === undefined) {
      k = JSON.stringify(bandRequest(runs.a));
      bandKeys.set(runs.a, k);
    }
    return k;
  },
  payload: (_s, runs) => bandRequest(runs.a),
};

export const JOBS: Readonly<Record<string, JobSpec>> = { band: BAND };

export function bandSlot(s: AppState): JobSlot<BandResult> | null {
  return (s.jobs.band as JobSlot<BandResult> | undefined) ?? null;
}

/** Ask for each job when its inputs change, and send each new generation to the runner. */
export function connectJobs(
  store: Store,
  runner: JobRunner,
  clock: () => number,
  jobs: Readonly<Record<string, JobSpec>> = JOBS,
): void {
  for (const [kind, spec] of Object.entries(jobs)) {
    store.watch(
      (s) => spec.key(s, store.runs(s)),
      (key) => store.dispatch({ type: 'jobRequest', kind, key, now: clock() }),
    );
    store.watch(
      (s) => s.jobs[kind]?.gen ?? 0,
      (gen) => {
        const s = store.get();
        const slot = s.jobs[kind];
        if (!slot || slot.key === null || gen === 0) return;
        runner.run({ kind, gen, payload: spec.payload(s, store.runs(s)) });
      },
    );
  }
}

/** A note when one of the scenario's own indicators gave no number at some steps of run A (the run goes on). */
export function connectGaps(store: Store): void {
  store.watch(
    (s) => {
      const a = store.runs(s).a;
      const gaps = indicatorGaps(
        a.spec.indicators.map((x) => x.name),
        a.horizon,
        (name, t) => a.records[t]?.missing?.includes(name) ?? false,
      );
      return gaps.map((g) => gapSentence(g, a.horizon + 1, (t) => a.records[t].date)).join('\n');
    },
    (key) => {
      if (key === '') store.dispatch({ type: 'dismiss', id: 'gaps' });
      else
        store.dispatch({
          type: 'message',
          message: {
            id: 'gaps',
            kind: 'warn',
            text: "The scenario's own indicators have gaps; the run goes on:",
            details: key.split('\n'),
            ttl: 0,
          },
        });
    },
  );
}
