// No indicator contains a lever: every indicator is read off the state (ties, trade, energy, stocks,
// ships), so a lever moves it only through what the actors and the dynamics do with it.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { indicators, N_INDICATORS } from '../../src/model/derive';
import { LEVERS } from '../../src/model/levers';
import { createRng } from '../../src/model/rng';
import { INDICATOR_NAMES } from '../../src/model/spec';
import { initialState, L } from '../../src/model/world';
import { loadPreset } from '../../src/scenario/presets';

describe('indicators', () => {
  for (const id of ['pre-2022', 'post-ukraine']) {
    it(`${id}: setting any lever to its bounds leaves every indicator of the same state unchanged`, () => {
      const r = loadPreset(id);
      if (!r.ok) throw new Error(r.errors.join('; '));
      const w = buildWorld(r.spec);
      const s = initialState(w, createRng(1).state());
      const of = (lev: Float64Array) => indicators(w, s, lev, s.trade, s.other, new Float64Array(N_INDICATORS));
      const base = of(s.levers);
      for (const l of LEVERS) {
        for (const v of [l.min, l.max]) {
          const lev = s.levers.slice();
          lev[L[l.name]] = v;
          const got = of(lev);
          INDICATOR_NAMES.forEach((name, k) => {
            expect(got[k], `${name} with ${l.name}=${v}`).toBe(base[k]);
          });
        }
      }
    });
  }
});
