// A Run: one seeded trajectory with its history, snapshots and step records. It owns time; the model
// owns the mechanics (matter.js's Engine/Runner split). Every state of a scenario's horizon is kept, so
// seeking there is a copy; a longer run keeps keyframes and recomputes between them (see Run).
import { blocsOf } from '../model/blocs';
import { buildWorld } from '../model/build';
import { computePotentials, IND, indicators, makeScratch, N_INDICATORS, type Scratch, utility } from '../model/derive';
import { LEVER_INDEX, LEVER_NAMES, LEVERS, type LeverName } from '../model/levers';
import { createRng, type RngState } from '../model/rng';
import { ENERGY_BUYERS, INDICATOR_NAMES, type ModelSpec, TERM_NAMES, type TermName } from '../model/spec';
import { applyEvents, conditionEnv, hashState, type PolicyKind, type Recorder, step } from '../model/step';
import { formatQuarter } from '../model/time';
import { classifyTriangle, type TriangleConfig, type TriangleRole } from '../model/triangle';
import {
  cloneState,
  initialState,
  N_TERMS,
  type State,
  stateFromPlain,
  stateToPlain,
  type World,
} from '../model/world';
import { checkSnapshot } from './snapshot';

export { SnapshotError } from './snapshot';

export type Pins = Partial<Record<LeverName, number>>;

export interface MoveRecord {
  actor: string;
  kind: 'tie' | PolicyKind;
  /** Actor id for a tie move, lever name for a lever move, "RFE" or "energy" otherwise. */
  target: string;
  move: -1 | 1;
  /** Words for the move: "warm toward JP", "shift energy east", "raise vn_cam_ranh", ... */
  label: string;
  /** Probability the logit rule gave this move. */
  p: number;
  /** Utility change of this move against holding, per term (weighted), non-zero terms only. */
  dU: Partial<Record<TermName, number>>;
}

export interface UtilityRecord {
  total: number;
  terms: Partial<Record<TermName, number>>;
}

export interface StepRecord {
  t: number;
  date: string;
  /** Hash of the full state at this step (generator included). */
  hash: string;
  ties: Record<string, number>;
  indicators: Record<string, number>;
  triangle: {
    config: TriangleConfig;
    roles: { US: TriangleRole; CN: TriangleRole; RU: TriangleRole };
    neutral: string[];
  };
  blocs: [string[], string[]];
  levers: Record<LeverName, number>;
  energy: Record<string, number>;
  trade: Record<string, number>;
  utility: Record<string, UtilityRecord>;
  moves: MoveRecord[];
  events: string[];
  /**
   * The scenario's extra indicators that gave no number at this step (NaN in `indicators`, null in
   * JSON); present only when there are some.
   */
  missing?: string[];
}

/** A JSON-able copy of a state (every field of the model's STATE_FIELDS): what replay, scrubbing and URL sharing stand on. */
export interface Snapshot {
  t: number;
  levers: number[];
  ties: number[];
  trade: number[];
  other: number[];
  energy: number[];
  eastCap: number;
  rfe: number[];
  rfeDev: number;
  navy: number;
  moves: number[];
  policy: number[];
  pinned: number[];
  fired: number[];
  rng: RngState;
  /** hashState of all of the above: Run.resume refuses a snapshot whose content does not match it. */
  hash: string;
}

export function toSnapshot(s: State): Snapshot {
  return { ...(stateToPlain(s) as unknown as Omit<Snapshot, 'rng' | 'hash'>), rng: { ...s.rng }, hash: hashState(s) };
}

export function fromSnapshot(snap: Snapshot): State {
  return stateFromPlain(snap as unknown as Record<string, unknown>, snap.rng);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Check pinned lever values; returns the problem in words, or null. */
export function checkPins(pins: Pins): string | null {
  for (const [name, v] of Object.entries(pins)) {
    const info = LEVERS.find((l) => l.name === name);
    if (!info) return `unknown lever "${name}" (levers: ${LEVER_NAMES.join(', ')})`;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < info.min || v > info.max) {
      return `${name}=${v} is out of range ${info.min}..${info.max}`;
    }
  }
  return null;
}

interface HistoryEntry {
  state: State;
  moves: MoveRecord[];
  events: string[];
}

