// What each free parameter means and why its default is what it is (its range and default are in params.ts):
// the prose the schema, --help, the docs and the app show.
import { PARAM_NAMES, PARAM_RANGES, type ParamName, type ParamRange } from './params';

export interface ParamInfo extends ParamRange {
  meaning: string;
  /** Why the default is what it is. */
  reason: string;
}

const TEXT: Readonly<Record<ParamName, { meaning: string; reason: string }>> = {
  alpha: {
    meaning: 'tie change when both sides move the same way for a quarter',
    reason: 'a relationship turned around by sustained effort moves about 0.1 a year, as the UN voting record moves',
  },
  horizon: {
    meaning: 'how long an actor imagines a move kept when it weighs it',
    reason: 'a year: the budget and summit cycle over which governments commit',
  },
  gamma: {
    meaning: 'Heider balance pull of each tie toward the mean product of the two actors\u2019 ties with third parties',
    reason: 'as strong as a sustained move, so balance shapes but does not dictate',
  },
  eta: {
    meaning: 'warming of a tie as trade grows above its path (and cooling as it falls)',
    reason: 'commercial peace as a slow force, of the order of a move',
  },
  anchor: {
    meaning: 'pull of each tie toward its structural level that no actor chooses (geography, history)',
    reason: 'small: the actors\u2019 own choices (the continuity term) keep ties near their levels',
  },
  rho: {
    meaning: 'rate at which trade moves toward its potential',
    reason: 'trade adjusts within about a year (the 2014\u201316 collapse took four quarters)',
  },
  tradeTieElasticity: {
    meaning: 'how far trade potential follows the political tie relative to its structural level',
    reason: 'a swing of the tie by 0.5 moves trade by 30%, within gravity-model estimates of political effects',
  },
  sanctionDepth: {
    meaning: 'share of its trade with Russia a fully complying actor cuts at sanctions = 1',
    reason: 'EU\u2013Russia trade fell by about 85% from 2021 to 2023',
  },
  diversion: {
    meaning: 'share of Russia\u2019s sanctions-lost non-energy trade that is diverted to non-complying partners',
    reason: 'Russia\u2019s imports recovered about half of their 2022 fall by 2023, mostly through China',
  },
  diversionCap: {
    meaning: 'most diverted trade a partner can absorb, as a multiple of its base trade',
    reason: 'capacity of ports, rail and payment channels',
  },
  otherCompliance: {
    meaning: 'compliance with Western sanctions of Russia\u2019s partners outside the roster',
    reason: 'a mix of complying (UK, Canada, Australia) and non-complying (India, Turkey) partners',
  },
  epsilon: {
    meaning: '|tie| below this counts as neutral in the triangle\u2019s classification',
    reason: 'a tie within measurement noise of zero is neither amity nor enmity',
  },
  heider: {
    meaning: 'weight of how j stands with i\u2019s allies and threats in i\u2019s value of its tie with j (security)',
    reason: 'third parties matter, but less than the dyad\u2019s own alignment',
  },
  energyStep: {
    meaning: 'share of Russia\u2019s energy exports one shift east or west moves',
    reason: 'contracts and logistics move a few percent of exports a year',
  },
  energyReroute: {
    meaning: 'rate at which embargoed energy flows are rerouted',
    reason: 'the 2022\u201323 rerouting of crude took about a year',
  },
  cnMaxDiscount: {
    meaning: 'discount China extracts when it is Russia\u2019s only buyer',
    reason: 'Urals sold at up to 35\u201340% below Brent in early 2023',
  },
  euMaxDiscount: {
    meaning: 'discount Europe extracts when it is Russia\u2019s only buyer',
    reason: 'European buyers pushed Gazprom to spot-indexed prices in 2012\u201316, cutting prices by 10\u201320%',
  },
  otherDiscount: {
    meaning: 'discount of Russia\u2019s sales to buyers outside the roster',
    reason: 'Indian and Turkish purchases at discounts of about 20%',
  },
  investStep: {
    meaning: 'change of an investor\u2019s RFE stock per invest move',
    reason: 'projects add or shed a few percent of a stock a quarter',
  },
  depreciation: {
    meaning: 'depreciation of RFE investment',
    reason: 'about 2% a year for long-lived energy and port assets',
  },
  leverStep: {
    meaning: 'change of a decision lever (us_pivot, vn_cam_ranh) per move',
    reason: 'a policy turns from off to full over five years',
  },
  leverCost: {
    meaning: 'cost of a decision lever to the actor that moves it: leverCost * lever^2',
    reason: 'deployments and concessions cost more the further they go',
  },
  otherGrowth: {
    meaning: 'growth of energy demand and trade outside the roster',
    reason: 'world trade growth of about 3% a year',
  },
  embargoThreshold: {
    meaning: 'sanctions level above which energy is embargoed',
    reason: 'Crimea-era sanctions (0.3) left energy alone',
  },
  energyDrift: {
    meaning: 'drift of Russia\u2019s energy shares toward where demand grows',
    reason: 'markets re-weight over about eight years',
  },
  energyWeight: {
    meaning: 'weight of energy revenue (price, not volume) in Russia\u2019s economy term',
    reason: 'energy is about half of Russia\u2019s export earnings',
  },
  capitalCost: {
    meaning: 'required return on RFE investment: below it investors withdraw',
    reason: 'set so that at the 2012 calibration Japan and Korea are near indifference',
  },
  rfeRate: {
    meaning: 'rate at which RFE development approaches its target',
    reason: 'development follows investment over about five years',
  },
  warDrag: {
    meaning: 'share of economic policy\u2019s effect crowded out by the war economy at war = 1',
    reason: 'military spending doubled to about 6% of GDP, draining the civilian economy',
  },
  policyTrade: {
    meaning:
      'growth of Russia\u2019s non-energy trade per unit of effective economic policy above its calibration level',
    reason: 'a working economy makes and sells more beyond energy; half its trade for the whole range of policy',
  },
  investTradeElasticity: {
    meaning: 'investment-led trade: trade gain per relative growth of an investor\u2019s RFE stock',
    reason: 'Sakhalin and Arctic LNG made Japan a buyer; investment is small next to trade',
  },
  conjecture: {
    meaning:
      'Heider conjecture: when i moves toward j by d, it expects j\u2019s ties to follow i\u2019s friends and enemies ' +
      '(conjecture * tie_ik * d) and third parties\u2019 ties with i to follow their stance toward j',
    reason: 'the logic of the strategic triangle (000): each corner weighs how its moves shift the other two',
  },
  threatBalancing: {
    meaning:
      'balance of threat: an ally\u2019s worth grows by this share per unit of hostility toward threats the ally shares',
    reason: 'makes the rebalance (us_pivot 0 to 1) move the China\u2013Russia tie by about as much as its own threat',
  },
  autonomyThreshold: {
    meaning: 'share of Russia\u2019s trade, RFE investment or energy going to China above which dependence bites',
    reason:
      'China\u2019s share of Russia\u2019s trade when Moscow turned to the whole Asia-Pacific (about 2012\u201317)',
  },
  investTie: {
    meaning:
      'political risk: an investor\u2019s RFE yield grows by this share per unit of its tie with Russia, and so does the stake the two expect',
    reason:
      'a warm tie doubles what a cold one yields: Japan\u2019s RFE projects rose and fell with the Abe\u2013Putin summits',
  },
  engagementRelief: {
    meaning: 'share of Asian partners\u2019 sanction compliance cost that us_engagement = 1 lifts',
    reason:
      'a Washington that treats Russia\u2019s Asian ties as strategic lets allies keep them (Sakhalin stayed open)',
  },
  warImports: {
    meaning:
      'war-economy imports: growth of Russia\u2019s non-energy trade with a non-complying supplier at war = 1 and warSupply = 1',
    reason:
      'China\u2019s exports to Russia rose by about two thirds from 2021 to 2023, much of it machinery and dual-use goods',
  },
  substitution: {
    meaning:
      'share of sanctions-lost imports that effective economic policy (1) makes at home instead of importing elsewhere',
    reason: 'import substitution, Russia\u2019s stated policy since 2014; 000 calls it failed',
  },
  navyStep: {
    meaning: 'change of Russia\u2019s naval presence in Southeast Asia per deploy move',
    reason: 'a squadron is built up or withdrawn over a few years',
  },
  navyCost: {
    meaning: 'cost of naval presence to Russia\u2019s economy: navyCost * navy^2 * (1 + war)',
    reason: 'a distant squadron competes with other needs, more so in wartime',
  },
  scsCost: {
    meaning:
      'a rival of Vietnam values Russia less by this, times its hostility to Vietnam, per unit of Russia\u2019s naval presence at Cam Ranh',
    reason:
      'China\u2019s South China Sea interest (001): Russian warships at Cam Ranh are a military tie with its rival',
  },
  transit: {
    meaning:
      'share of Russia\u2019s trade diverted through a third country that is Chinese goods in transit (and adds to that country\u2019s trade with China)',
    reason: 'Central Asian re-exports to Russia after 2022 were largely Chinese cars, electronics and machinery',
  },
};

export const PARAM_INFO: Readonly<Record<ParamName, ParamInfo>> = Object.fromEntries(
  PARAM_NAMES.map((k) => [k, { ...PARAM_RANGES[k], ...TEXT[k] }]),
) as Record<ParamName, ParamInfo>;
