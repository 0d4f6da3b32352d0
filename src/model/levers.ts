// The levers of MODEL.md section 4. Names are fixed: they appear in files, URLs, CLI flags and tests.

export const LEVER_NAMES = [
  'war',
  'sanctions',
  'ru_econ_policy',
  'us_pivot',
  'us_engagement',
  'cn_jp_tension',
  'jp_rfe_openness',
  'vn_cam_ranh',
  'beta',
  'noise',
] as const;

export type LeverName = (typeof LEVER_NAMES)[number];

export interface LeverInfo {
  readonly name: LeverName;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** A sentence with the value inside, Nicky-Case style: `{v}` is replaced by the formatted value. */
  readonly sentence: string;
  readonly meaning: string;
  readonly source: string;
}

export const LEVERS: readonly LeverInfo[] = [
  {
    name: 'war',
    min: 0,
    max: 1,
    default: 0,
    sentence: "Russia's war in Ukraine at {v} intensity",
    meaning: "intensity of Russia's war in Ukraine",
    source: '000: "dynamic evolution as a result of the Russian war in Ukraine"',
  },
  {
    name: 'sanctions',
    min: 0,
    max: 1,
    default: 0,
    sentence: 'Western sanctions on Russia at {v}',
    meaning: 'Western sanctions on Russia; each actor complies by its sanctionCompliance',
    source: '000: "isolation from the West, sanctions"',
  },
  {
    name: 'ru_econ_policy',
    min: 0,
    max: 1,
    default: 0.5,
    sentence: "Russia's economic policy works at {v}",
    meaning: 'effectiveness of Russia\'s economic policy (low = "failed economic policies")',
    source: '000: "failed economic policies"; 001: "failure to develop the Russian Far East"',
  },
  {
    name: 'us_pivot',
    min: 0,
    max: 1,
    default: 0.5,
    sentence: 'the US rebalance to Asia at {v}',
    meaning: 'intensity of the US rebalance to Asia',
    source: '000: "\'rebalance\' policy"; 001: "the US pivot to Asia"',
  },
  {
    name: 'us_engagement',
    min: 0,
    max: 1,
    default: 0.2,
    sentence: 'Washington treats Russia as a strategic entity in Asia at {v}',
    meaning: 'how far Washington deals with Russia and its Asian relations as a strategic entity',
    source: '000: "Washington renounces the effort to deal with Russia ... as a strategic entity"',
  },
  {
    name: 'cn_jp_tension',
    min: 0,
    max: 1,
    default: 0.5,
    sentence: 'China–Japan tension at {v}',
    meaning: 'China–Japan tension',
    source: '001: "Russia is tapping into China-Japan tensions"',
  },
  {
    name: 'jp_rfe_openness',
    min: 0,
    max: 1,
    default: 0.5,
    sentence: "Japan's openness to Siberia and the Far East at {v}",
    meaning: "Japan's willingness to invest in Siberia/the RFE and buy Russian energy",
    source: '001: "encourage greater Japanese investments and commitment to the development of Siberia and the RFE"',
  },
  {
    name: 'vn_cam_ranh',
    min: 0,
    max: 1,
    default: 0.5,
    sentence: 'Russian naval access to Cam Ranh Bay at {v}',
    meaning: 'Russian naval access to Cam Ranh Bay granted by Vietnam',
    source: '001: "The permission granted by Vietnam to use Cam Ranh Bay"',
  },
  {
    name: 'beta',
    min: 0,
    max: 50,
    default: 40,
    sentence: 'choices are rational at precision {v}',
    meaning: 'rationality of choices (logit precision; large = near best response)',
    source: 'design (quantal response, McKelvey & Palfrey 1995)',
  },
  {
    name: 'noise',
    min: 0,
    max: 0.2,
    default: 0.01,
    sentence: 'random shocks to ties of size {v} per quarter',
    meaning: 'standard deviation of random shocks to ties per step',
    source: 'design',
  },
];

export const LEVER_INDEX: Readonly<Record<LeverName, number>> = Object.fromEntries(
  LEVER_NAMES.map((n, i) => [n, i]),
) as Record<LeverName, number>;

export function leverInfo(name: LeverName): LeverInfo {
  return LEVERS[LEVER_INDEX[name]];
}

export function isLeverName(s: string): s is LeverName {
  return (LEVER_NAMES as readonly string[]).includes(s);
}
