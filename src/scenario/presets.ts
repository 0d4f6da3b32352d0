// The preset scenarios, bundled (static JSON imports work in Vite and in Node through tsx).
import japanCounterweight from '../../scenarios/japan-counterweight.json';
import noWar2022 from '../../scenarios/no-war-2022.json';
import postUkraine from '../../scenarios/post-ukraine.json';
import pre2022 from '../../scenarios/pre-2022.json';
import usEngagesRussia from '../../scenarios/us-engages-russia.json';
import vietnamClosesCamRanh from '../../scenarios/vietnam-closes-cam-ranh.json';
import { failed, type LoadResult, loadScenario } from './load';

export const PRESETS: Readonly<Record<string, unknown>> = {
  'pre-2022': pre2022,
  'post-ukraine': postUkraine,
  'no-war-2022': noWar2022,
  'us-engages-russia': usEngagesRussia,
  'japan-counterweight': japanCounterweight,
  'vietnam-closes-cam-ranh': vietnamClosesCamRanh,
};

export const PRESET_IDS = Object.keys(PRESETS);
export const DEFAULT_PRESET = 'post-ukraine';

const cache = new Map<string, LoadResult>();

/** Load a preset by id (validated once, then cached). */
export function loadPreset(id: string): LoadResult {
  const hit = cache.get(id);
  if (hit) return hit;
  const json = PRESETS[id];
  if (json === undefined) {
    return failed([`unknown scenario "${id}" (presets: ${PRESET_IDS.join(', ')})`]);
  }
  const r = loadScenario(json);
  cache.set(id, r);
  return r;
}
