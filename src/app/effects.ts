// Jobs computed off the main thread, wired to the store: each kind says from which inputs it is made
// (its key) and what the worker gets (its payload). When a key changes, the store records a new
// request (a new generation) and the runner is asked for it; answers come back as intents, and the
// reducer keeps only the latest generation's (src/app/jobs.ts). More kinds (a sensitivity view, claims
// robustness) are added to JOBS and to the worker's handlers, nothing else.
import { gapSentence, indicatorGaps } from '../sim/missing';
import { bandMetrics, DIFF_METRICS } from './charts';
import type { Computed, Runs } from './derive';
import type { JobRunner, JobSlot } from './jobs';
import { type LiveBands, type LiveRequest, liveKey, liveRequest } from './liveBands';
import type { AppState } from './state';
import type { Store } from './store';

export interface JobSpec {
  /** A string naming every input of the result (null: not wanted now). Cheap: it runs on every change. */
  key(s: AppState, runs: Runs): string | null;
  /** The runner's input: plain JSON for the background worker; the band's, with its specs, for the pool. */
  payload(s: AppState, runs: Runs): unknown;
}

const requests = new WeakMap<Runs, { req: LiveRequest; key: string }>();
function bandRequest(runs: Runs) {
  let r = requests.get(runs);
  if (!r) {
    const req = liveRequest(runs, (c: Computed) => bandMetrics(c), DIFF_METRICS);
    r = { req, key: liveKey(req) };
    requests.set(runs, r);
  }
  return r;
}

/** The 200-seed bands of A (and B, and A − B in compare mode), on the worker pool (src/ui/bandRunner.ts). */
export const BAND: JobSpec = {
  key: (_s, runs) => bandRequest(runs).key,
  payload: (_s, runs) => bandRequest(runs).req,
};

export const JOBS: Readonly<Record<string, JobSpec>> = { band: BAND };

export function bandSlot(s: AppState): JobSlot<LiveBands> | null {
  return (s.jobs.band as JobSlot<LiveBands> | undefined) ?? null;
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
