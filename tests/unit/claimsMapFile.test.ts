// The claims map the app shows (src/data/claims-map.json) is what the model computes now: the same
// model (fingerprint), parameters and ranges, claims, analysis of its points, and a few of its points
// recomputed from scratch. When this fails, the model or the claims changed: run `npm run claims-map:data`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseMap, claimsMapPlan, evaluateMap, MAP_CLAIMS } from '../../src/sim/claimsMap';
import { type ClaimsMapFile, cliCommand, MAP_FILE_COMMAND, modelFingerprint } from '../../src/sim/claimsMapFile';

const file = JSON.parse(
  readFileSync(new URL('../../src/data/claims-map.json', import.meta.url), 'utf8'),
) as ClaimsMapFile;
const stale = `src/data/claims-map.json is stale: run \`${MAP_FILE_COMMAND}\``;
const plan = claimsMapPlan({ samples: file.plan.samples, seeds: file.plan.seeds, designSeed: file.plan.designSeed });

describe('the committed claims map', () => {
  it('was computed with this model (every preset run hashes the same)', () => {
    expect(file.fingerprint, stale).toEqual(modelFingerprint());
  });

  it('varies the parameters and ranges the map varies now, and judges every claim', () => {
    expect(file.plan, stale).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(file.plan.claims).toEqual([...MAP_CLAIMS]);
    expect(file.result.claims.map((c) => c.id)).toEqual([...MAP_CLAIMS]);
    expect(file.cli).toBe(cliCommand(plan));
  });

  it('says what its points say', () => {
    expect(file.points.map((p) => p.i)).toEqual(Array.from({ length: plan.samples }, (_, i) => i));
    expect(file.result, stale).toEqual(JSON.parse(JSON.stringify(analyseMap(plan, file.points))));
  });

  it('has points the model gives again (two recomputed)', () => {
    for (const p of [0, plan.samples - 1])
      expect(evaluateMap(plan, p, p + 1)[0], `${stale} (point ${p})`).toEqual(file.points[p]);
  });
});