class MoveCollector implements Recorder {
  moves: MoveRecord[] = [];
  constructor(private readonly world: World) {}
  decision(
    actor: number,
    kind: 'tie' | PolicyKind,
    target: number,
    move: number,
    probability: number,
    dTerms: Float64Array,
  ): void {
    const w = this.world;
    const dU: Partial<Record<TermName, number>> = {};
    for (let k = 0; k < N_TERMS; k++) if (dTerms[k] !== 0) dU[TERM_NAMES[k]] = dTerms[k];
    const m = move > 0 ? 1 : -1;
    let t: string;
    let label: string;
    if (kind === 'tie') {
      t = w.ids[target];
      label = `${m > 0 ? 'warm toward' : 'cool toward'} ${t}`;
    } else if (kind === 'energy') {
      t = 'energy';
      label = m > 0 ? 'shift energy east' : 'shift energy west';
    } else if (kind === 'invest') {
      t = 'RFE';
      label = m > 0 ? 'invest more in the Russian Far East' : 'invest less in the Russian Far East';
    } else if (kind === 'navy') {
      t = 'navy';
      label = m > 0 ? 'send more ships to Cam Ranh Bay' : 'withdraw ships from Cam Ranh Bay';
    } else {
      t = LEVER_NAMES[target];
      label = `${m > 0 ? 'raise' : 'lower'} ${t}`;
    }
    this.moves.push({ actor: w.ids[actor], kind, target: t, move: m as -1 | 1, label, p: probability, dU });
  }
}

export interface RunOptions {
  seed?: number;
  /** Levers pinned for the whole run (`--set`): events and decisions do not move them. */
  pins?: Pins;
  /** Record every decision with its utility change (the app and `run` want this; ensembles do not). */
  record?: boolean;
  /** Steps from the start kept whole, so that seeking among them is a copy (default DENSE_STEPS). */
  denseSteps?: number;
  /** Beyond those, one step in this many is kept (a keyframe); the others are recomputed when asked for. */
  keyframeEvery?: number;
}

/** Every step of any scenario's own horizon is kept: the app and the CLI never recompute. */
export const DENSE_STEPS = 400;
/** Keyframe spacing beyond: a seek recomputes at most this many steps less one, once per stretch. */
export const KEYFRAME_EVERY = 64;

/**
 * A Run owns time. It keeps every step up to `denseSteps`, then one step in `keyframeEvery` (and the
 * furthest step, and every step where a lever was set): a 100,000-step run holds about 2,000 states,
 * not 100,000. A step that is not kept is recomputed from the keyframe before it, which gives the same
 * state bit for bit (a step is a pure function of the state, generator included); the last stretch
 * recomputed is cached, so scrubbing within it is a copy again.
 */
export class Run {
  readonly world: World;
  readonly seed: number;
  readonly pins: Pins;
  private readonly scratch: Scratch;
  private readonly record: boolean;
  private readonly dense: number;
  private readonly every: number;
  /** Kept steps: dense ones, keyframes, lever changes and the furthest step. */
  private kept = new Map<number, HistoryEntry>();
  /** Steps where a lever was set: kept, since recomputing from before would miss the change. */
  private roots = new Set<number>();
  /** The stretch recomputed last (steps between two kept ones). */
  private cache = new Map<number, HistoryEntry>();
  /** The current step and its entry. */
  private cursor = 0;
  private cur: HistoryEntry;
  /** The furthest step computed. */
  private tip = 0;
  /** The first step this run knows: 0, or the step of the snapshot it was resumed from. */
  private first = 0;

  constructor(spec: ModelSpec | World, opts: RunOptions = {}) {
    this.world = 'spec' in spec && 'n' in spec ? spec : buildWorld(spec as ModelSpec);
    this.seed = opts.seed ?? this.world.spec.seed;
    this.pins = { ...(opts.pins ?? {}) };
    const problem = checkPins(this.pins);
    if (problem) throw new RangeError(problem);
    this.record = opts.record ?? true;
    this.dense = opts.denseSteps ?? DENSE_STEPS;
    this.every = Math.max(1, Math.floor(opts.keyframeEvery ?? KEYFRAME_EVERY));
    this.scratch = makeScratch(this.world);
    const s = initialState(this.world, createRng(this.seed).state());
    for (const [name, v] of Object.entries(this.pins)) {
      const k = LEVER_INDEX[name as LeverName];
      s.levers[k] = v as number;
      s.pinned[k] = 1;
    }
    const events = applyEvents(this.world, s);
    this.cur = { state: s, moves: [], events };
    this.kept.set(0, this.cur);
  }

