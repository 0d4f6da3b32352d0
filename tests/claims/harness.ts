// Paired-seed experiments for the claims of CLAIMS.md: the same seeds run twice, one lever changed,
// and the share of seeds in which the outcome moved in the claimed direction.
import { LEVER_NAMES, type LeverName } from '../../src/model/levers';
import type { World } from '../../src/model/world';
import { loadPreset } from '../../src/scenario/presets';
import { metricNames, type Trajectory, toWorld, trajectory } from '../../src/sim/ensemble';
import type { Pins } from '../../src/sim/run';

export const SEEDS = Number(process.env.CLAIM_SEEDS ?? 100);

const worlds = new Map<string, World>();
export function world(id: string): World {
  let w = worlds.get(id);
  if (!w) {
    const r = loadPreset(id);
    if (!r.ok) throw new Error(r.errors.join('; '));
    w = toWorld(r.spec);
    worlds.set(id, w);
  }
  return w;
}

const cache = new Map<string, Trajectory[]>();
/** Trajectories of seeds 1..SEEDS of a preset under pins (memoised: several claims share runs). */
export function runs(id: string, pins: Pins = {}, seeds = SEEDS): Trajectory[] {
  const key = `${id}|${seeds}|${JSON.stringify(Object.entries(pins).sort())}`;
  let r = cache.get(key);
  if (!r) {
    const w = world(id);
    r = [];
    for (let s = 1; s <= seeds; s++) r.push(trajectory(w, s, w.spec.steps, pins));
    cache.set(key, r);
  }
  return r;
}

export function metricIndex(id: string, metric: string): number {
  const k = metricNames(world(id)).indexOf(metric);
  if (k < 0) throw new Error(`no metric ${metric}`);
  return k;
}

/** Value of a metric at the horizon. */
export function atHorizon(tr: Trajectory, k: number): number {
  return tr.values[tr.values.length - 1][k];
}

export interface PairedResult {
  /** Share of seeds where the outcome under `hi` exceeds the outcome under `lo`. */
  shareUp: number;
  /** Mean of the paired differences hi - lo. */
  meanDiff: number;
}

export function pairedMetric(id: string, metric: string, pinsLo: Pins, pinsHi: Pins): PairedResult {
  const k = metricIndex(id, metric);
  const a = runs(id, pinsLo);
  const b = runs(id, pinsHi);
  let up = 0;
  let sum = 0;
  for (let s = 0; s < a.length; s++) {
    const d = atHorizon(b[s], k) - atHorizon(a[s], k);
    if (d > 0) up++;
    sum += d;
  }
  return { shareUp: up / a.length, meanDiff: sum / a.length };
}

/** Ensemble mean of a metric at the horizon under pins. */
export function meanAtHorizon(id: string, metric: string, pins: Pins): number {
  const k = metricIndex(id, metric);
  const r = runs(id, pins);
  return r.reduce((s, tr) => s + atHorizon(tr, k), 0) / r.length;
}

export function isLever(name: string): name is LeverName {
  return (LEVER_NAMES as readonly string[]).includes(name);
}
