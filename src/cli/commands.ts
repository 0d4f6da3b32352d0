// The four commands. Each checks its options, runs the sim and returns the output text; writing it
// (stdout or --out) is left to `main`, so a failure never leaves half a file behind.

import { LEVER_NAMES, type LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import { runCsv } from '../sim/csv';
import { CONFIGS, compare, ensemble, sweep, toWorld } from '../sim/ensemble';
import { gapSentence, indicatorGaps } from '../sim/missing';
import { type Pins, Run, type StepRecord } from '../sim/run';
import {
  CliError,
  MAX_SEED,
  MAX_SEEDS,
  MAX_STEPS,
  type OptionSpec,
  parseChanges,
  parseInteger,
  parseLever,
  parseOptions,
  parsePins,
  parseValues,
  resolveScenario,
} from './args';
import { csvComment, csvRow, fixed, pinsText, table } from './format';
import type { Command } from './help';

export interface CommandOutput {
  text: string;
  out?: string;
  /** Printed on stderr as "warning: ..." lines after the output (the run went on). */
  warnings?: string[];
}

export interface CommandContext {
  cwd: string;
}

const COMMON: OptionSpec = {
  steps: { type: 'string' },
  set: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const SEEDS: OptionSpec = {
  seeds: { type: 'string' },
  'seed-start': { type: 'string' },
};

export const OPTIONS: Record<Command, OptionSpec> = {
  run: {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    change: { type: 'string', multiple: true },
    ...COMMON,
  },
  ensemble: { scenario: { type: 'string' }, ...SEEDS, ...COMMON },
  compare: {
    a: { type: 'string' },
    b: { type: 'string' },
    'set-b': { type: 'string', multiple: true },
    ...SEEDS,
    ...COMMON,
  },
  sweep: { scenario: { type: 'string' }, lever: { type: 'string' }, values: { type: 'string' }, ...SEEDS, ...COMMON },
};

type Values = Record<string, string | string[] | boolean | undefined>;

function required(v: Values, name: string, command: string, hint: string): string {
  const x = v[name];
  if (typeof x !== 'string') throw new CliError(`missing option --${name} for "${command}" (${hint})`);
  return x;
}

function format(v: Values, allowed: readonly string[]): string {
  const f = typeof v.format === 'string' ? v.format : 'json';
  if (!allowed.includes(f)) throw new CliError(`--format: unknown format "${f}" (formats: ${allowed.join(', ')})`);
  if (v.pretty && f !== 'json') throw new CliError(`--pretty applies to --format json only`);
  return f;
}

function steps(v: Values, spec: ModelSpec): number {
  return typeof v.steps === 'string' ? parseInteger(v.steps, '--steps', 0, MAX_STEPS) : spec.steps;
}

function seeds(v: Values, command: string): { seeds: number; seedStart: number } {
  const n = parseInteger(required(v, 'seeds', command, `how many seeds, 1..${MAX_SEEDS}`), '--seeds', 1, MAX_SEEDS);
  const s = typeof v['seed-start'] === 'string' ? parseInteger(v['seed-start'], '--seed-start', 0, MAX_SEED) : 1;
  if (s + n - 1 > MAX_SEED)
    throw new CliError(`--seed-start ${s} with --seeds ${n} runs past the largest seed ${MAX_SEED}`);
  return { seeds: n, seedStart: s };
}

/** Pins in the order of LEVER_NAMES, so the output does not depend on the order of the options. */
function canonicalPins(...layers: Readonly<Pins>[]): Pins {
  const merged: Pins = Object.assign({}, ...layers);
  const out: Pins = {};
  for (const name of LEVER_NAMES) if (merged[name] !== undefined) out[name] = merged[name];
  return out;
}

function json(v: Values, value: unknown): string {
  return `${JSON.stringify(value, null, v.pretty ? 2 : undefined)}\n`;
}

/** The scenario's own indicators: expressions that may give no number at some step. */
function extraNames(spec: ModelSpec): string[] {
  return spec.indicators.map((x) => x.name);
}

const SCENARIO_HINT = 'a preset id, see --help, or the path of a .json file';

function out(v: Values): string | undefined {
  return typeof v.out === 'string' ? v.out : undefined;
}

export function runCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv']);
  const { spec } = resolveScenario(required(v, 'scenario', 'run', SCENARIO_HINT), '--scenario', ctx.cwd);
  const seed = typeof v.seed === 'string' ? parseInteger(v.seed, '--seed', 0, MAX_SEED) : spec.seed;
  const n = steps(v, spec);
  const set = canonicalPins(parsePins(v.set as string[] | undefined));
  const changes = parseChanges(v.change as string[] | undefined, spec.start, n);

  // Changes apply as the app's sliders do: from their quarter on, pinned (Run.setLever), in date order.
  const run = new Run(spec, { seed, pins: set, record: fmt === 'json' });
  for (const c of changes) {
    run.seek(c.t);
    run.setLever(c.name, c.value);
  }
  run.runTo(n);
  const records: StepRecord[] = [];
  for (let t = 0; t <= n; t++) records.push(run.recordAt(t));
  const pinned = canonicalPins(spec.pinned, set);
  const warnings = indicatorGaps(extraNames(spec), n, (name, t) => records[t].missing?.includes(name) ?? false).map(
    (g) =>
      gapSentence(g, n + 1, (t) => records[t].date, {
        consequence: 'reported as missing there (null in JSON, an empty cell in CSV)',
      }),
  );

  if (fmt === 'csv') {
    const text = runCsv(run, records, {
      pinned: pinsText(pinned),
      changes: changes.map((c) => `${c.name}=${c.value}@${c.date}`).join(' '),
    });
    return { text, out: out(v), warnings };
  }
  return {
    text: json(v, {
      scenario: spec.id,
      title: spec.title,
      start: formatQuarter(spec.start),
      horizon: formatQuarter(spec.start + n),
      seed,
      steps: n,
      actors: spec.actors.map((a) => ({ id: a.id, name: a.name, color: a.color })),
      levers: {
        initial: spec.levers,
        pinned,
        set,
        changes: changes.map((c) => ({ lever: c.name, value: c.value, from: c.date })),
      },
      hash: run.hash(n),
      trajectory: records,
    }),
    out: out(v),
    warnings,
  };
}

export function ensembleCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv']);
  const { spec } = resolveScenario(required(v, 'scenario', 'ensemble', SCENARIO_HINT), '--scenario', ctx.cwd);
  const s = seeds(v, 'ensemble');
  const n = steps(v, spec);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  const res = ensemble(spec, { ...s, steps: n, pins });
  const warnings = indicatorGaps(extraNames(spec), n, (name, t) =>
    Number.isNaN(res.trajectory[t].metrics[name].mean),
  ).map((g) =>
    gapSentence(g, n + 1, (t) => res.trajectory[t].date, {
      inSome: true,
      consequence: 'its mean there is missing and its quantiles partial',
    }),
  );
  if (fmt === 'json') return { text: json(v, res), out: out(v), warnings };

  const header = ['t', 'date'];
  for (const m of res.metrics) header.push(`${m}_mean`, `${m}_q05`, `${m}_q50`, `${m}_q95`);
  for (const c of CONFIGS) header.push(`share_${c}`);
  const lines = [
    csvComment({
      'strategic-triangle ensemble': spec.title,
      scenario: spec.id,
      seeds: s.seeds,
      'seed-start': s.seedStart,
      steps: n,
      start: formatQuarter(spec.start),
      pinned: pinsText(canonicalPins(spec.pinned, pins)),
    }),
    csvRow(header),
  ];
  for (const st of res.trajectory) {
    const row: (string | number)[] = [st.t, st.date];
    for (const m of res.metrics) {
      const q = st.metrics[m];
      row.push(q.mean, q.q05, q.q50, q.q95);
    }
    for (const c of CONFIGS) row.push(st.configs[c]);
    lines.push(csvRow(row));
  }
  return { text: `${lines.join('\n')}\n`, out: out(v), warnings };
}

