// What Run.resume stands on, checked: a snapshot may have been stored, sent or edited, and a run
// resumed from a damaged one would go on silently from a state no run can reach. Shape (every field,
// every length for this world), ranges (the model's invariants), and the hash of the whole.
import { LEVERS } from '../model/levers';
import { hashState } from '../model/step';
import { N_BUYERS, N_LEVERS, N_POLICY, RFE_STOCK_MAX, STATE_FIELDS, type State, type World } from '../model/world';
import type { Snapshot } from './run';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

const FIELDS: readonly string[] = [...STATE_FIELDS.map((f) => f.name), 'rng', 'hash'];

/** The furthest step a snapshot may be of (far past any run: 250 million years of quarters). */
export const SNAPSHOT_T_MAX = 1e9;

function fail(msg: string): never {
  throw new SnapshotError(msg);
}

function num(v: unknown, where: string): number {
  if (typeof v !== 'number')
    fail(`${where}: ${v === null ? 'null' : typeof v === 'string' ? `"${v.slice(0, 20)}"` : typeof v} is not a number`);
  if (!Number.isFinite(v)) fail(`${where}: ${v} is not a finite number`);
  return v;
}

function inRange(v: unknown, where: string, lo: number, hi: number): number {
  const x = num(v, where);
  if (x < lo || x > hi) fail(`${where}: ${x} is outside ${lo}..${hi}`);
  return x;
}

function list(snap: Record<string, unknown>, field: string, length: number): unknown[] {
  const v = snap[field];
  if (!Array.isArray(v)) fail(`${field}: expected ${length} numbers, got ${v === undefined ? 'nothing' : typeof v}`);
  if (v.length !== length) fail(`${field}: expected ${length} numbers, got ${v.length}`);
  return v;
}

/** Checks `x` against world `w`; returns it typed, or throws a SnapshotError naming the first problem. */
export function checkSnapshot(w: World, x: unknown, toState: (s: Snapshot) => State): Snapshot {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail('not an object');
  const snap = x as Record<string, unknown>;
  for (const k of Object.keys(snap)) if (!FIELDS.includes(k)) fail(`unknown field "${k.slice(0, 40)}"`);
  const n = w.n;
  const t = num(snap.t, 't');
  if (!Number.isInteger(t) || t < 0 || t > SNAPSHOT_T_MAX)
    fail(`t: ${t} is not a whole number of steps 0..${SNAPSHOT_T_MAX}`);

  list(snap, 'levers', N_LEVERS).forEach((v, k) => {
    inRange(v, `levers[${k}] (${LEVERS[k].name})`, LEVERS[k].min, LEVERS[k].max);
  });
  const ties = list(snap, 'ties', n * n);
  ties.forEach((v, k) => {
    inRange(v, `ties[${k}]`, -1, 1);
  });
  for (let i = 0; i < n; i++) {
    if (ties[i * n + i] !== 0) fail(`ties[${i * n + i}]: an actor's tie with itself must be 0`);
    for (let j = i + 1; j < n; j++)
      if (ties[i * n + j] !== ties[j * n + i])
        fail(`ties[${i * n + j}]: differs from ties[${j * n + i}] (ties are symmetric)`);
  }
  const nonNegative = (field: string, length: number, hi = Number.POSITIVE_INFINITY) =>
    list(snap, field, length).forEach((v, k) => {
      const y = num(v, `${field}[${k}]`);
      if (y < 0) fail(`${field}[${k}]: ${y} is negative`);
      if (y > hi) fail(`${field}[${k}]: ${y} is above ${hi}`);
    });
  nonNegative('trade', n * n);
  nonNegative('other', n);
  nonNegative('rfe', n, RFE_STOCK_MAX);
  let sum = 0;
  list(snap, 'energy', N_BUYERS).forEach((v, k) => {
    sum += inRange(v, `energy[${k}]`, 0, 1);
  });
  if (Math.abs(sum - 1) > 1e-9) fail(`energy: shares sum to ${sum}, not 1`);
  inRange(snap.eastCap, 'eastCap', 0, 1);
  inRange(snap.rfeDev, 'rfeDev', 0, 1);
  inRange(snap.navy, 'navy', 0, 1);
  const ofSet = (field: string, length: number, allowed: readonly number[], words: string) =>
    list(snap, field, length).forEach((v, k) => {
      if (!allowed.includes(num(v, `${field}[${k}]`))) fail(`${field}[${k}]: ${v} is not ${words}`);
    });
  ofSet('moves', n * n, [-1, 0, 1], '-1, 0 or 1');
  ofSet('policy', n * N_POLICY, [-1, 0, 1], '-1, 0 or 1');
  ofSet('pinned', N_LEVERS, [0, 1], '0 or 1');
  ofSet('fired', w.spec.events.length, [0, 1], '0 or 1');

  const rng = snap.rng;
  if (typeof rng !== 'object' || rng === null) fail('rng: missing (the generator state)');
  const r = rng as Record<string, unknown>;
  for (const k of Object.keys(r))
    if (!['c', 's0', 's1', 's2'].includes(k)) fail(`rng: unknown field "${k.slice(0, 40)}"`);
  const c = num(r.c, 'rng.c');
  if (!Number.isInteger(c) || c < 0 || c >= 2091639) fail(`rng.c: ${c} is not a carry of the alea generator`);
  for (const k of ['s0', 's1', 's2']) {
    const v = inRange(r[k], `rng.${k}`, 0, 1);
    if (v === 1) fail(`rng.${k}: 1 is outside 0..1 (exclusive)`);
  }

  if (snap.hash === undefined) fail('hash: missing (take snapshots with Run.snapshot)');
  if (typeof snap.hash !== 'string') fail('hash: not a string');
  const s = snap as unknown as Snapshot;
  const h = hashState(toState(s));
  if (h !== snap.hash)
    fail(`hash: ${snap.hash.slice(0, 20)} does not match its content (${h}): the snapshot was changed`);
  return s;
}
