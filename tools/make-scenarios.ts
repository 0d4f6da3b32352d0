// The preset scenarios, written from one place so they share their roster, data and sources. The JSON
// files in scenarios/ are what the app and the CLI read; `npm run scenarios` rewrites them from here, and
// tests/unit/presets.test.ts fails when a file and this script disagree.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioInput } from '../src/scenario/schema';

type Actor = ScenarioInput['actors'][number];
type Security = NonNullable<ScenarioInput['security']>[number];

function roster(pre: boolean): Actor[] {
  // 2012 figures for pre-2022; 2021 figures (and 2022 sanctions) for post-ukraine.
  return [
    {
      id: 'US',
      name: 'United States',
      color: '#2f6fd0',
      sanctionCompliance: 1,
      asian: false,
      growth: 0.02,
      otherTrade: pre ? 2197 : 1897,
      warSupply: 0,
      counterweightScale: 'us_engagement',
    },
    {
      id: 'CN',
      name: 'China',
      color: '#d8343a',
      sanctionCompliance: 0,
      asian: true,
      growth: 0.05,
      otherTrade: pre ? 1711 : 2664,
      warSupply: 0.5,
    },
    {
      id: 'RU',
      name: 'Russia',
      color: '#8b4fc9',
      sanctionCompliance: 0,
      asian: true,
      growth: pre ? -0.01 : 0.0,
      otherTrade: pre ? 232 : 216.3,
      warSupply: 0,
    },
    {
      id: 'JP',
      name: 'Japan',
      color: '#9a8f84',
      sanctionCompliance: pre ? 0.5 : 0.8,
      asian: true,
      growth: pre ? -0.01 : 0.01,
      otherTrade: pre ? 643 : 441,
      warSupply: 0,
      counterweightScale: 'cn_jp_tension',
    },
    {
      id: 'KR',
      name: 'South Korea',
      color: '#8d9aa3',
      sanctionCompliance: pre ? 0.1 : 0.7,
      asian: true,
      growth: 0.02,
      otherTrade: pre ? 364 : 293,
      warSupply: 0,
    },
    {
      id: 'KP',
      name: 'North Korea',
      color: '#7f7a8c',
      sanctionCompliance: 0,
      asian: true,
      growth: pre ? -0.05 : 0.0,
      otherTrade: pre ? 0 : 0.36,
      warSupply: 1,
    },
    {
      id: 'VN',
      name: 'Vietnam',
      color: '#9aa58b',
      sanctionCompliance: 0,
      asian: true,
      growth: pre ? 0.1 : 0.06,
      otherTrade: pre ? 53 : 99,
      warSupply: 0,
    },
    {
      id: 'ASEAN',
      name: 'ASEAN (rest)',
      color: '#a39783',
      sanctionCompliance: 0.1,
      asian: true,
      growth: pre ? 0.03 : 0.04,
      otherTrade: pre ? 571 : 369,
      warSupply: 0.1,
    },
    {
      id: 'CA',
      name: 'Central Asia',
      color: '#a08f7a',
      sanctionCompliance: pre ? 0 : 0.2,
      asian: true,
      growth: pre ? 0.01 : 0.03,
      otherTrade: pre ? 20 : 44,
      warSupply: 0.2,
    },
    {
      id: 'EU',
      name: 'Europe',
      color: '#7f93a8',
      sanctionCompliance: 1,
      asian: false,
      growth: pre ? 0.015 : 0.01,
      otherTrade: pre ? 2333 : 2313,
      warSupply: 0,
    },
  ];
}

const TRADE_2012: Record<string, number> = {
  'CN-RU': 88.2,
  'EU-RU': 406,
  'RU-US': 28,
  'JP-RU': 31,
  'KR-RU': 25,
  'KP-RU': 0.1,
  'RU-VN': 3.7,
  'ASEAN-RU': 14,
  'CA-RU': 36,
  'CN-US': 485,
  'CN-EU': 546,
  'CN-JP': 329,
  'CN-KR': 256,
  'CN-KP': 6,
  'CN-VN': 50,
  'ASEAN-CN': 350,
  'CA-CN': 46,
  'EU-US': 650,
  'JP-US': 216,
  'KR-US': 101,
  'US-VN': 25,
  'ASEAN-US': 175,
  'CA-US': 3,
  'EU-JP': 140,
  'EU-KR': 90,
  'EU-VN': 30,
  'ASEAN-EU': 160,
  'CA-EU': 45,
  'JP-KR': 100,
  'JP-VN': 25,
  'ASEAN-JP': 200,
  'KR-VN': 21,
  'ASEAN-KR': 110,
  'KP-KR': 2,
  'ASEAN-VN': 20,
};