export function compareCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv', 'table']);
  const a = resolveScenario(required(v, 'a', 'compare', `scenario a: ${SCENARIO_HINT}`), '--a', ctx.cwd).spec;
  const b = resolveScenario(required(v, 'b', 'compare', `scenario b: ${SCENARIO_HINT}`), '--b', ctx.cwd).spec;
  const s = seeds(v, 'compare');
  // Unless told, compare at the shorter scenario's horizon, so neither runs past its own.
  const n = typeof v.steps === 'string' ? steps(v, a) : Math.min(a.steps, b.steps);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  const pinsB = canonicalPins(pins, parsePins(v['set-b'] as string[] | undefined, '--set-b'));
  const res = { ...compare(a, b, { ...s, steps: n, pins, pinsB }), pinsB };
  const warnings = res.rows
    .filter((r) => Number.isNaN(r.meanA) || Number.isNaN(r.meanB))
    .map((r) =>
      gapSentence({ name: r.metric, steps: [n] }, 1, () => res.horizon, {
        inSome: true,
        consequence: `its means there are missing (${Number.isNaN(r.meanA) ? 'a' : ''}${Number.isNaN(r.meanA) && Number.isNaN(r.meanB) ? ' and ' : ''}${Number.isNaN(r.meanB) ? 'b' : ''})`,
      }),
    );

  if (fmt === 'json') return { text: json(v, res), out: out(v), warnings };
  if (fmt === 'csv') {
    const lines = [
      csvComment({
        'strategic-triangle compare': `${res.a} vs ${res.b}`,
        a: res.a,
        b: res.b,
        seeds: s.seeds,
        'seed-start': s.seedStart,
        steps: n,
        horizon: res.horizon,
        'horizon b': res.horizonB,
        pinned: pinsText(pins),
        'pinned b': pinsText(pinsB),
      }),
      csvRow(['metric', 'mean_a', 'mean_b', 'mean_diff', 'share_b_greater']),
      ...res.rows.map((r) => csvRow([r.metric, r.meanA, r.meanB, r.meanDiff, r.shareBGreater])),
    ];
    return { text: `${lines.join('\n')}\n`, out: out(v), warnings };
  }
  const title = [
    `a = ${res.a}${pinsLabel(canonicalPins(a.pinned, pins))}`,
    `b = ${res.b}${pinsLabel(canonicalPins(b.pinned, pinsB))}`,
    `${s.seeds} paired seed${s.seeds > 1 ? 's' : ''} from ${s.seedStart}, horizon ${res.horizon === res.horizonB ? res.horizon : `${res.horizon} in a, ${res.horizonB} in b`} (${n} steps)`,
  ];
  const body = table(
    ['metric', 'mean a', 'mean b', 'b - a', 'share b > a'],
    res.rows.map((r) => [r.metric, fixed(r.meanA), fixed(r.meanB), signed(r.meanDiff), fixed(r.shareBGreater, 2)]),
  );
  return { text: `${title.join('\n')}\n\n${body}\n`, out: out(v), warnings };
}