  /**
   * Resume from a snapshot: the continuation is identical to the run the snapshot came from. The
   * snapshot is checked first (shape for this world, ranges, hash); a damaged one throws a
   * SnapshotError naming the problem.
   */
  static resume(spec: ModelSpec | World, snap: Snapshot, opts: RunOptions = {}): Run {
    const run = new Run(spec, opts);
    const s = fromSnapshot(checkSnapshot(run.world, snap, fromSnapshot));
    // Steps before the snapshot are not known: `first` says so.
    run.kept.clear();
    run.cur = { state: s, moves: [], events: [] };
    run.kept.set(s.t, run.cur);
    run.cursor = run.tip = run.first = s.t;
    return run;
  }

  get t(): number {
    return this.cursor;
  }

  /** The furthest step computed so far. */
  get computed(): number {
    return this.tip;
  }

  get state(): Readonly<State> {
    return this.cur.state;
  }

  get date(): string {
    return formatQuarter(this.world.spec.start + this.cursor);
  }

  /** How many states the run holds (kept and cached): what its memory grows with. */
  get statesHeld(): number {
    return this.kept.size + this.cache.size;
  }

  private keeps(t: number): boolean {
    return t - this.first <= this.dense || (t - this.first) % this.every === 0 || this.roots.has(t);
  }

  /** The entry after `e` (of step t): one model step, with its moves recorded when asked. */
  private advance(e: HistoryEntry): HistoryEntry {
    const s = cloneState(e.state);
    const rec = this.record ? new MoveCollector(this.world) : undefined;
    step(this.world, s, this.scratch, rec);
    // Events were applied inside step; find which fired by comparing the fired flags.
    const events: string[] = [];
    for (let k = 0; k < s.fired.length; k++)
      if (s.fired[k] && !e.state.fired[k]) events.push(this.world.spec.events[k].label);
    return { state: s, moves: rec ? rec.moves : [], events };
  }

  /** Advance one quarter from the current step; a later history (after a seek back) is reused. */
  step(): void {
    const t = this.cursor + 1;
    if (t <= this.tip) {
      let next = this.kept.get(t) ?? this.cache.get(t);
      if (!next) {
        // Into a stretch between keyframes: the cache holds this stretch only.
        if (this.kept.has(t - 1)) this.cache.clear();
        next = this.advance(this.cur);
        this.cache.set(t, next);
      }
      this.cur = next;
      this.cursor = t;
      return;
    }
    const next = this.advance(this.cur);
    // The old furthest step stays only if it is kept for its own sake.
    if (!this.keeps(this.tip)) this.kept.delete(this.tip);
    this.kept.set(t, next);
    this.cur = next;
    this.cursor = this.tip = t;
  }

  /** Run forward until step t (computing what is missing). */
  runTo(t: number): void {
    while (this.cursor < t) this.step();
  }

  /** Jump to step t: a copy when kept, recomputed from the keyframe before it otherwise. */
  seek(t: number): void {
    if (t < this.first) t = this.first;
    if (t <= this.tip) {
      this.cur = this.materialize(t);
      this.cursor = t;
      return;
    }
    this.cur = this.materialize(this.tip);
    this.cursor = this.tip;
    this.runTo(t);
  }

  /**
   * Change a lever from the current step on: the history after this step is dropped and the lever is
   * pinned (events and decisions no longer move it), so the future is recomputed under the new value.
   */
  setLever(name: LeverName, value: number): void {
    const problem = checkPins({ [name]: value });
    if (problem) throw new RangeError(problem);
    const k = LEVER_INDEX[name];
    const s = cloneState(this.cur.state);
    s.levers[k] = value;
    s.pinned[k] = 1;
    for (const t of [...this.kept.keys()]) if (t > this.cursor) this.kept.delete(t);
    for (const t of [...this.roots]) if (t > this.cursor) this.roots.delete(t);
    this.cache.clear();
    this.cur = { ...this.cur, state: s };
    this.kept.set(this.cursor, this.cur);
    this.roots.add(this.cursor);
    this.tip = this.cursor;
  }

  snapshot(t = this.cursor): Snapshot {
    return toSnapshot(this.entry(t).state);
  }

  hash(t = this.cursor): string {
    return hashState(this.entry(t).state);
  }

  stateAt(t: number): Readonly<State> {
    return this.entry(t).state;
  }