const TRADE_2021: Record<string, number> = {
  'CN-RU': 146.9,
  'EU-RU': 282,
  'RU-US': 36,
  'JP-RU': 19.9,
  'KR-RU': 29.8,
  'KP-RU': 0.04,
  'RU-VN': 7.1,
  'ASEAN-RU': 13,
  'CA-RU': 38,
  'CN-US': 756,
  'CN-EU': 828,
  'CN-JP': 371,
  'CN-KR': 362,
  'CN-KP': 0.3,
  'CN-VN': 230,
  'ASEAN-CN': 648,
  'CA-CN': 44,
  'EU-US': 1100,
  'JP-US': 215,
  'KR-US': 170,
  'US-VN': 112,
  'ASEAN-US': 300,
  'CA-US': 4,
  'EU-JP': 150,
  'EU-KR': 120,
  'EU-VN': 57,
  'ASEAN-EU': 210,
  'CA-EU': 40,
  'JP-KR': 85,
  'JP-VN': 43,
  'ASEAN-JP': 200,
  'KR-VN': 80,
  'ASEAN-KR': 120,
  'ASEAN-VN': 40,
};

const TIES_2012: Record<string, number> = {
  'CN-RU': 0.5,
  'CN-US': -0.15,
  'RU-US': -0.15,
  'JP-US': 0.7,
  'KR-US': 0.7,
  'EU-US': 0.7,
  'US-VN': 0.1,
  'ASEAN-US': 0.3,
  'CA-US': 0.1,
  'KP-US': -0.8,
  'CN-JP': -0.3,
  'CN-KR': 0.2,
  'CN-KP': 0.4,
  'CN-VN': -0.1,
  'ASEAN-CN': 0.1,
  'CA-CN': 0.3,
  'CN-EU': 0.2,
  'JP-RU': 0.05,
  'KR-RU': 0.15,
  'KP-RU': 0.1,
  'RU-VN': 0.4,
  'ASEAN-RU': 0.15,
  'CA-RU': 0.5,
  'EU-RU': 0.1,
  'JP-KR': 0.2,
  'KP-KR': -0.6,
  'JP-KP': -0.7,
  'JP-VN': 0.3,
  'KR-VN': 0.3,
  'ASEAN-JP': 0.4,
  'ASEAN-KR': 0.3,
  'EU-JP': 0.5,
  'EU-KR': 0.4,
  'ASEAN-VN': 0.3,
};

const TIES_2021: Record<string, number> = {
  ...TIES_2012,
  'CN-RU': 0.6,
  'CN-US': -0.4,
  'RU-US': -0.45,
  'EU-RU': -0.3,
  'JP-RU': 0.1,
  'KR-RU': 0.1,
  'KP-RU': 0.15,
  'RU-VN': 0.35,
  'CN-JP': -0.35,
  'CN-EU': 0.0,
  'CN-KR': 0.1,
  'CN-VN': -0.2,
};

