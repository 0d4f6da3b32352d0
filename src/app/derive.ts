// From the document to runs: the one path from state to what is drawn. A run is computed over its
// scenario's whole horizon (a few ms), so the view can draw the full trajectory and scrubbing is a
// lookup. Runs are cached by their inputs; a lever change at step k reuses a cached run's history
// before k and recomputes only the future, resuming from the cached state (never mutating it), so an
// undo, the unedited "ghost" run and a drag all stay cheap.
import { type LoadResult, loadScenario, withWeightEdits } from '../scenario/load';
import type { ScenarioFile } from '../scenario/schema';
import { sortChanges } from '../sim/replay';
import { Run, type StepRecord } from '../sim/run';
import { type Doc, type LeverEdit, type WeightEdits, weightsEmpty } from './doc';
import { type Library, type Loaded, resolveOrDefault } from './library';
import { makeTimeline, type Timeline } from './timeline';

export interface Computed {
  /** Scenario id as the app knows it. */
  id: string;
  title: string;
  /** The scenario file with the user's weights written in (what the band's worker compiles). */
  file: ScenarioFile;
  spec: Loaded['spec'];
  seed: number;
  /** The run. It may have been resumed from a cached run's step `from`: before it, use `records`. */
  run: Run;
  from: number;
  horizon: number;
  /** One record per step, 0..horizon (each with its state hash). */
  records: readonly StepRecord[];
  edits: readonly LeverEdit[];
  weights: WeightEdits;
}

export interface Runs {
  a: Computed;
  /** The compare scenario's run (same seed, no changes), or null. */
  b: Computed | null;
  /** Run A without the user's changes and weights: drawn as a ghost after an edit; null when there are none. */
  ghost: Computed | null;
  timeline: Timeline;
}

/** Apply weight edits to a scenario file and compile it again (weights apply to the whole run). */
export function withWeights(file: ScenarioFile, weights: WeightEdits): LoadResult {
  return loadScenario(withWeightEdits(file, weights as Readonly<Record<string, Readonly<Record<string, number>>>>));
}

const weightsKey = (w: WeightEdits) =>
  JSON.stringify(
    Object.keys(w)
      .sort()
      .map((a) => [
        a,
        Object.entries(w[a])
          .filter(([, v]) => v !== undefined)
          .sort(),
      ]),
  );
const editKey = (e: LeverEdit) => `${e.name}:${e.value}@${e.t}`;

interface Entry {
  key: string;
  family: string;
  computed: Computed;
}

/** A small cache of computed runs (most recent last) with prefix reuse. */
export class RunCache {
  private entries: Entry[] = [];
  private weighted = new Map<string, LoadResult>();
  /** How the last run was made, for tests and the bench: 'hit', 'prefix' (from step k) or 'full'. */
  last: { how: 'hit' | 'prefix' | 'full'; from: number } = { how: 'full', from: 0 };

  constructor(private readonly size = 12) {}

  get(id: string, base: Loaded, seed: number, edits: readonly LeverEdit[], weights: WeightEdits): Computed {
    const sorted = sortChanges(edits);
    const wk = weightsEmpty(weights) ? '' : weightsKey(weights);
    // The loaded scenario object identifies a version (presets are cached, imports parsed once per file).
    const family = `${id}|${specId(base)}|${seed}|${wk}`;
    const key = `${family}|${sorted.map(editKey).join(',')}`;
    const hit = this.entries.find((e) => e.key === key);
    if (hit) {
      this.touch(hit);
      this.last = { how: 'hit', from: 0 };
      return hit.computed;
    }
    let spec = base.spec;
    let file = base.file;
    if (wk) {
      let r = this.weighted.get(`${specId(base)}|${wk}`);
      if (!r) {
        r = withWeights(base.file, weights);
        this.weighted.set(`${specId(base)}|${wk}`, r);
      }
      if (r.ok) {
        spec = r.spec;
        file = r.file;
      }
    }
    const pre = this.fromPrefix(family, id, spec, file, seed, sorted, weights);
    const computed = pre ?? full(id, spec, file, seed, sorted, weights);
    if (!pre) this.last = { how: 'full', from: 0 };
    this.entries.push({ key, family, computed });
    if (this.entries.length > this.size) this.entries.shift();
    return computed;
  }

  private touch(e: Entry): void {
    this.entries = [...this.entries.filter((x) => x !== e), e];
  }