function pinsLabel(p: Pins): string {
  const t = pinsText(p);
  return t === 'none' ? '' : ` (pinned: ${t})`;
}

function signed(x: number): string {
  const s = fixed(x);
  return s.startsWith('-') || /^0\.0+$/.test(s) ? s : `+${s}`;
}

export function sweepCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv', 'table']);
  const { spec } = resolveScenario(required(v, 'scenario', 'sweep', SCENARIO_HINT), '--scenario', ctx.cwd);
  const lever: LeverName = parseLever(required(v, 'lever', 'sweep', `the lever to sweep: ${LEVER_NAMES.join(', ')}`));
  const values = parseValues(required(v, 'values', 'sweep', 'v1,v2,... or from:to:step'), lever);
  const s = seeds(v, 'sweep');
  const n = steps(v, spec);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  if (pins[lever] !== undefined)
    throw new CliError(`--set ${lever} conflicts with --lever ${lever}: the sweep sets it`);
  const world = toWorld(spec);
  const res = { ...sweep(world, lever, values, { ...s, steps: n, pins }), pins };
  const warnings = extraNames(spec)
    .map((name) => ({ name, bad: res.rows.filter((r) => Number.isNaN(r.means[name])).map((r) => r.value) }))
    .filter((x) => x.bad.length > 0)
    .map((x) =>
      gapSentence({ name: x.name, steps: [n] }, 1, () => res.horizon, {
        inSome: true,
        consequence: `its mean there is missing for ${lever}=${x.bad.join(', ')}`,
      }),
    );

  if (fmt === 'json') return { text: json(v, res), out: out(v), warnings };
  if (fmt === 'csv') {
    const lines = [
      csvComment({
        'strategic-triangle sweep': spec.title,
        scenario: spec.id,
        lever,
        seeds: s.seeds,
        'seed-start': s.seedStart,
        steps: n,
        horizon: res.horizon,
        pinned: pinsText(canonicalPins(spec.pinned, pins)),
      }),
      csvRow([lever, ...res.metrics]),
      ...res.rows.map((r) => csvRow([r.value, ...res.metrics.map((m) => r.means[m])])),
    ];
    return { text: `${lines.join('\n')}\n`, out: out(v), warnings };
  }
  const title = [
    `${spec.id}${pinsLabel(canonicalPins(spec.pinned, pins))}: ensemble mean at ${res.horizon} (${n} steps)`,
    `${s.seeds} seed${s.seeds > 1 ? 's' : ''} from ${s.seedStart} per value of ${lever}`,
  ];
  const body = table(
    ['metric', ...res.rows.map((r) => `${lever}=${r.value}`)],
    res.metrics.map((m) => [m, ...res.rows.map((r) => fixed(r.means[m]))]),
  );
  return { text: `${title.join('\n')}\n\n${body}\n`, out: out(v), warnings };
}

export const COMMAND_FNS: Record<Command, (v: Values, ctx: CommandContext) => CommandOutput> = {
  run: runCommand,
  ensemble: ensembleCommand,
  compare: compareCommand,
  sweep: sweepCommand,
};

export function parseCommand(cmd: Command, args: string[]): Values {
  return parseOptions(cmd, args, OPTIONS[cmd]);
}
