// Every substantive lever works through a mechanism: pinned at 0 against 1, it moves an outcome a seed names
// for it, in the seed's direction and era, by >= 1 seed SD on unpaired seeds and by a visible amount.
import { describe, expect, it } from 'vitest';
import { presetContext } from '../../src/sim/claims';
import { type Era, efficacy, meetsBar, SEED_EFFECTS, SUBSTANTIVE_LEVERS } from '../../src/sim/efficacy';

const SEEDS = Number(process.env.CLAIM_SEEDS ?? 60);
const ctx = presetContext(SEEDS);
const ERAS: Era[] = ['pre-2022', 'post-ukraine'];
const tables = new Map(ERAS.map((era) => [era, efficacy(ctx.world(era), SEEDS)]));

describe('lever efficacy (sim efficacy)', () => {
  for (const lever of SUBSTANTIVE_LEVERS) {
    it(`${lever} moves a seed-named outcome by >= 1 seed SD and visibly, in the seed's direction and era`, () => {
      const results = SEED_EFFECTS.filter((s) => s.lever === lever).map((s) => {
        const row = tables.get(s.era)?.find((r) => r.lever === lever);
        const e = row?.effects.find((x) => x.metric === s.outcome);
        if (!e) throw new Error(`no ${s.outcome} in the ${s.era} table`);
        return { s, e, ok: meetsBar(e, s.dir) };
      });
      const detail = results
        .map((r) => `${r.s.era} ${r.s.outcome}: ${r.e.diff.toFixed(3)} (d ${r.e.d.toFixed(2)})`)
        .join('; ');
      expect(
        results.some((r) => r.ok),
        detail,
      ).toBe(true);
    });
  }
});