const SECURITY: Security[] = [
  { between: ['JP', 'US'], weight: 0.8, note: 'US alliance with Japan' },
  { between: ['KR', 'US'], weight: 0.8, note: 'US alliance with South Korea' },
  { between: ['EU', 'US'], weight: 0.7, note: 'NATO' },
  {
    between: ['CN', 'US'],
    weight: -0.6,
    scale: 'us_pivot',
    note: "Sino-American rivalry, 'Asia's defining strategic relationship'; sharpened by the rebalance",
  },
  {
    between: ['RU', 'US'],
    weight: -0.7,
    scale: 'war',
    damp: 'us_engagement',
    note: 'NATO–Russia; sharpened by the war, tempered as far as Washington deals with Russia as a strategic entity',
  },
  { between: ['EU', 'RU'], weight: -0.4, scale: 'war', note: "Europe's threat perception of Russia" },
  {
    between: ['JP', 'RU'],
    weight: -0.1,
    scale: 'war',
    note: 'Kurils dispute; Japan aligns with the West over the war',
  },
  { between: ['KR', 'RU'], weight: -0.05, scale: 'war', note: 'South Korea follows the West over the war' },
  {
    between: ['CN', 'RU'],
    weight: 0.4,
    note: "'main strategic partner'; shared antipathy to US democracy promotion",
  },
  { between: ['CN', 'JP'], weight: -0.4, scale: 'cn_jp_tension', note: 'China–Japan tension' },
  { between: ['CN', 'VN'], weight: -0.4, note: 'South China Sea' },
  { between: ['ASEAN', 'CN'], weight: -0.15, note: 'South China Sea claimants' },
  {
    between: ['RU', 'VN'],
    weight: 0.35,
    scale: 'vn_cam_ranh',
    note: "Russian arms (56% of Vietnam's arms imports 2017-21, SIPRI); worth more with access to Cam Ranh",
  },
  { between: ['US', 'VN'], weight: 0.2, note: 'US–Vietnam rapprochement' },
  { between: ['ASEAN', 'US'], weight: 0.2 },
  { between: ['KP', 'US'], weight: -0.7 },
  { between: ['KP', 'KR'], weight: -0.6 },
  { between: ['JP', 'KP'], weight: -0.5 },
  { between: ['CN', 'KP'], weight: 0.3, note: 'treaty ally' },
  { between: ['KP', 'RU'], weight: 0.1, scale: 'war', note: 'munitions for the war (2023 onward)' },
  { between: ['CA', 'RU'], weight: 0.3, note: 'CSTO and the Eurasian Economic Union' },
  { between: ['CA', 'CN'], weight: 0.15, note: 'SCO; Belt and Road' },
];

const CONTINUITY = 4;
const AUTONOMY = 4;
const WEIGHTS: ScenarioInput['weights'] = {
  RU: {
    triangle: 1,
    economy: 1,
    autonomy: AUTONOMY,
    status: 1,
    security: 1,
    war_needs: 1,
    continuity: CONTINUITY,
  },
  CN: { triangle: 1, economy: 1, leverage: 1, security: 1, continuity: CONTINUITY },
  US: { triangle: 0.5, economy: 0.5, security: 1, counterweight: 1, compliance: 1, continuity: CONTINUITY },
  JP: { economy: 1, security: 1, counterweight: 1, compliance: 1, continuity: CONTINUITY },
  KR: { economy: 1, security: 1, compliance: 1, continuity: CONTINUITY },
  KP: { economy: 0.2, security: 1, continuity: CONTINUITY },
  VN: { economy: 1, security: 1, continuity: CONTINUITY },
  ASEAN: { economy: 1, security: 0.5, compliance: 1, continuity: CONTINUITY },
  CA: { economy: 1, security: 1, compliance: 1, continuity: CONTINUITY },
  EU: { economy: 1, security: 1, compliance: 1, continuity: CONTINUITY },
};

const COMMON_SOURCES: Record<string, string> = {
  'trade.CN-RU': 'China customs (GACC): 88.2 (2012), 146.9 (2021) USD bn; shared/data/russia_china_trade.csv',
  'trade.EU-RU':
    "EU share of Russia's trade 47% (2013) and about 36% (2021) times Russia's total trade (Russian customs)",
  trade:
    'Other dyads: national customs and IMF DOTS orders of magnitude, rounded; ASEAN excludes Vietnam; CA is the five Central Asian states',
  'actors.otherTrade':
    "Each actor's total goods trade (Russia 864 in 2012 and 789 in 2021; China 3,867 and 6,050) minus its trade with the roster",
  'energy.shares':
    'IEA (March 2022): about 60% of Russian oil exports to OECD Europe and 20% to China before the war; shared/data/energy.md',
  'energy.exports':
    "Russian customs: fuel and energy were 71% of Russia's 525 bn exports in 2012 (372 bn) and 54% of 494 bn in 2021 (267 bn)",
  'energy.eastCapacity':
    'ESPO pipeline and Kozmino port; Power of Siberia opened December 2019 (4.1 bcm 2020, 22.7 bcm 2023, design 38 bcm)',
  'rfe.investment':
    'Japan about USD 1 bn in the RFE by 2016 (Galushka) and USD 2 bn for 10% of Arctic LNG 2 (2019); Chinese figures understate its role (Carnegie 2020: up to 95% via offshore schemes)',
  navy: 'Russian port calls at Cam Ranh from 2014 (refuelling agreement, 2014); no permanent deployment',
  'actors.sanctionCompliance':
    'Who sanctioned: US, EU fully; Japan partly in 2014 and broadly from 2022; South Korea from 2022; Singapore only in ASEAN',
  security:
    'Alignments from the seeds: 000 (the strategic triangle, Sino-American rivalry) and 001 (Japan, Vietnam, Cam Ranh, the South China Sea)',
  ties: "Initial ties are the authors' judgement on a -1..1 scale from the seeds and the events of the year; they are the structural levels ties relax toward",
};

