// The once-per-step check that a run holds only finite numbers. The scenario's bounds are chosen so
// that no run can reach a non-finite value (docs/MODEL.md, "Bounds and limits"); this is the guard
// that makes a breach loud instead of silent: a NaN utility once made every choice "warm toward".
// It reads the state after a step and each actor's utility, and names the first bad quantity.
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

/** Throws a NonFiniteError naming the step, its date and the first quantity that is NaN or infinite. */
export function assertFinite(w: World, s: State): void {
  const n = w.n;
  const fail = (what: string, v: number): never => {
    throw new NonFiniteError(s.t, `${what} (${formatQuarter(w.spec.start + s.t)})`, v);
  };
  const pair = (k: number) => `${w.ids[Math.floor(k / n)]}-${w.ids[k % n]}`;
  for (let k = 0; k < s.levers.length; k++)
    if (!Number.isFinite(s.levers[k])) fail(`lever ${LEVER_NAMES[k]}`, s.levers[k]);
  for (let k = 0; k < n * n; k++) if (!Number.isFinite(s.ties[k])) fail(`tie ${pair(k)}`, s.ties[k]);
  for (let k = 0; k < n * n; k++) if (!Number.isFinite(s.trade[k])) fail(`trade ${pair(k)}`, s.trade[k]);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(s.other[i])) fail(`${w.ids[i]}'s trade outside the roster`, s.other[i]);
    if (!Number.isFinite(s.rfe[i])) fail(`${w.ids[i]}'s RFE investment`, s.rfe[i]);
  }
  for (let b = 0; b < s.energy.length; b++)
    if (!Number.isFinite(s.energy[b])) fail(`the energy share of ${ENERGY_BUYERS[b]}`, s.energy[b]);
  if (!Number.isFinite(s.eastCap)) fail("the capacity of Russia's eastward energy routes", s.eastCap);
  if (!Number.isFinite(s.rfeDev)) fail('rfe_development', s.rfeDev);
  if (!Number.isFinite(s.navy)) fail("Russia's naval presence in Southeast Asia", s.navy);
  // Utilities: finite state can still overflow in a product, and a NaN utility decides silently.
  let x = scratchOf.get(w);
  if (!x) {
    x = { sc: makeScratch(w), terms: new Float64Array(N_TERMS) };
    scratchOf.set(w, x);
  }
  computePotentials(w, s, s.levers, x.sc.potential, x.sc.otherPotential);
  for (let i = 0; i < n; i++) {
    const u = utility(w, s, s.levers, x.sc.potential, x.sc.otherPotential, i, x.terms);
    if (!Number.isFinite(u)) fail(`${w.ids[i]}'s utility`, u);
  }
}
