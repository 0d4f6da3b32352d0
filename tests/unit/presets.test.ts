// The preset files are written by tools/make-scenarios.ts (typed against the schema): a file edited by
// hand, or a script changed without `npm run scenarios`, fails here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { PRESET_IDS } from '../../src/scenario/presets';
import { PRESET_FILES, presetText } from '../../tools/make-scenarios';

describe('presets', () => {
  it('are exactly the files the generator writes (run `npm run scenarios` after changing it)', () => {
    expect(PRESET_FILES.map((f) => f.id).sort()).toEqual([...PRESET_IDS].sort());
    for (const f of PRESET_FILES) {
      const onDisk = readFileSync(resolve(__dirname, `../../scenarios/${f.id}.json`), 'utf8');
      expect(onDisk, `scenarios/${f.id}.json`).toBe(presetText(f));
    }
  });

  it('are valid scenarios', () => {
    for (const f of PRESET_FILES) {
      const r = loadScenario(JSON.parse(presetText(f)));
      expect(r.ok, r.ok ? f.id : `${f.id}: ${r.errors.join('; ')}`).toBe(true);
    }
  });
});