const INDICATORS: ScenarioInput['indicators'] = [
  {
    name: 'ru_cn_trade_gap',
    label: "Russia's dependence minus China's",
    expr: 'ru_dependence_on_cn - cn_dependence_on_ru',
  },
];

const DECISIONS: ScenarioInput['decisions'] = { US: 'us_pivot', VN: 'vn_cam_ranh' };

const pre: ScenarioInput = {
  id: 'pre-2022',
  title: "Putin's Asian turn, 2012–2021",
  description:
    "From Putin's return in 2012 to the eve of the invasion: Russia orients itself toward the whole Asia-Pacific " +
    "to avoid overdependence on China (001), Crimea sanctions from 2014, Abe's outreach in 2016, Power of " +
    'Siberia from 2019Q4, Cam Ranh access. Initial values are 2012 figures; sources by field in `sources`.',
  sources: {
    ...COMMON_SOURCES,
    events:
      "Crimea and Donbas 2014 (sanctions, war at low intensity); Abe's eight-point plan 2016; Power of Siberia December 2019",
  },
  start: '2012Q1',
  steps: 39,
  seed: 1,
  actors: roster(true),
  ties: TIES_2012,
  trade: TRADE_2012,
  energy: {
    shares: { EU: 0.62, CN: 0.1, JP: 0.04, KR: 0.03, other: 0.21 },
    eastCapacity: 0.14,
    eastCapacityGrowth: 0.0025,
    exports: 372,
  },
  rfe: { investment: { CN: 3, JP: 1, KR: 0.5 }, development: 0.25 },
  navy: 0.05,
  levers: {
    war: 0,
    sanctions: 0,
    ru_econ_policy: 0.4,
    us_pivot: 0.5,
    us_engagement: 0.3,
    cn_jp_tension: 0.5,
    jp_rfe_openness: 0.4,
    vn_cam_ranh: 0.3,
    beta: 40,
    noise: 0.01,
  },
  pinned: {},
  security: SECURITY,
  weights: WEIGHTS,
  calibration: {
    weights: { RU: { autonomy: 0, status: 0 } },
    note:
      "001: 'Throughout the 2000s ... Russia had resigned itself to its growing economic dependence on China' and " +
      "'Since 2012, to avoid overdependence on China, Russia has oriented itself not only towards China, but towards " +
      "the whole spectrum of interests and opportunities in the Asia-Pacific region': the 2012 ties balance Russia's " +
      'interests without its Asian turn (autonomy and status), which drives its choices from the start of the run.',
  },
  decisions: DECISIONS,
  params: {},
  events: [
    {
      at: '2014Q1',
      set: { war: 0.3, sanctions: 0.3, us_engagement: 0.1 },
      label: 'Crimea annexed; war in Donbas; first sanctions',
    },
    { at: '2016Q2', set: { jp_rfe_openness: 0.6 }, label: "Abe's eight-point economic cooperation plan" },
    { at: '2019Q4', set: { vn_cam_ranh: 0.4 }, label: 'Power of Siberia opens; Cam Ranh port calls continue' },
  ],
  indicators: INDICATORS,
};

