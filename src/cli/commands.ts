// The commands. Each checks its options, runs the sim and returns the output text; writing it
// (stdout or --out) is left to `main`, so a failure never leaves half a file behind.

import { LEVER_NAMES, type LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import { runCsv } from '../sim/csv';
import {
  CONFIGS,
  compare,
  type EnsembleResult,
  ensemble,
  ensembleResult,
  metricNames,
  namedMeans,
  type SweepRow,
  sweepSums,
  toWorld,
} from '../sim/ensemble';
import { gapSentence, indicatorGaps } from '../sim/missing';
import { cores } from '../sim/nodePool';
import type { Pool } from '../sim/pool';
import { type Pins, Run, type StepRecord } from '../sim/run';
import { agencyCommand, efficacyCommand } from './analysis';
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
import { claimsMapCommand } from './claimsMap';
import { csvComment, csvRow, fixed, pinsText, table } from './format';
import { applyFrozen, FROZEN_OPTIONS } from './frozen';
import type { Command } from './help';
import { encodeNumber, parseShard, shardRange, shardText } from './shard';
import { mergeCommand, parseMerge, sensitivityCommand } from './study';

export const MAX_WORKERS = 256;

export interface CommandOutput {
  text: string;
  out?: string;
  /** Printed on stderr as "warning: ..." lines after the output (the run went on). */
  warnings?: string[];
}

export interface CommandContext {
  cwd: string;
  /** A pool of this many worker threads (absent: run in this thread, as tests do). */
  pool?: (workers: number) => Pool;
}

const COMMON: OptionSpec = {
  steps: { type: 'string' },
  set: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...FROZEN_OPTIONS,
};

/** efficacy and agency run each scenario to its own horizon on seeds 1..2N: no --steps, no --seed-start. */
const { steps: _steps, ...WHOLE_RUN } = COMMON;

const SEEDS: OptionSpec = {
  seeds: { type: 'string' },
  'seed-start': { type: 'string' },
};

const PARALLEL: OptionSpec = { workers: { type: 'string' } };
const SHARD: OptionSpec = { shard: { type: 'string' } };

/** The pool to run on, or null for this thread (--workers 1, or no pool offered). */
export function poolFor(v: Values, ctx: CommandContext): Pool | null {
  const n = typeof v.workers === 'string' ? parseInteger(v.workers, '--workers', 1, MAX_WORKERS) : cores();
  return ctx.pool && n > 1 ? ctx.pool(n) : null;
}

export const OPTIONS: Record<Command, OptionSpec> = {
  run: {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    change: { type: 'string', multiple: true },
    ...COMMON,
  },
  ensemble: { scenario: { type: 'string' }, ...SEEDS, ...PARALLEL, ...COMMON },
  compare: {
    a: { type: 'string' },
    b: { type: 'string' },
    'set-b': { type: 'string', multiple: true },
    ...SEEDS,
    ...COMMON,
  },
  sweep: {
    scenario: { type: 'string' },
    lever: { type: 'string' },
    values: { type: 'string' },
    ...SEEDS,
    ...PARALLEL,
    ...SHARD,
    ...COMMON,
  },
  sensitivity: {
    scenario: { type: 'string' },
    indicator: { type: 'string' },
    method: { type: 'string' },
    samples: { type: 'string' },
    inputs: { type: 'string' },
    range: { type: 'string', multiple: true },
    'design-seed': { type: 'string' },
    bootstrap: { type: 'string' },
    ...SEEDS,
    ...PARALLEL,
    ...SHARD,
    ...COMMON,
  },
  merge: { format: { type: 'string' }, out: { type: 'string' }, pretty: { type: 'boolean' }, help: COMMON.help },
  efficacy: { scenario: { type: 'string' }, seeds: { type: 'string' }, ...PARALLEL, ...WHOLE_RUN },
  agency: {
    scenario: { type: 'string' },
    seeds: { type: 'string' },
    actor: { type: 'string' },
    ...PARALLEL,
    ...WHOLE_RUN,
  },
  'claims-map': {
    samples: { type: 'string' },
    seeds: { type: 'string' },
    'design-seed': { type: 'string' },
    only: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    pretty: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...PARALLEL,
    ...SHARD,
  },
};

export type Values = Record<string, string | string[] | boolean | undefined>;

export function required(v: Values, name: string, command: string, hint: string): string {
  const x = v[name];
  if (typeof x !== 'string') throw new CliError(`missing option --${name} for "${command}" (${hint})`);
  return x;
}

export function format(v: Values, allowed: readonly string[]): string {
  const f = typeof v.format === 'string' ? v.format : 'json';
  if (!allowed.includes(f)) throw new CliError(`--format: unknown format "${f}" (formats: ${allowed.join(', ')})`);
  if (v.pretty && f !== 'json') throw new CliError(`--pretty applies to --format json only`);
  return f;
}

export function steps(v: Values, spec: ModelSpec): number {
  return typeof v.steps === 'string' ? parseInteger(v.steps, '--steps', 0, MAX_STEPS) : spec.steps;
}

export function seeds(v: Values, command: string): { seeds: number; seedStart: number } {
  const n = parseInteger(required(v, 'seeds', command, `how many seeds, 1..${MAX_SEEDS}`), '--seeds', 1, MAX_SEEDS);
  const s = typeof v['seed-start'] === 'string' ? parseInteger(v['seed-start'], '--seed-start', 0, MAX_SEED) : 1;
  if (s + n - 1 > MAX_SEED)
    throw new CliError(`--seed-start ${s} with --seeds ${n} runs past the largest seed ${MAX_SEED}`);
  return { seeds: n, seedStart: s };
}

/** Pins in the order of LEVER_NAMES, so the output does not depend on the order of the options. */
export function canonicalPins(...layers: Readonly<Pins>[]): Pins {
  const merged: Pins = Object.assign({}, ...layers);
  const out: Pins = {};
  for (const name of LEVER_NAMES) if (merged[name] !== undefined) out[name] = merged[name];
  return out;
}

export function json(v: Values, value: unknown): string {
  return `${JSON.stringify(value, null, v.pretty ? 2 : undefined)}\n`;
}

/** The scenario's own indicators: expressions that may give no number at some step. */
function extraNames(spec: ModelSpec): string[] {
  return spec.indicators.map((x) => x.name);
}

export const SCENARIO_HINT = 'a preset id, see --help, or the path of a .json file';

export function out(v: Values): string | undefined {
  return typeof v.out === 'string' ? v.out : undefined;
}

export function runCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv']);
  const spec = applyFrozen(
    v,
    resolveScenario(required(v, 'scenario', 'run', SCENARIO_HINT), '--scenario', ctx.cwd).spec,
  );
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

export function ensembleCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const fmt = format(v, ['json', 'csv']);
  const spec = applyFrozen(
    v,
    resolveScenario(required(v, 'scenario', 'ensemble', SCENARIO_HINT), '--scenario', ctx.cwd).spec,
  );
  const s = seeds(v, 'ensemble');
  const n = steps(v, spec);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  const pool = poolFor(v, ctx);
  if (!pool) return ensembleText(v, spec, ensemble(spec, { ...s, steps: n, pins }), fmt);
  return pool
    .ensemble(spec, { ...s, steps: n, pins })
    .then((st) => ensembleText(v, spec, ensembleResult(toWorld(spec), st, { ...s, steps: n, pins }), fmt));
}

