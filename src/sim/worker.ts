// What a worker does, whatever it runs in (worker_threads in Node, a Web Worker in the browser): it
// keeps the scenarios it was sent (as plain data, recompiled without zod or mathjs), runs blocks of an
// ensemble's seeds or points of a sensitivity study, and answers with typed arrays. The pool
// (pool.ts) decides what runs where; nothing here depends on which worker gets which task.

import { buildWorld } from '../model/build';
import type { LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import { type SeedsOptions, sweepSums } from './ensemble';
import { runSeeds, type SeedsPlan } from './lean';
import { fromPlainSpec, type PlainSpec } from './plain';
import { type BlockResult, type EnsemblePlan, EnsembleWorkerCore, type HistogramPart } from './stream';
import { evaluateRows, type PointPlan } from './study';

export type Request =
  | { type: 'spec'; key: number; plain: PlainSpec }
  | { type: 'forget'; key: number }
  | { type: 'ensemble'; job: number; key: number; plan: EnsemblePlan }
  | { type: 'block'; job: number; block: number }
  | { type: 'histograms'; job: number }
  | { type: 'study'; job: number; key: number; plan: PointPlan }
  | { type: 'points'; job: number; from: number; rows: Float64Array; k: number }
  | { type: 'sweep'; job: number; key: number; index: number; lever: LeverName; value: number; opts: SeedsOptions }
  | { type: 'seeds'; job: number; key: number; plan: SeedsPlan }
  | { type: 'drop'; job: number };

export type Reply =
  | { type: 'block'; job: number; result: BlockResult }
  | { type: 'histograms'; job: number; part: HistogramPart | null }
  | { type: 'points'; job: number; from: number; y: Float64Array }
  | { type: 'sweep'; job: number; index: number; means: Float64Array }
  | { type: 'seeds'; job: number; from: number; values: Float64Array }
  | { type: 'error'; job: number; message: string };

/** Buffers a reply can hand over instead of copying. */
export function transferables(r: Reply): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  if (r.type === 'block') {
    add(r.result.mean);
    add(r.result.m2);
    add(r.result.configs);
    add(r.result.values);
  } else if (r.type === 'histograms' && r.part) {
    add(r.part.counts);
    add(r.part.min);
    add(r.part.max);
    add(r.part.nan);
  } else if (r.type === 'points') add(r.y);
  else if (r.type === 'sweep') add(r.means);
  else if (r.type === 'seeds') add(r.values);
  return out;
}

interface StudyJob {
  spec: ModelSpec;
  plan: PointPlan;
}

export class WorkerHandler {
  private readonly specs = new Map<number, { spec: ModelSpec; world: World }>();
  private readonly ensembles = new Map<number, EnsembleWorkerCore>();
  private readonly studies = new Map<number, StudyJob>();

  /** Handle one request; returns the reply, if it has one. Errors become error replies. */
  handle(m: Request): Reply | null {
    const job = 'job' in m ? m.job : -1;
    try {
      return this.dispatch(m);
    } catch (e) {
      return { type: 'error', job, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private scenario(key: number) {
    const s = this.specs.get(key);
    if (!s) throw new Error(`worker: scenario ${key} was not sent`);
    return s;
  }

  private dispatch(m: Request): Reply | null {
    switch (m.type) {
      case 'spec': {
        const spec = fromPlainSpec(m.plain);
        this.specs.set(m.key, { spec, world: buildWorld(spec) });
        return null;
      }
      case 'forget':
        this.specs.delete(m.key);
        return null;
      case 'ensemble':
        this.ensembles.set(m.job, new EnsembleWorkerCore(this.scenario(m.key).world, m.plan));
        return null;
      case 'block': {
        const core = this.ensembles.get(m.job);
        if (!core) throw new Error(`worker: no ensemble ${m.job}`);
        return { type: 'block', job: m.job, result: core.runBlock(m.block) };
      }
      case 'histograms': {
        const core = this.ensembles.get(m.job);
        this.ensembles.delete(m.job);
        return { type: 'histograms', job: m.job, part: core ? core.histograms() : null };
      }
      case 'study': {
        const spec = this.scenario(m.key).spec;
        this.studies.set(m.job, { spec, plan: m.plan });
        return null;
      }
      case 'points': {
        const s = this.studies.get(m.job);
        if (!s) throw new Error(`worker: no study ${m.job}`);
        return { type: 'points', job: m.job, from: m.from, y: evaluateRows(s.spec, s.plan, m.rows, m.k) };
      }
      case 'seeds': {
        const world = this.scenario(m.key).world;
        return { type: 'seeds', job: m.job, from: m.plan.seedStart, values: runSeeds(world, m.plan) };
      }
      case 'sweep': {
        const world = this.scenario(m.key).world;
        return { type: 'sweep', job: m.job, index: m.index, means: sweepSums(world, m.lever, m.value, m.opts) };
      }
      case 'drop':
        this.ensembles.delete(m.job);
        this.studies.delete(m.job);
        return null;
    }
  }
}