const post: ScenarioInput = {
  id: 'post-ukraine',
  title: 'After the invasion, 2022–2025',
  description:
    'From 2022Q1: the war in Ukraine, broad Western sanctions, the European energy embargo phased in (crude ' +
    'December 2022, products February 2023), Japan and South Korea sanctioning. Initial values are 2021 ' +
    'figures (the eve of the war); sources by field in `sources`.',
  sources: {
    ...COMMON_SOURCES,
    events:
      'Invasion 24 February 2022; EU crude embargo and G7 price cap 5 December 2022; product embargo February 2023',
  },
  start: '2022Q1',
  steps: 15,
  seed: 1,
  actors: roster(false),
  ties: TIES_2021,
  trade: TRADE_2021,
  energy: {
    shares: { EU: 0.58, CN: 0.2, JP: 0.03, KR: 0.03, other: 0.16 },
    eastCapacity: 0.25,
    eastCapacityGrowth: 0.015,
    exports: 267,
  },
  rfe: { investment: { CN: 10, JP: 3, KR: 1 }, development: 0.3 },
  navy: 0.1,
  levers: {
    war: 0.3,
    sanctions: 0.3,
    ru_econ_policy: 0.4,
    us_pivot: 0.6,
    us_engagement: 0.1,
    cn_jp_tension: 0.5,
    jp_rfe_openness: 0.4,
    vn_cam_ranh: 0.3,
    beta: 40,
    noise: 0.01,
  },
  pinned: {},
  security: SECURITY,
  weights: WEIGHTS,
  decisions: DECISIONS,
  params: {},
  events: [
    {
      at: '2022Q1',
      set: { war: 1, sanctions: 0.8, jp_rfe_openness: 0.15, us_engagement: 0.0 },
      label: 'Invasion of Ukraine; broad sanctions; Japan and South Korea join',
    },
    { at: '2022Q4', set: { sanctions: 0.9 }, label: 'EU crude embargo and G7 price cap' },
    {
      at: '2022Q1',
      when: 'ru_dependence_on_cn > 0.3',
      set: {},
      label: "Milestone: China passes 30% of Russia's trade",
    },
  ],
  indicators: INDICATORS,
};

const counterfactual = (over: Partial<ScenarioInput>): ScenarioInput => ({
  ...structuredClone(post),
  ...over,
});

export const PRESET_FILES: readonly ScenarioInput[] = [
  pre,
  post,
  counterfactual({
    id: 'no-war-2022',
    title: 'Counterfactual: no invasion in 2022',
    description:
      "Counterfactual: post-ukraine's start (2021 values, 2022Q1) without the invasion: the Donbas conflict and Crimea-era sanctions continue, no embargo, Japan keeps its openness. Sources by field in `sources`.",
    events: [],
  }),
  counterfactual({
    id: 'us-engages-russia',
    title: 'Counterfactual: Washington treats Russia as a strategic entity',
    description:
      'post-ukraine with a US that deals with Russia and its Asian relations as a strategic entity (000): us_engagement held at 0.8 from 2022Q1.',
    pinned: { us_engagement: 0.8 },
  }),
  counterfactual({
    id: 'japan-counterweight',
    title: "Counterfactual: Japan as Russia's counterweight to China",
    description:
      "post-ukraine with a Japan that keeps investing in Siberia and the RFE and buying Russian energy, under high China–Japan tension (001: 'Moscow prefers more Japanese presence, which also serves as a counterweight to China').",
    pinned: { jp_rfe_openness: 0.9, cn_jp_tension: 0.9 },
  }),
  counterfactual({
    id: 'vietnam-closes-cam-ranh',
    title: 'Counterfactual: Vietnam closes Cam Ranh Bay to Russia',
    description:
      "post-ukraine with no Russian naval access to Cam Ranh Bay (001: 'The permission granted by Vietnam to use Cam Ranh Bay means that Russia gains a foothold').",
    pinned: { vn_cam_ranh: 0.0 },
  }),
];

/** The text of a preset's file, exactly as written to scenarios/. */
export function presetText(s: ScenarioInput): string {
  return `${JSON.stringify({ $schema: './scenario.schema.json', ...s }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const s of PRESET_FILES) writeFileSync(new URL(`../scenarios/${s.id}.json`, import.meta.url), presetText(s));
  console.log(`wrote ${PRESET_FILES.length} presets`);
}