function ensembleText(v: Values, spec: ModelSpec, res: EnsembleResult, fmt: string): CommandOutput {
  const s = { seeds: res.seeds, seedStart: res.seedStart };
  const n = res.steps;
  const pins = res.pins;
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
  const stats = ['mean', 'sd', 'q05', 'q25', 'q50', 'q75', 'q95'] as const;
  for (const m of res.metrics) for (const x of stats) header.push(`${m}_${x}`);
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
      quantiles: res.quantiles.method,
    }),
    csvRow(header),
  ];
  for (const st of res.trajectory) {
    const row: (string | number)[] = [st.t, st.date];
    for (const m of res.metrics) {
      const q = st.metrics[m];
      for (const x of stats) row.push(q[x]);
    }
    for (const c of CONFIGS) row.push(st.configs[c]);
    lines.push(csvRow(row));
  }
  return { text: `${lines.join('\n')}\n`, out: out(v), warnings };
}

export function compareCommand(v: Values, ctx: CommandContext): CommandOutput {
  const fmt = format(v, ['json', 'csv', 'table']);
  const a = applyFrozen(
    v,
    resolveScenario(required(v, 'a', 'compare', `scenario a: ${SCENARIO_HINT}`), '--a', ctx.cwd).spec,
  );
  const b = applyFrozen(
    v,
    resolveScenario(required(v, 'b', 'compare', `scenario b: ${SCENARIO_HINT}`), '--b', ctx.cwd).spec,
  );
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

export function pinsLabel(p: Pins): string {
  const t = pinsText(p);
  return t === 'none' ? '' : ` (pinned: ${t})`;
}

function signed(x: number): string {
  const s = fixed(x);
  return s.startsWith('-') || /^0\.0+$/.test(s) ? s : `+${s}`;
}

/** Everything a sweep's output shows besides its rows: what a shard's header carries. */
export interface SweepStudy {
  scenario: string;
  title: string;
  lever: LeverName;
  values: number[];
  seeds: number;
  seedStart: number;
  steps: number;
  horizon: string;
  metrics: string[];
  /** The scenario's own indicators (a value may be missing: a warning names it). */
  extras: string[];
  /** The --set pins, and every pinned lever (the scenario's own too). */
  pins: Pins;
  pinned: Pins;
}

export function sweepCommand(v: Values, ctx: CommandContext): CommandOutput | Promise<CommandOutput> {
  const shard = typeof v.shard === 'string' ? parseShard(v.shard) : null;
  if (shard && v.format !== undefined)
    throw new CliError('--shard writes JSON lines for merge; give --format to merge');
  const fmt = format(v, ['json', 'csv', 'table']);
  const spec = applyFrozen(
    v,
    resolveScenario(required(v, 'scenario', 'sweep', SCENARIO_HINT), '--scenario', ctx.cwd).spec,
  );
  const lever: LeverName = parseLever(required(v, 'lever', 'sweep', `the lever to sweep: ${LEVER_NAMES.join(', ')}`));
  const values = parseValues(required(v, 'values', 'sweep', 'v1,v2,... or from:to:step'), lever);
  const s = seeds(v, 'sweep');
  const n = steps(v, spec);
  const pins = canonicalPins(parsePins(v.set as string[] | undefined));
  if (pins[lever] !== undefined)
    throw new CliError(`--set ${lever} conflicts with --lever ${lever}: the sweep sets it`);
  const world = toWorld(spec);
  const study: SweepStudy = {
    scenario: spec.id,
    title: spec.title,
    lever,
    values,
    seeds: s.seeds,
    seedStart: s.seedStart,
    steps: n,
    horizon: formatQuarter(spec.start + n),
    metrics: metricNames(world),
    extras: extraNames(spec),
    pins,
    pinned: canonicalPins(spec.pinned, pins),
  };
  const { from, to } = shard ? shardRange(shard, values.length) : { from: 0, to: values.length };
  const todo = values.slice(from, to).map((value, k) => ({ index: from + k, value }));
  const opts = { ...s, steps: n, pins };
  const done = (means: Float64Array[]): CommandOutput => {
    if (shard) {
      const lines = todo.map((t, k) => ({ i: t.index, value: t.value, means: Array.from(means[k], encodeNumber) }));
      return { text: shardText('sweep', shard, values.length, study, lines), out: out(v) };
    }
    const rows = todo.map((t, k) => ({ value: t.value, means: namedMeans(study.metrics, means[k]) }));
    return sweepText(v, study, rows, fmt);
  };
  const pool = poolFor(v, ctx);
  if (!pool) return done(todo.map((t) => sweepSums(world, lever, t.value, opts)));
  return pool.sweep(spec, lever, todo, opts).then(done);
}

/** A sweep's output, from its study and rows (merge prints the same through here). */
export function sweepText(v: Values, study: SweepStudy, rows: SweepRow[], fmt: string): CommandOutput {
  const { lever } = study;
  const warnings = study.extras
    .map((name) => ({ name, bad: rows.filter((r) => Number.isNaN(r.means[name])).map((r) => r.value) }))
    .filter((x) => x.bad.length > 0)
    .map((x) =>
      gapSentence({ name: x.name, steps: [study.steps] }, 1, () => study.horizon, {
        inSome: true,
        consequence: `its mean there is missing for ${lever}=${x.bad.join(', ')}`,
      }),
    );
  if (fmt === 'json') {
    const res = {
      scenario: study.scenario,
      lever,
      seeds: study.seeds,
      seedStart: study.seedStart,
      steps: study.steps,
      horizon: study.horizon,
      metrics: study.metrics,
      rows,
      pins: study.pins,
    };
    return { text: json(v, res), out: out(v), warnings };
  }
  if (fmt === 'csv') {
    const lines = [
      csvComment({
        'strategic-triangle sweep': study.title,
        scenario: study.scenario,
        lever,
        seeds: study.seeds,
        'seed-start': study.seedStart,
        steps: study.steps,
        horizon: study.horizon,
        pinned: pinsText(study.pinned),
      }),
      csvRow([lever, ...study.metrics]),
      ...rows.map((r) => csvRow([r.value, ...study.metrics.map((m) => r.means[m])])),
    ];
    return { text: `${lines.join('\n')}\n`, out: out(v), warnings };
  }
  const title = [
    `${study.scenario}${pinsLabel(study.pinned)}: ensemble mean at ${study.horizon} (${study.steps} steps)`,
    `${study.seeds} seed${study.seeds > 1 ? 's' : ''} from ${study.seedStart} per value of ${lever}`,
  ];
  const body = table(
    ['metric', ...rows.map((r) => `${lever}=${r.value}`)],
    study.metrics.map((m) => [m, ...rows.map((r) => fixed(r.means[m]))]),
  );
  return { text: `${title.join('\n')}\n\n${body}\n`, out: out(v), warnings };
}

export const COMMAND_FNS: Record<Command, (v: Values, ctx: CommandContext) => CommandOutput | Promise<CommandOutput>> =
  {
    run: runCommand,
    ensemble: ensembleCommand,
    compare: compareCommand,
    sweep: sweepCommand,
    sensitivity: sensitivityCommand,
    merge: mergeCommand,
    efficacy: efficacyCommand,
    agency: agencyCommand,
    'claims-map': claimsMapCommand,
  };

export function parseCommand(cmd: Command, args: string[]): Values {
  if (cmd === 'merge') return parseMerge(args, OPTIONS.merge);
  return parseOptions(cmd, args, OPTIONS[cmd]);
}
