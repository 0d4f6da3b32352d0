// Real events marked on the timeline and the charts, so a run can be read against what happened. These
// are markers only: what a scenario does at a date is in its own `events`.

export interface RealEvent {
  /** Quarter, YYYYQn. */
  date: string;
  /** A word or two for a marker. */
  tag: string;
  /** What happened, in a sentence. */
  text: string;
}

export const REAL_EVENTS: readonly RealEvent[] = [
  { date: '2014Q1', tag: 'Crimea', text: 'Russia annexes Crimea (March 2014); the first Western sanctions follow.' },
  {
    date: '2016Q2',
    tag: 'Sochi',
    text: 'Abe visits Putin in Sochi (6 May 2016) and offers an eight-point plan of economic cooperation.',
  },
  {
    date: '2019Q4',
    tag: 'Power of Siberia',
    text: 'The Power of Siberia gas pipeline to China opens (2 December 2019).',
  },
  { date: '2022Q1', tag: 'Invasion', text: 'Russia invades Ukraine (24 February 2022); broad Western sanctions.' },
  {
    date: '2022Q4',
    tag: 'Embargo',
    text: 'The EU embargo on Russian seaborne crude and the G7 price cap take effect (5 December 2022).',
  },
];
