// The Analysis tab's requests, as plain logic (tested in Node): what the sensitivity form asks for,
// whether the app will run it, and the CLI command that computes the same numbers. The study is of the
// scenario as loaded (its own levers and weights), as the CLI's --scenario gives it: the user's slider
// edits are a path through time, which a study's inputs (levers pinned for the whole run) are not.

import { buildWorld } from '../model/build';
import type { ModelSpec } from '../model/spec';
import { metricNames } from '../sim/lean';
import { type Method, saltelliStride } from '../sim/sensitivity';
import { type InputResult, STUDY_DEFAULTS, type StudyPlan, studyPlan } from '../sim/study';

export const METHODS: readonly { id: Method; label: string }[] = [
  { id: 'oat', label: 'One at a time (tornado)' },
  { id: 'morris', label: 'Morris screening (μ*, σ)' },
  { id: 'sobol', label: 'Sobol′ indices (S1, ST)' },
];

/** What the app runs at most: the CLI has no such limit (and shards). */
export const APP_LIMITS = {
  samples: { sobol: 4096, morris: 1000 },
  seeds: 100,
  /** Points x seeds: about a minute on two cores. */
  runs: 20_000,
} as const;

/** The app's first sample sizes: smaller than the CLI's for Sobol' (64), so a first study takes seconds. */
export const APP_DEFAULTS = { sobol: 8, morris: 10, seeds: STUDY_DEFAULTS.seeds } as const;

export interface StudyForm {
  indicator: string;
  method: Method;
  /** As typed (text), checked here. */
  samples: string;
  seeds: string;
}

export interface StudyRequest {
  form: StudyForm;
  plan: StudyPlan;
  points: number;
  runs: number;
  command: string;
  /** Names the request (the job slot's key). */
  key: string;
}

export function indicatorsOf(spec: ModelSpec): string[] {
  return metricNames(buildWorld(spec));
}

const fmt = (n: number) => n.toLocaleString('en-US');

function whole(text: string, what: string, lo: number, hi: number, cli: string): number | string {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < lo || n > hi)
    return `${what} must be a whole number from ${fmt(lo)} to ${fmt(hi)} (you gave "${t}")${cli}.`;
  return n;
}

/** The CLI command that computes the same study (the defaults it shares with the app left implicit). */
export function studyCommand(scenario: string, plan: StudyPlan): string {
  const words = [
    'npm run --silent sim -- sensitivity',
    `--scenario ${/^[\w.-]+$/.test(scenario) ? scenario : JSON.stringify(scenario)}`,
    `--indicator ${plan.metric}`,
    `--method ${plan.method}`,
  ];
  if (plan.method !== 'oat') words.push(`--samples ${plan.samples}`);
  words.push(`--seeds ${plan.seeds}`);
  return words.join(' ');
}

/**
 * The form read: a request, or one message naming what is wrong. `scenario` is what the CLI's
 * --scenario takes (a preset id, or the imported file's name).
 */
export function readStudyForm(
  spec: ModelSpec,
  scenario: string,
  form: StudyForm,
): { ok: true; request: StudyRequest } | { ok: false; message: string } {
  const names = indicatorsOf(spec);
  if (!names.includes(form.indicator))
    return { ok: false, message: `Unknown indicator "${form.indicator}": pick one of the list.` };
  const m = form.method;
  let samples: number | undefined;
  if (m !== 'oat') {
    const hi = APP_LIMITS.samples[m];
    const cli = m === 'sobol' ? '; the CLI takes up to 65,536' : '; the CLI takes up to 10,000';
    const what = m === 'sobol' ? "Sobol′'s sample size (base points N)" : "Morris's sample size (trajectories r)";
    const s = whole(form.samples, what, 2, hi, cli);
    if (typeof s === 'string') return { ok: false, message: s };
    samples = s;
  }
  const seeds = whole(form.seeds, 'Seeds per point', 1, APP_LIMITS.seeds, '; the CLI takes more');
  if (typeof seeds === 'string') return { ok: false, message: seeds };
  let plan: StudyPlan;
  try {
    plan = studyPlan(spec, { method: m, metric: form.indicator, samples, seeds });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  // The design's size without building it (a refused study could be large).
  const k = plan.inputs.length;
  const points = m === 'sobol' ? plan.samples * saltelliStride(k) : m === 'morris' ? plan.samples * (k + 1) : 1 + 2 * k;
  const runs = points * seeds;
  const command = studyCommand(scenario, plan);
  if (runs > APP_LIMITS.runs)
    return {
      ok: false,
      message: `This study needs ${fmt(points)} points × ${fmt(seeds)} seeds = ${fmt(runs)} runs; the app runs up to ${fmt(APP_LIMITS.runs)}. Lower the sample size or the seeds, or run it with the CLI: ${command}`,
    };
  return {
    ok: true,
    request: {
      form,
      plan,
      points,
      runs,
      command,
      key: JSON.stringify({ scenario, spec: spec.id, ...form, samples: samples ?? 0, seeds }),
    },
  };
}

/** The numbers a study gives per input, by method: the table's columns (the CLI's CSV has the same). */
export function studyColumns(method: Method): [string, (i: InputResult) => number | undefined][] {
  if (method === 'sobol')
    return [
      ['S1', (i) => i.first?.value],
      ['S1 2.5%', (i) => i.first?.lo],
      ['S1 97.5%', (i) => i.first?.hi],
      ['ST', (i) => i.total?.value],
      ['ST 2.5%', (i) => i.total?.lo],
      ['ST 97.5%', (i) => i.total?.hi],
    ];
  if (method === 'morris')
    return [
      ['μ*', (i) => i.muStar?.value],
      ['μ* 2.5%', (i) => i.muStar?.lo],
      ['μ* 97.5%', (i) => i.muStar?.hi],
      ['μ', (i) => i.mu],
      ['σ', (i) => i.sigma],
    ];
  return [
    ['at low end', (i) => i.low],
    ['at high end', (i) => i.high],
    ['swing', (i) => i.swing],
  ];
}
