// One ensemble test per claim of CLAIMS.md (≥ 100 seeds, paired by seed). A claim the model's
// honest mechanisms do not reproduce stays here as a known failure (it.fails), with the reason: if a
// change makes it pass, the test turns red and the note must be updated.
import { describe, expect, it } from 'vitest';
import { CLAIMS } from './claims';

const KNOWN_FAILURES: Record<string, string> = {
  C12:
    "Russia's sanction-lost trade is partly diverted to non-complying partners, Central Asia among them " +
    '(parallel imports), and over 16 quarters that outweighs the faster gravity growth of China–Central Asia ' +
    "trade; the model has no Belt-and-Road or Middle-Corridor mechanism that would give China's trade there " +
    'the surge seen in 2022–23.',
  V1:
    "Marvel et al.'s eigenvector result is for the unbounded flow dX/dt = X² with self-ties; the model's ties " +
    'are bounded (clamped to [-1, 1], MODEL.md 3) with a zero diagonal, and saturation reorders late growth: ' +
    '≈ 76% of 200 matrices match (≈ 86% without clamping, ≈ 97% with the diagonal and no clamping).',
};

describe('claims (CLAIMS.md)', () => {
  for (const claim of CLAIMS) {
    const reason = KNOWN_FAILURES[claim.id];
    const body = () => {
      const r = claim.measure();
      for (const c of r.checks) expect.soft(c.pass, `${c.label}: ${c.value.toFixed(3)} (need ${c.need})`).toBe(true);
      expect(r.pass).toBe(true);
    };
    if (reason) it.fails(`${claim.id} (known failure: ${reason})`, body);
    else it(`${claim.id}: ${claim.text}`, body);
  }
});