  /** The history entry of step t, or a clear error for a step this run has not computed. */
  private entry(t: number): HistoryEntry {
    if (!Number.isInteger(t) || t < this.first || t > this.tip) {
      throw new RangeError(
        t < this.first
          ? `step ${t} is before the snapshot (step ${this.first}) this run was resumed from`
          : `step ${t} has not been computed (computed up to ${this.computed})`,
      );
    }
    return this.materialize(t);
  }

  /** Entry t (first <= t <= tip): kept, cached, or recomputed with the rest of its stretch. */
  private materialize(t: number): HistoryEntry {
    if (t === this.cursor) return this.cur;
    const hit = this.kept.get(t) ?? this.cache.get(t);
    if (hit) return hit;
    let base = t - 1;
    while (!this.kept.has(base)) base--;
    this.cache.clear();
    let e = this.kept.get(base) as HistoryEntry;
    for (let u = base + 1; u <= this.tip && !this.kept.has(u); u++) {
      e = this.advance(e);
      this.cache.set(u, e);
    }
    return this.cache.get(t) as HistoryEntry;
  }

  /**
   * Indicators (built-in and the scenario's extras) of step t, from realised trade. An extra that gives
   * no finite number there is NaN: missing at that step (see StepRecord.missing).
   */
  indicatorsAt(t = this.cursor): Record<string, number> {
    const w = this.world;
    const s = this.entry(t).state;
    const ind = indicators(w, s, s.levers, s.trade, s.other, new Float64Array(N_INDICATORS));
    const out: Record<string, number> = {};
    INDICATOR_NAMES.forEach((name, k) => {
      out[name] = ind[k];
    });
    if (w.spec.indicators.length > 0) {
      const env = conditionEnv(w, s, ind);
      for (const x of w.spec.indicators) {
        const v = x.evaluate(env);
        out[x.name] = v;
        env[x.name] = v;
      }
    }
    return out;
  }

  /** The full record of step t: what `run --format json` prints and the app shows. */
  recordAt(t = this.cursor): StepRecord {
    const w = this.world;
    const n = w.n;
    const entry = this.entry(t);
    const s = entry.state;
    const ties: Record<string, number> = {};
    const trade: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const key = pairKey(w.ids[i], w.ids[j]);
        ties[key] = s.ties[i * n + j];
        if (w.x0[i * n + j] > 0 || s.trade[i * n + j] > 0) trade[key] = s.trade[i * n + j];
      }
    }
    const tri = classifyTriangle(
      s.ties[w.us * n + w.cn],
      s.ties[w.us * n + w.ru],
      s.ties[w.cn * n + w.ru],
      w.params.epsilon,
    );
    const dyadNames: Record<string, string> = { ab: 'CN-US', ac: 'RU-US', bc: 'CN-RU' };
    const [ba, bb] = blocsOf(s.ties, n);
    const P = new Float64Array(n * n);
    const O = new Float64Array(n);
    computePotentials(w, s, s.levers, P, O);
    const terms = new Float64Array(N_TERMS);
    const utilityRec: Record<string, UtilityRecord> = {};
    for (let i = 0; i < n; i++) {
      const total = utility(w, s, s.levers, P, O, i, terms);
      const rec: Partial<Record<TermName, number>> = {};
      for (let k = 0; k < N_TERMS; k++) if (w.weights[i * N_TERMS + k] !== 0) rec[TERM_NAMES[k]] = terms[k];
      utilityRec[w.ids[i]] = { total, terms: rec };
    }
    const levers = {} as Record<LeverName, number>;
    LEVER_NAMES.forEach((name, k) => {
      levers[name] = s.levers[k];
    });
    const energy: Record<string, number> = {};
    ENERGY_BUYERS.forEach((b, k) => {
      energy[b] = s.energy[k];
    });
    const ind = this.indicatorsAt(t);
    const missing = w.spec.indicators.filter((x) => !Number.isFinite(ind[x.name])).map((x) => x.name);
    return {
      t,
      date: formatQuarter(w.spec.start + t),
      hash: hashState(s),
      ties,
      indicators: ind,
      triangle: {
        config: tri.config,
        roles: { US: tri.roles[0], CN: tri.roles[1], RU: tri.roles[2] },
        neutral: tri.neutral.map((d) => dyadNames[d]),
      },
      blocs: [ba.map((i) => w.ids[i]), bb.map((i) => w.ids[i])],
      levers,
      energy,
      trade,
      utility: utilityRec,
      moves: entry.moves,
      events: entry.events,
      ...(missing.length > 0 ? { missing } : {}),
    };
  }
}

export { IND };