  /**
   * Resume from the cached run of the same scenario, seed and weights that shares the longest prefix of
   * changes: its state just before the first step where the changes differ is exactly this run's.
   */
  private fromPrefix(
    family: string,
    id: string,
    spec: Loaded['spec'],
    file: ScenarioFile,
    seed: number,
    edits: readonly LeverEdit[],
    weights: WeightEdits,
  ): Computed | null {
    let best: { c: Computed; t0: number } | null = null;
    for (const e of this.entries) {
      if (e.family !== family) continue;
      const p = e.computed.edits;
      let k = 0;
      while (k < p.length && k < edits.length && editKey(p[k]) === editKey(edits[k])) k++;
      const t0 = Math.min(edits[k]?.t ?? Infinity, p[k]?.t ?? Infinity, spec.steps + 1);
      // Resume from the state at t0 - 1, which the cached run must hold (it may be resumed itself).
      if (t0 >= 1 && t0 - 1 >= e.computed.from && (!best || t0 > best.t0)) best = { c: e.computed, t0 };
    }
    if (!best) return null;
    const { c, t0 } = best;
    if (t0 > spec.steps) {
      this.last = { how: 'prefix', from: spec.steps + 1 };
      return { ...c, edits, weights };
    }
    const run = Run.resume(c.run.world, c.run.snapshot(t0 - 1), { seed, record: true });
    const records = [...c.records.slice(0, t0), ...finish(run, edits, t0, spec.steps)];
    this.last = { how: 'prefix', from: t0 };
    return { id, title: spec.title, file, spec, seed, run, from: t0 - 1, horizon: spec.steps, records, edits, weights };
  }
}

let nextSpecId = 1;
const specIds = new WeakMap<object, number>();
function specId(base: Loaded): number {
  let v = specIds.get(base.spec);
  if (v === undefined) {
    v = nextSpecId++;
    specIds.set(base.spec, v);
  }
  return v;
}

/** Apply the changes from step t0 on (each at its step), run to the horizon, and record steps t0..horizon. */
function finish(run: Run, edits: readonly LeverEdit[], t0: number, horizon: number): StepRecord[] {
  for (const e of edits) {
    if (e.t < t0) continue;
    run.seek(e.t);
    run.setLever(e.name, e.value);
  }
  run.runTo(horizon);
  const records: StepRecord[] = [];
  for (let t = t0; t <= horizon; t++) records.push(run.recordAt(t));
  return records;
}

function full(
  id: string,
  spec: Loaded['spec'],
  file: ScenarioFile,
  seed: number,
  edits: readonly LeverEdit[],
  weights: WeightEdits,
): Computed {
  const run = new Run(spec, { seed, record: true });
  const records = finish(run, edits, 0, spec.steps);
  return { id, title: spec.title, file, spec, seed, run, from: 0, horizon: spec.steps, records, edits, weights };
}

/** A run computed from scratch (every state held): exports that check a file against the run need it. */
export function computeFull(c: Computed): Computed {
  if (c.from === 0) return c;
  return full(c.id, c.spec, c.file, c.seed, c.edits, c.weights);
}

/** The runs of a document, memoised on the inputs that matter (the step does not). */
export class Deriver {
  readonly cache = new RunCache();
  private lastKey = '';
  private lastLib: Library | null = null;
  private lastRuns: Runs | null = null;

  runs(lib: Library, doc: Doc): Runs {
    const key = JSON.stringify([doc.scenario, doc.file, doc.seed, doc.edits, doc.weights, doc.compare]);
    if (this.lastRuns && key === this.lastKey && lib === this.lastLib) return this.lastRuns;
    const baseA = resolveOrDefault(lib, doc.scenario, doc.file);
    const a = this.cache.get(doc.scenario, baseA, doc.seed, doc.edits, doc.weights);
    let b: Computed | null = null;
    if (doc.compare) {
      const baseB = resolveOrDefault(lib, doc.compare);
      b = this.cache.get(doc.compare, baseB, doc.seed, [], {});
    }
    const edited = doc.edits.length > 0 || !weightsEmpty(doc.weights);
    const ghost = edited ? this.cache.get(doc.scenario, baseA, doc.seed, [], {}) : null;
    this.lastKey = key;
    this.lastLib = lib;
    this.lastRuns = {
      a,
      b,
      ghost,
      timeline: makeTimeline(
        { start: a.spec.start, steps: a.horizon },
        b ? { start: b.spec.start, steps: b.horizon } : null,
      ),
    };
    return this.lastRuns;
  }
}
