// Names in words for the model's indicators and ties. The list of what exists comes from the run
// (its records); this table only supplies the words, and anything it does not know is still shown,
// under its own name, so an indicator the model adds appears without a change here.
import type { ModelSpec } from '../model/spec';

export interface MetricLabel {
  /** A few words, for a line label or a table column ("RU on CN"). */
  short: string;
  /** A phrase for a sentence ("China's share of Russia's trade"). */
  long: string;
}

const INDICATORS: Readonly<Record<string, MetricLabel>> = {
  ru_dependence_on_cn: { short: 'RU on CN', long: "China's share of Russia's trade" },
  cn_dependence_on_ru: { short: 'CN on RU', long: "Russia's share of China's trade" },
  ru_autonomy: { short: 'autonomy', long: "Russia's autonomy in Asia" },
  ru_negotiating_space: { short: 'negotiating', long: "Russia's negotiating space with China" },
  rfe_development: { short: 'Far East', long: 'development of the Russian Far East' },
  ru_sea_presence: { short: 'SE Asia', long: "Russia's presence in Southeast Asia" },
};

const SHORT_ID: Readonly<Record<string, string>> = { US: 'US', CN: 'CN', RU: 'RU' };

/** A tie key ("CN-RU") is two actor ids in alphabetical order; everything else is an indicator. */
export function isTieKey(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*-[A-Z][A-Z0-9_]*$/.test(name);
}

function actorName(spec: ModelSpec | null, id: string): string {
  return spec?.actors.find((a) => a.id === id)?.name ?? id;
}

export function metricLabel(name: string, spec: ModelSpec | null = null): MetricLabel {
  const known = INDICATORS[name];
  if (known) return known;
  if (isTieKey(name)) {
    const [a, b] = name.split('-');
    // The triangle's ties read US first ("US–China"), as they are spoken.
    const [x, y] = b === 'US' ? [b, a] : [a, b];
    return {
      short: `${SHORT_ID[x] ?? x}–${SHORT_ID[y] ?? y}`,
      long: `${shortName(actorName(spec, x))}–${shortName(actorName(spec, y))} tie`,
    };
  }
  const extra = spec?.indicators.find((x) => x.name === name);
  const words = name.replace(/_/g, ' ');
  return { short: extra?.label || words, long: extra?.label || words };
}

/** "United States" -> "US", "Russian Federation" -> "Russia" in compound labels. */
function shortName(name: string): string {
  if (name === 'United States') return 'US';
  if (name === 'Russian Federation') return 'Russia';
  return name;
}
