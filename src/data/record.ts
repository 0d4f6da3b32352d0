// The observed record drawn over the model's lines (copied from shared/data/shares.csv, with its sources).
// Years are annual figures; charts place them at mid-year.

export interface RecordPoint {
  year: number;
  /** Indicator of the model the figure is comparable with. */
  indicator: 'ru_dependence_on_cn' | 'cn_dependence_on_ru';
  value: number;
  source: string;
  note: string;
}

export const OBSERVED: readonly RecordPoint[] = [
  {
    year: 2013,
    indicator: 'ru_dependence_on_cn',
    value: 0.11,
    source: 'Russian customs service (deputy head Ivin 2024)',
    note: "China's share rose from 11% to 34% since about 2014 while the EU's fell from 47% to 11%",
  },
  { year: 2017, indicator: 'ru_dependence_on_cn', value: 0.15, source: 'press report (RT)', note: 'approximate' },
  {
    year: 2021,
    indicator: 'ru_dependence_on_cn',
    value: 0.177,
    source: 'Russian Export Center',
    note: 'Jan-Aug 2021; 14.2% of exports and 23.3% of imports',
  },
  {
    year: 2023,
    indicator: 'ru_dependence_on_cn',
    value: 0.338,
    source: 'derived',
    note: "240.11 / Russia's total trade 710.1 (USD bn)",
  },
  { year: 2022, indicator: 'cn_dependence_on_ru', value: 0.03, source: 'China customs spokesman', note: '' },
  { year: 2023, indicator: 'cn_dependence_on_ru', value: 0.04, source: 'China customs', note: 'Jan-Nov 2023 about 4%' },
];
