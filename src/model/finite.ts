// The once-per-step check that a run holds only finite numbers. The scenario's bounds are chosen so
// that no run can reach a non-finite value (docs/MODEL.md, "Bounds and limits"); this is the guard
// that makes a breach loud instead of silent: a NaN utility once made every choice "warm toward".
// It reads the state after a step and each actor's utility, and names the first bad quantity.
import { TieDelta } from './delta';
import { computePotentials, makeScratch, type Scratch, utility } from './derive';
import { LEVER_NAMES } from './levers';
import { ENERGY_BUYERS } from './spec';
import { formatQuarter } from './time';
import { N_TERMS, type State, type World } from './world';

export class NonFiniteError extends Error {
  constructor(
    readonly step: number,
    readonly quantity: string,
    readonly value: number,
  ) {
    super(`step ${step}: ${quantity} is not a finite number (${value}); the run stops here`);
    this.name = 'NonFiniteError';
  }
}

const scratchOf = new WeakMap<World, { sc: Scratch; terms: Float64Array }>();

function fail(w: World, s: State, what: string, v: number): never {
  throw new NonFiniteError(s.t, `${what} (${formatQuarter(w.spec.start + s.t)})`, v);
}

function pair(w: World, k: number): string {
  return `${w.ids[Math.floor(k / w.n)]}-${w.ids[k % w.n]}`;
}

/** Index of the first entry of a that is NaN or infinite, or -1. */
function firstBad(a: ArrayLike<number>): number {
  for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k])) return k;
  return -1;
}

/**
 * Throws a NonFiniteError naming the step, its date and the first quantity that is NaN or infinite.
 * `scratch` (a run's, between steps) saves building the security cache again; its potentials are overwritten.
 */
export function assertFinite(w: World, s: State, scratch?: Scratch): void {
  const n = w.n;
  let k = firstBad(s.levers);
  if (k >= 0) fail(w, s, `lever ${LEVER_NAMES[k]}`, s.levers[k]);
  k = firstBad(s.ties);
  if (k >= 0) fail(w, s, `tie ${pair(w, k)}`, s.ties[k]);
  k = firstBad(s.trade);
  if (k >= 0) fail(w, s, `trade ${pair(w, k)}`, s.trade[k]);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(s.other[i])) fail(w, s, `${w.ids[i]}'s trade outside the roster`, s.other[i]);
    if (!Number.isFinite(s.rfe[i])) fail(w, s, `${w.ids[i]}'s RFE investment`, s.rfe[i]);
  }
  k = firstBad(s.energy);
  if (k >= 0) fail(w, s, `the energy share of ${ENERGY_BUYERS[k]}`, s.energy[k]);
  if (!Number.isFinite(s.eastCap)) fail(w, s, "the capacity of Russia's eastward energy routes", s.eastCap);
  if (!Number.isFinite(s.rfeDev)) fail(w, s, 'rfe_development', s.rfeDev);
  if (!Number.isFinite(s.navy)) fail(w, s, "Russia's naval presence in Southeast Asia", s.navy);
  // Utilities: finite state can still overflow in a product, and a NaN utility decides silently. Each is
  // utility()'s total (TieDelta.utilityTotal computes it term for term, in O(n)).
  let x = scratchOf.get(w);
  if (!x) {
    x = { sc: makeScratch(w), terms: new Float64Array(N_TERMS) };
    scratchOf.set(w, x);
  }
  const sc = scratch ?? x.sc;
  computePotentials(w, s, s.levers, sc.potential, sc.otherPotential, sc.base);
  if (!sc.tieDelta && TieDelta.applies(w)) sc.tieDelta = new TieDelta(w);
  const td = sc.tieDelta;
  td?.begin(s, s.levers, sc.potential, sc.otherPotential, sc.sec, w.weights);
  for (let i = 0; i < n; i++) {
    let u: number;
    if (td) {
      td.actor(i);
      u = td.utilityTotal();
    } else u = utility(w, s, s.levers, sc.potential, sc.otherPotential, i, x.terms, sc.sec);
    if (!Number.isFinite(u)) fail(w, s, `${w.ids[i]}'s utility`, u);
  }
}
