// An ensemble's statistics as chart bands: per metric, the 5/25/50/75/95% quantiles and the mean by
// step, and the share of seeds in each triangle configuration by step (a stacked chart's series).
import type { TriangleConfig } from '../model/triangle';
import { CONFIGS } from './lean';
import { type EnsembleStats, QUANTILES } from './stream';

export interface Band {
  q05: number[];
  q25: number[];
  q50: number[];
  q75: number[];
  q95: number[];
  mean: number[];
}

export interface Bands {
  seeds: number;
  steps: number;
  metrics: Record<string, Band>;
  configs: Record<TriangleConfig, number[]>;
  /** Hash of the first seed's state at the last step (the displayed run's when the seeds agree). */
  hash: string;
}

const KEYS = ['q05', 'q25', 'q50', 'q75', 'q95'] as const;

export function bands(st: EnsembleStats): Bands {
  const per = st.metrics.length;
  const metrics: Record<string, Band> = {};
  st.metrics.forEach((name, m) => {
    const b: Band = { q05: [], q25: [], q50: [], q75: [], q95: [], mean: [] };
    for (let t = 0; t <= st.steps; t++) {
      const c = t * per + m;
      KEYS.forEach((k, i) => {
        b[k].push(st.quantiles[i][c]);
      });
      b.mean.push(st.mean[c]);
    }
    metrics[name] = b;
  });
  const configs = Object.fromEntries(
    CONFIGS.map((c, i) => [c, Array.from({ length: st.steps + 1 }, (_, t) => st.configs[t * CONFIGS.length + i])]),
  ) as Record<TriangleConfig, number[]>;
  if (QUANTILES.length !== KEYS.length) throw new Error('QUANTILES and the band keys disagree');
  return { seeds: st.seeds, steps: st.steps, metrics, configs, hash: st.hash };
}
