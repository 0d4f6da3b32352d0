// A pool of persistent workers (Node worker_threads or browser Web Workers, behind WorkerPort) that
// runs ensembles and sensitivity studies. Tasks go to whichever worker is free; results are merged by
// block or point index, never by arrival, so the numbers are the same for any number of workers
// (tests/unit/pool.test.ts). A job can be cancelled (AbortSignal): its queued tasks are dropped and its
// late replies ignored, so a stale result never comes back.

import { buildWorld } from '../model/build';
import type { LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import type { SeedsOptions } from './ensemble';
import { metricNames, type SeedsPlan } from './lean';
import { type PlainSpec, toPlainSpec } from './plain';
import type { Design } from './sensitivity';
import { blockCount, EnsembleMerger, type EnsemblePlan, type EnsembleStats } from './stream';
import { type StudyPlan, studyDesign } from './study';
import type { Reply, Request } from './worker';

export interface WorkerPort {
  send(m: Request, transfer?: ArrayBuffer[]): void;
  /** Set by the pool: a reply, or the worker failed (it is then replaced). */
  onReply: (r: Reply) => void;
  onFailure: (message: string) => void;
  close(): void;
}

export interface JobOptions {
  signal?: AbortSignal;
  /** Called as tasks finish: blocks of seeds, or points of a study. */
  onProgress?: (done: number, total: number) => void;
}

/** Scenarios a worker keeps before it is told to forget the oldest. */
const SPECS_PER_WORKER = 8;
/** Tasks in flight per worker: one running, one waiting, so a worker never idles on a round trip. */
const IN_FLIGHT = 2;

interface Slot {
  port: WorkerPort;
  busy: number;
  specs: number[];
}

interface Job {
  id: number;
  key: number;
  plain: PlainSpec;
  /** Slots that hold this job's state (got its init). */
  inited: Set<number>;
  /** The message that sets a worker up for this job (its id given), if it needs one. */
  init: (id: number) => Request | null;
  tasks: Request[];
  outstanding: number;
  done: number;
  total: number;
  onReply: (r: Reply, slot: number) => void;
  fail: (e: Error) => void;
  opts: JobOptions;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

const keys = new WeakMap<ModelSpec, { key: number; plain: PlainSpec; world: World }>();
let nextKey = 1;

function keyOf(spec: ModelSpec) {
  let k = keys.get(spec);
  if (!k) {
    k = { key: nextKey++, plain: toPlainSpec(spec), world: buildWorld(spec) };
    keys.set(spec, k);
  }
  return k;
}

export class Pool {
  private readonly slots: Slot[];
  private readonly jobs = new Map<number, Job>();
  private readonly order: Job[] = [];
  private nextJob = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly spawn: () => WorkerPort,
  ) {
    if (!(size >= 1)) throw new Error('a pool needs at least one worker');
    this.slots = Array.from({ length: size }, (_, i) => this.slot(i));
  }

  get size(): number {
    return this.slots.length;
  }

  private slot(i: number): Slot {
    const port = this.spawn();
    port.onReply = (r) => this.reply(i, r);
    port.onFailure = (message) => this.failure(i, message);
    return { port, busy: 0, specs: [] };
  }

  /** An ensemble's statistics: the same numbers as streamEnsemble in one thread. */
  async ensemble(spec: ModelSpec, plan: EnsemblePlan, opts: JobOptions = {}): Promise<EnsembleStats> {
    const { key, world } = keyOf(spec);
    const merger = EnsembleMerger.for(world, plan, metricNames(world));
    const blocks = blockCount(plan.seeds);
    return new Promise<EnsembleStats>((resolve, reject) => {
      let parts = 0;
      const job = this.job(spec, opts, reject, {
        init: (id) => ({ type: 'ensemble', job: id, key, plan }),
        tasks: Array.from({ length: blocks }, (_, b) => ({ type: 'block', job: 0, block: b }) as Request),
        onReply: (r) => {
          if (r.type === 'block') {
            merger.addBlock(r.result);
            if (this.progress(job) && job.done === job.total) {
              // Every block is in: collect the histograms of the workers that ran some.
              if (job.inited.size === 0) this.finish(job, () => resolve(merger.result()));
              for (const s of job.inited) this.slots[s].port.send({ type: 'histograms', job: job.id });
            }
          } else if (r.type === 'histograms') {
            merger.addHistograms(r.part);
            if (++parts === job.inited.size) this.finish(job, () => resolve(merger.result()));
          }
        },
      });
    });
  }

  /** The outputs of every point of a study's design, in design order. */
  async study(
    spec: ModelSpec,
    plan: StudyPlan,
    opts: JobOptions & { from?: number; to?: number } = {},
  ): Promise<Float64Array> {
    const { key } = keyOf(spec);
    const design: Design = studyDesign(plan);
    const from = opts.from ?? 0;
    const to = opts.to ?? design.count;
    const y = new Float64Array(to - from);
    const chunk = Math.max(1, Math.min(64, Math.ceil((to - from) / (this.slots.length * 8))));
    const tasks: Request[] = [];
    // Each task carries its rows of the design, so workers need none of the design's code.
    for (let p = from; p < to; p += chunk) {
      const rows = design.rows.slice(p * design.k, Math.min(to, p + chunk) * design.k);
      tasks.push({ type: 'points', job: 0, from: p, rows, k: design.k });
    }
    return new Promise<Float64Array>((resolve, reject) => {
      const job = this.job(spec, opts, reject, {
        init: (id) => ({
          type: 'study',
          job: id,
          key,
          plan: {
            inputs: plan.inputs,
            metric: plan.metric,
            seeds: plan.seeds,
            seedStart: plan.seedStart,
            steps: plan.steps,
            pins: plan.pins,
          },
        }),
        tasks,
        onReply: (r) => {
          if (r.type !== 'points') return;
          y.set(r.y, r.from - from);
          if (this.progress(job) && job.done === job.total) this.finish(job, () => resolve(y));
        },
      });
      if (tasks.length === 0) this.finish(job, () => resolve(y));
    });
  }

  /** Sweep rows (the ensemble means at the horizon), one task per value; each equals sweepSums. */
  async sweep(
    spec: ModelSpec,
    lever: LeverName,
    values: readonly { index: number; value: number }[],
    seeds: SeedsOptions,
    opts: JobOptions = {},
  ): Promise<Float64Array[]> {
    const { key } = keyOf(spec);
    const out: Float64Array[] = new Array(values.length);
    const at = new Map(values.map((v, k) => [v.index, k]));
    const tasks: Request[] = values.map((v) => ({
      type: 'sweep',
      job: 0,
      key,
      index: v.index,
      lever,
      value: v.value,
      opts: seeds,
    }));
    return new Promise<Float64Array[]>((resolve, reject) => {
      const job = this.job(spec, opts, reject, {
        init: () => null,
        tasks,
        onReply: (r) => {
          if (r.type !== 'sweep') return;
          out[at.get(r.index) ?? -1] = r.means;
          if (this.progress(job) && job.done === job.total) this.finish(job, () => resolve(out));
        },
      });
      if (tasks.length === 0) this.finish(job, () => resolve(out));
    });
  }

  /**
   * Every metric at every step of consecutive seeds (runSeeds' layout), in chunks of seeds placed by their
   * first seed: the same array as runSeeds in one thread, whatever the number of workers.
   */
  async seeds(spec: ModelSpec, plan: SeedsPlan, opts: JobOptions = {}): Promise<Float64Array> {
    const { key, world } = keyOf(spec);
    const per = (plan.steps + 1) * metricNames(world).length;
    const out = new Float64Array(plan.count * per);
    const chunk = Math.max(1, Math.min(16, Math.ceil(plan.count / (this.slots.length * 4))));
    const tasks: Request[] = [];
    for (let r = 0; r < plan.count; r += chunk) {
      const sub: SeedsPlan = { ...plan, seedStart: plan.seedStart + r, count: Math.min(chunk, plan.count - r) };
      tasks.push({ type: 'seeds', job: 0, key, plan: sub });
    }
    return new Promise<Float64Array>((resolve, reject) => {
      const job = this.job(spec, opts, reject, {
        init: () => null,
        tasks,
        onReply: (r) => {
          if (r.type !== 'seeds') return;
          out.set(r.values, (r.from - plan.seedStart) * per);
          if (this.progress(job) && job.done === job.total) this.finish(job, () => resolve(out));
        },
      });
      if (tasks.length === 0) this.finish(job, () => resolve(out));
    });
  }

  close(): void {
    this.closed = true;
    for (const j of [...this.jobs.values()]) this.abort(j, new Error('the pool was closed'));
    for (const s of this.slots) s.port.close();
  }

  private job(
    spec: ModelSpec,
    opts: JobOptions,
    reject: (e: Error) => void,
    how: Pick<Job, 'init' | 'tasks' | 'onReply'>,
  ): Job {
    const id = this.nextJob++;
    const { key, plain } = keyOf(spec);
    const job: Job = {
      id,
      key,
      plain,
      inited: new Set(),
      init: how.init,
      tasks: how.tasks.map((t) => ({ ...t, job: id })),
      outstanding: 0,
      done: 0,
      total: how.tasks.length,
      onReply: how.onReply,
      fail: reject,
      opts,
    };
    if (this.closed) {
      reject(new Error('the pool was closed'));
      return job;
    }
    if (opts.signal?.aborted) {
      reject(new CancelledError());
      return job;
    }
    opts.signal?.addEventListener('abort', () => this.abort(job, new CancelledError()), { once: true });
    this.jobs.set(id, job);
    this.order.push(job);
    queueMicrotask(() => this.pump());
    return job;
  }

  /** Count a finished task; false if the job is gone (cancelled or failed). */
  private progress(job: Job): boolean {
    if (!this.jobs.has(job.id)) return false;
    job.done++;
    job.opts.onProgress?.(job.done, job.total);
    return true;
  }

  private finish(job: Job, then: () => void): void {
    this.forgetJob(job);
    try {
      then();
    } catch (e) {
      job.fail(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private forgetJob(job: Job): void {
    this.jobs.delete(job.id);
    const k = this.order.indexOf(job);
    if (k >= 0) this.order.splice(k, 1);
  }

  private abort(job: Job, e: Error): void {
    if (!this.jobs.has(job.id)) return;
    this.forgetJob(job);
    for (const s of job.inited) this.slots[s].port.send({ type: 'drop', job: job.id });
    job.fail(e);
  }

  private ensureSpec(s: number, job: Job): void {
    const slot = this.slots[s];
    const key = job.key;
    const at = slot.specs.indexOf(key);
    if (at >= 0) {
      slot.specs.splice(at, 1);
      slot.specs.push(key);
      return;
    }
    slot.port.send({ type: 'spec', key, plain: job.plain });
    slot.specs.push(key);
    while (slot.specs.length > SPECS_PER_WORKER) {
      const old = slot.specs.shift();
      if (old !== undefined) slot.port.send({ type: 'forget', key: old });
    }
  }

  /** Hand queued tasks to free workers, oldest job first. */
  private pump(): void {
    for (const job of this.order) {
      while (job.tasks.length > 0) {
        let best = -1;
        for (let s = 0; s < this.slots.length; s++) {
          if (this.slots[s].busy < IN_FLIGHT && (best < 0 || this.slots[s].busy < this.slots[best].busy)) best = s;
        }
        if (best < 0) return;
        const task = job.tasks.shift() as Request;
        const slot = this.slots[best];
        // Before every task: a worker forgets its oldest scenarios, and a task may need its job's.
        this.ensureSpec(best, job);
        if (!job.inited.has(best)) {
          const init = job.init(job.id);
          if (init) slot.port.send(init);
          job.inited.add(best);
        }
        slot.busy++;
        job.outstanding++;
        slot.port.send(task, task.type === 'points' ? [task.rows.buffer as ArrayBuffer] : undefined);
      }
    }
  }

  private reply(s: number, r: Reply): void {
    const slot = this.slots[s];
    if (r.type !== 'histograms') slot.busy = Math.max(0, slot.busy - 1);
    const job = this.jobs.get(r.job);
    if (job) {
      if (r.type === 'error') this.abort(job, new Error(r.message));
      else {
        try {
          job.onReply(r, s);
        } catch (e) {
          this.abort(job, e instanceof Error ? e : new Error(String(e)));
        }
      }
    }
    this.pump();
  }

  private failure(s: number, message: string): void {
    // A dead worker takes its state with it: fail every job it held, and start a fresh one in its place.
    for (const job of [...this.jobs.values()])
      if (job.inited.has(s)) this.abort(job, new Error(`a worker failed: ${message}`));
    this.slots[s].port.close();
    if (!this.closed) this.slots[s] = this.slot(s);
    this.pump();
  }
}
