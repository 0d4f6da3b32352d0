// What the model and its charts stand on, cited in full: the two seed texts every mechanism starts
// from, the published works the design borrows, and each data series behind the scenarios and the
// observed record (the files of shared/data). Shown in the Sources tab.

export interface Citation {
  /** How the project refers to it ("000", "001", a file name). */
  ref: string;
  authors?: string;
  year?: string;
  title?: string;
  /** Journal, publisher or where it was read. */
  where: string;
  /** What the text itself does not give, and what its content tells of it. */
  missing?: string;
  /** What the project takes from it. */
  use: string;
}

export interface DataSeries {
  file: string;
  what: string;
  years: string;
  /** Publishers and statistical bases, as the file's own source column gives them. */
  sources: string;
  use: string;
}

/** The seed texts. What each file gives is all that is claimed: fields it lacks say so. */
export const SEEDS: readonly Citation[] = [
  {
    ref: '000',
    authors: 'Stephen Blank and Younkyoo Kim',
    title:
      'untitled abstract and opening paragraphs ("The Russo-Chinese relationship is one of the most important relationships in both Asian and international security…")',
    where: 'catalogued online as "Published in Blog"',
    missing:
      'The text gives no title or year; it discusses the Russian war in Ukraine, so it dates from after February 2022',
    use: 'the strategic triangle; Washington not treating Russia as a strategic entity; Russia losing standing in Asia and becoming dependent on China through war, isolation, sanctions and failed economic policy; the US rebalance',
  },
  {
    ref: '001',
    title: "Rethinking Russo-Chinese Relations in Asia: Beyond Russia's Chinese Dilemma",
    where: 'China: An International Journal (article excerpt)',
    missing: 'The excerpt gives no author or year; it discusses Russia under Xi and Putin since 2012',
    use: 'bandwagoning with China while restraining it; the failure to develop the Russian Far East; Japan as counterweight and investor; energy ties and negotiating space; Vietnam and Cam Ranh Bay; the US pivot',
  },
];

export const WORKS: readonly Citation[] = [
  {
    ref: 'Dittmer 1981',
    authors: 'Lowell Dittmer',
    year: '1981',
    title: 'The Strategic Triangle: An Elementary Game-Theoretical Analysis',
    where: 'World Politics 33(4): 485–515',
    use: 'the four configurations (ménage à trois, romantic triangle, stable marriage, unit veto) and the roles',
  },
  {
    ref: 'Heider 1946',
    authors: 'Fritz Heider',
    year: '1946',
    title: 'Attitudes and Cognitive Organization',
    where: 'The Journal of Psychology 21(1): 107–112',
    use: 'structural balance: the enemy of my enemy',
  },
  {
    ref: 'Marvel et al. 2011',
    authors: 'Seth A. Marvel, Jon Kleinberg, Robert D. Kleinberg and Steven H. Strogatz',
    year: '2011',
    title: 'Continuous-time model of structural balance',
    where: 'Proceedings of the National Academy of Sciences 108(5): 1771–1776',
    use: 'balance dynamics of the ties',
  },
  {
    ref: 'McKelvey and Palfrey 1995',
    authors: 'Richard D. McKelvey and Thomas R. Palfrey',
    year: '1995',
    title: 'Quantal Response Equilibria for Normal Form Games',
    where: 'Games and Economic Behavior 10(1): 6–38',
    use: 'logit choice: a move is likelier the more it raises utility (the lever beta)',
  },
  {
    ref: 'Bailey, Strezhnev and Voeten 2017',
    authors: 'Michael A. Bailey, Anton Strezhnev and Erik Voeten',
    year: '2017',
    title: 'Estimating Dynamic State Preferences from United Nations Voting Data',
    where: 'Journal of Conflict Resolution 61(2): 430–456; estimates of June 2024, Harvard Dataverse hdl:1902.1/12379',
    use: 'UN General Assembly ideal points, a measured proxy for the ties',
  },
];

export const DATA_SERIES: readonly DataSeries[] = [
  {
    file: 'russia_china_trade.csv',
    what: 'Russia–China goods trade, USD bn',
    years: '2013–2024',
    sources: 'China customs (GACC), directly and via Interfax and Xinhua; 2015 derived',
    use: 'the China–Russia trade of the scenarios',
  },
  {
    file: 'shares.csv',
    what: "China's and the EU's shares of Russia's trade; Russia's share of China's trade",
    years: '2013–2023',
    sources:
      'Russian customs service (deputy head Ivin, 2024), Russian Export Center, China customs, press (RT); 2023 derived',
    use: 'the observed record drawn on the dependence chart (rings)',
  },
  {
    file: 'energy.md',
    what: 'Where Russian oil and gas go; Power of Siberia volumes; Japan and Vietnam figures; the Russian Far East',
    years: '2016–2024',
    sources: 'IEA (March 2022, May 2023), Gazprom, Japan Ministry of Finance, JETRO, SIPRI, Carnegie (2020)',
    use: 'the energy shares, the eastern capacity and the Far East investment of the scenarios',
  },
  {
    file: 'series/russia_total_trade.csv',
    what: "Russia's total goods trade (turnover, exports, imports), USD bn",
    years: '2012–2024 (some years derived or approximate)',
    sources: 'UN Comtrade via the World Bank WITS (Russia-reported), Russian Federal Customs Service statements, KOTRA',
    use: 'the denominator of every Russian share; the 2014–16 collapse tests the trade dynamics',
  },
  {
    file: 'series/china_total_trade.csv',
    what: "China's total trade, USD bn, and Russia's share of it",
    years: '2012–2024',
    sources: 'China customs (GACC) releases; MOFCOM/WTO; the share derived',
    use: 'cn_dependence_on_ru',
  },
  {
    file: 'series/china_share_of_russia_trade.csv',
    what: "China's share of Russia's trade, on several statistical bases",
    years: '2012–2024',
    sources: 'Russian customs (FCS), China customs (GACC), UN Comtrade via WITS; derived where marked',
    use: 'ru_dependence_on_cn (2022–2024 held out: never fitted on)',
  },
  {
    file: 'series/china_crude_imports_from_russia.csv',
    what: "China's crude imports from Russia (Mt, mb/d) and Russia's share of China's crude imports",
    years: '2012–2024',
    sources: 'China customs (GACC) as reported by Reuters, Bloomberg, Xinhua and others',
    use: 'the eastward energy shift',
  },
  {
    file: 'series/power_of_siberia.csv',
    what: 'Power of Siberia gas volumes, bcm',
    years: '2019–2024 (2024 a plan)',
    sources: 'Gazprom, Russian energy ministry (Novak), TASS',
    use: 'the eastern pipeline capacity',
  },
  {
    file: 'series/unga_ideal_points.csv',
    what: 'UN General Assembly ideal points and vote agreement with the US, Russia, China and India',
    years: '2011–2023',
    sources: 'Bailey, Strezhnev and Voeten, June 2024 release (Harvard Dataverse hdl:1902.1/12379)',
    use: 'a measured proxy for political alignment: the ties',
  },
  {
    file: 'series/unga_dyad_distance.csv',
    what: "Ideal-point distances and vote agreement for the model's pairs (CN–RU, RU–US, JP–RU, …)",
    years: '2011–2023',
    sources: 'derived from unga_ideal_points.csv',
    use: 'tie trajectories to calibrate or validate against',
  },
];
