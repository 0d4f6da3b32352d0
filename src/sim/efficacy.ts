// What each slider does: every substantive lever pinned at 0 and at 1, and its effect on the headline
// outcomes at the horizon, so a user can see what a lever moves before touching it. The outcomes each
// seed names for a lever (and the direction and era it names) are listed with their sentence.

import { LEVER_NAMES, type LeverName } from '../model/levers';
import { INDICATOR_NAMES, type ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import { toWorld } from './ensemble';
import { type Effect, effect } from './experiment';

/** The levers that stand for something in the world: all but the design's `beta` and `noise`. */
export const SUBSTANTIVE_LEVERS: readonly LeverName[] = LEVER_NAMES.filter((l) => l !== 'beta' && l !== 'noise');

/** The outcomes a user reads first: the six indicators and Russia's ties across the roster. */
export const HEADLINE_OUTCOMES: readonly string[] = [
  ...INDICATOR_NAMES,
  ...['CN-RU', 'CN-US', 'RU-US', 'JP-RU', 'KR-RU', 'KP-RU', 'RU-VN', 'ASEAN-RU', 'CA-RU'],
];

export type Era = 'pre-2022' | 'post-ukraine';

/** An outcome a seed names for a lever: raising the lever moves it in `dir`, in the era the seed speaks of. */
export interface SeedEffect {
  lever: LeverName;
  outcome: string;
  dir: 1 | -1;
  era: Era;
  seed: '000' | '001';
  sentence: string;
}

export const SEED_EFFECTS: readonly SeedEffect[] = [
  {
    lever: 'war',
    outcome: 'ru_dependence_on_cn',
    dir: 1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'due to its invasion of Ukraine ... it is losing out to China and becoming more dependent on it',
  },
  {
    lever: 'war',
    outcome: 'ru_autonomy',
    dir: -1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'increasingly unable to compete with China or assert that independence, due to its invasion of Ukraine',
  },
  {
    lever: 'sanctions',
    outcome: 'ru_dependence_on_cn',
    dir: 1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'isolation from the West, sanctions ... becoming more dependent on it',
  },
  {
    lever: 'ru_econ_policy',
    outcome: 'ru_dependence_on_cn',
    dir: -1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'failed economic policies ... becoming more dependent on it',
  },
  {
    lever: 'ru_econ_policy',
    outcome: 'rfe_development',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: 'Russia\'s failure to develop the Russian Far East (RFE) has forced it to "turn to China for help"',
  },
  {
    lever: 'us_pivot',
    outcome: 'CN-RU',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: 'the impact of the US pivot to Asia on Russo-Chinese relations',
  },
  {
    lever: 'us_engagement',
    outcome: 'CN-RU',
    dir: -1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'Washington renounces the effort to deal with Russia and its Asian relations as a strategic entity',
  },
  {
    lever: 'us_engagement',
    outcome: 'ru_autonomy',
    dir: 1,
    era: 'post-ukraine',
    seed: '000',
    sentence: 'Washington renounces the effort to deal with Russia and its Asian relations as a strategic entity',
  },
  {
    lever: 'cn_jp_tension',
    outcome: 'JP-RU',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: 'Russia is tapping into China-Japan tensions to encourage greater Japanese investments',
  },
  {
    lever: 'cn_jp_tension',
    outcome: 'rfe_development',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence:
      'tapping into China-Japan tensions to encourage greater Japanese investments ... development of Siberia and the RFE',
  },
  {
    lever: 'jp_rfe_openness',
    outcome: 'ru_dependence_on_cn',
    dir: -1,
    era: 'pre-2022',
    seed: '001',
    sentence:
      "Japanese investments ... would ... diminish Russia's current overdependence on Chinese investment and trade",
  },
  {
    lever: 'jp_rfe_openness',
    outcome: 'rfe_development',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: 'greater Japanese investments and commitment to the development of Siberia and the RFE',
  },
  {
    lever: 'jp_rfe_openness',
    outcome: 'ru_negotiating_space',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: "Russia's energy cooperation with Japan has increased Moscow's negotiating space vis-a-vis China",
  },
  {
    lever: 'vn_cam_ranh',
    outcome: 'ru_sea_presence',
    dir: 1,
    era: 'pre-2022',
    seed: '001',
    sentence: 'The permission granted by Vietnam to use Cam Ranh Bay means that Russia gains a foothold',
  },
  {
    lever: 'vn_cam_ranh',
    outcome: 'CN-RU',
    dir: -1,
    era: 'pre-2022',
    seed: '001',
    sentence: "the impact of Russia's renewed ties with Vietnam on Russo-Chinese relations",
  },
];

/** The smallest effect a user can see: 0.02 on a 0..1 indicator, 0.05 on a tie (-1..1). */
export function visibleAmount(outcome: string): number {
  return outcome.includes('-') ? 0.05 : 0.02;
}

/** Does an effect meet the bar for a seed-named outcome: the seed's direction, >= 1 seed SD, visible? */
export function meetsBar(e: Effect, dir: 1 | -1): boolean {
  return e.d * dir >= 1 && e.diff * dir >= visibleAmount(e.metric);
}

export interface EfficacyRow {
  lever: LeverName;
  effects: Effect[];
}

/** Every substantive lever at 0 against 1 (pinned for the whole run) on the headline outcomes. */
export function efficacy(
  spec: ModelSpec | World,
  seeds: number,
  levers: readonly LeverName[] = SUBSTANTIVE_LEVERS,
  outcomes: readonly string[] = HEADLINE_OUTCOMES,
): EfficacyRow[] {
  const world = toWorld(spec);
  return levers.map((lever) => ({
    lever,
    effects: outcomes.map((o) => effect({ world, pins: { [lever]: 0 } }, { world, pins: { [lever]: 1 } }, o, seeds)),
  }));
}
